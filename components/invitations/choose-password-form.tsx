"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { choosePasswordAndAccept } from "@/lib/invitations/actions/choose-password";
import { choosePasswordSchema, type ChoosePasswordInput } from "@/lib/invitations/schemas";

/** A new person's first password; on success they are signed in and in the org. */
export function ChoosePasswordForm({ token, email, orgName }: { token: string; email: string; orgName: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const form = useForm<ChoosePasswordInput>({
    resolver: zodResolver(choosePasswordSchema),
    defaultValues: { token, password: "", confirm: "" },
  });
  const onSubmit = form.handleSubmit(async () => {
    setFormError(undefined);
    const result = await choosePasswordAndAccept(form.getValues());
    if (result.ok) {
      toast.success(`Welcome to ${orgName}.`);
      router.replace(result.data.next);
      router.refresh();
      return;
    }
    setFormError(result.error);
    for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
      if (field === "password" || field === "confirm") form.setError(field, { message });
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Choose a password">
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field label="Email">
        <Input type="email" value={email} readOnly autoComplete="username" className="bg-slate-50 text-slate-600" />
      </Field>
      <Field label="Password" hint="At least 8 characters." error={form.formState.errors.password?.message}>
        <Input type="password" autoComplete="new-password" autoFocus {...form.register("password")} />
      </Field>
      <Field label="Repeat the password" error={form.formState.errors.confirm?.message}>
        <Input type="password" autoComplete="new-password" {...form.register("confirm")} />
      </Field>
      <Button type="submit" className="w-full" pending={form.formState.isSubmitting}>
        Set password and join
      </Button>
    </form>
  );
}
