"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { verifySignInCode } from "@/lib/mfa/actions/verify-sign-in-code";
import { signInCodeSchema, type CodeInput as CodeValues } from "@/lib/mfa/schemas";
import { CodeInput } from "./code-input";

export function SignInCodeForm({ next }: { next?: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const form = useForm<CodeValues>({ resolver: zodResolver(signInCodeSchema), defaultValues: { code: "", next } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await verifySignInCode(values);
    if (result.ok) {
      router.replace(result.data.next);
      router.refresh();
      return;
    }
    if (result.fieldErrors?.code) form.setError("code", { message: result.fieldErrors.code });
    else setFormError(result.error);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field
        label="Authentication code"
        error={errors.code?.message}
        hint="The 6-digit code your authenticator app shows now."
      >
        <CodeInput autoFocus {...form.register("code")} />
      </Field>
      <Button type="submit" className="w-full" pending={isSubmitting}>
        Verify
      </Button>
    </form>
  );
}
