"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { requestPortalLink } from "@/lib/auth/actions/request-portal-link";
import { verifyPortalCode } from "@/lib/auth/actions/verify-portal-code";
import { emailOnlySchema, otpCodeSchema, type EmailOnlyInput, type OtpCodeInput } from "@/lib/auth/schemas";

/** Step one asks for the email; step two takes the code (or the user clicks the link). */
export function PortalSignInForm() {
  const [sentTo, setSentTo] = useState<string>();
  return sentTo ? <CodeStep email={sentTo} onRestart={() => setSentTo(undefined)} /> : <EmailStep onSent={setSentTo} />;
}

function EmailStep({ onSent }: { onSent: (email: string) => void }) {
  const [formError, setFormError] = useState<string>();
  const form = useForm<EmailOnlyInput>({ resolver: zodResolver(emailOnlySchema), defaultValues: { email: "" } });
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await requestPortalLink(values);
    if (result.ok) onSent(result.data.email);
    else {
      setFormError(result.error);
      if (result.fieldErrors?.email) form.setError("email", { message: result.fieldErrors.email });
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field label="Email" error={form.formState.errors.email?.message}>
        <Input type="email" autoComplete="email" autoFocus {...form.register("email")} />
      </Field>
      <Button type="submit" className="w-full" pending={form.formState.isSubmitting}>
        Email me a sign-in link
      </Button>
    </form>
  );
}

function CodeStep({ email, onRestart }: { email: string; onRestart: () => void }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const form = useForm<OtpCodeInput>({ resolver: zodResolver(otpCodeSchema), defaultValues: { email, token: "" } });
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await verifyPortalCode(values);
    if (result.ok) {
      router.replace(result.data.next);
      router.refresh();
      return;
    }
    setFormError(result.error);
    if (result.fieldErrors?.token) form.setError("token", { message: result.fieldErrors.token });
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <Alert tone="info" title="Check your email">
        If <strong>{email}</strong> has access, an email is on its way; you can ask again in a minute. Its sign-in link
        and 6-digit code work once, for 15 minutes.
      </Alert>
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field label="6-digit code" error={form.formState.errors.token?.message}>
        <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus {...form.register("token")} />
      </Field>
      <Button type="submit" className="w-full" pending={form.formState.isSubmitting}>
        Sign in with code
      </Button>
      <button
        type="button"
        onClick={onRestart}
        className="w-full text-center text-sm font-medium text-brand-700 hover:underline"
      >
        Use a different email
      </button>
    </form>
  );
}
