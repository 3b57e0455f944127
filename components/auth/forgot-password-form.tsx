"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { requestPasswordReset } from "@/lib/auth/actions/request-password-reset";
import { emailOnlySchema, type EmailOnlyInput } from "@/lib/auth/schemas";

export function ForgotPasswordForm() {
  const [sentTo, setSentTo] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const form = useForm<EmailOnlyInput>({ resolver: zodResolver(emailOnlySchema), defaultValues: { email: "" } });
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await requestPasswordReset(values);
    if (result.ok) setSentTo(result.data.email);
    else setFormError(result.error);
  });
  if (sentTo) {
    return (
      <Alert tone="success" title="Check your email">
        If <strong>{sentTo}</strong> has an account, a link to reset its password is on its way. It works once, for one
        hour.
      </Alert>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field label="Work email" error={form.formState.errors.email?.message}>
        <Input type="email" autoComplete="email" autoFocus {...form.register("email")} />
      </Field>
      <Button type="submit" className="w-full" pending={form.formState.isSubmitting}>
        Email me a reset link
      </Button>
    </form>
  );
}
