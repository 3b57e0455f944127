"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { resetMemberFactors } from "@/lib/mfa/actions/reset-member-factors";
import { codeField } from "@/lib/mfa/schemas";
import { CodeInput } from "./code-input";

const schema = z.object({ code: codeField });

/** An admin removes a member's authenticators (a lost device) after entering a code of their own. */
export function ResetMemberFactors({ userId, label }: { userId: string; label: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string>();
  const form = useForm<z.input<typeof schema>>({ resolver: zodResolver(schema), defaultValues: { code: "" } });

  const submit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await resetMemberFactors({ userId, code: values.code });
    if (!result.ok) {
      if (result.fieldErrors?.code) form.setError("code", { message: result.fieldErrors.code });
      else setFormError(result.error);
      return;
    }
    const { removed, emailed } = result.data;
    toast.success(
      removed === 0
        ? `${label} had no authenticator to remove.`
        : `${label}'s two-factor sign-in was reset.${emailed ? " They have been emailed." : " The email to them could not be sent."}`,
    );
    setOpen(false);
    form.reset();
    router.refresh();
  });

  if (!open) {
    return (
      <Button variant="ghost" size="sm" onClick={() => setOpen(true)}>
        Reset two-factor
      </Button>
    );
  }
  return (
    <form
      onSubmit={submit}
      noValidate
      className="w-full space-y-3 rounded-md border border-slate-200 p-3 sm:w-72"
      aria-label={`Reset two-factor sign-in of ${label}`}
    >
      <p className="text-sm text-slate-600">
        Removes {label}&apos;s authenticator apps; they set up a new one at their next sign-in and are told by email.
      </p>
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field label="Your code" error={form.formState.errors.code?.message} hint="From your own authenticator app.">
        <CodeInput autoFocus {...form.register("code")} />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" variant="danger" size="sm" pending={form.formState.isSubmitting}>
          Reset
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setOpen(false)} disabled={form.formState.isSubmitting}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
