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
import { Input } from "@/components/ui/input";
import { confirmEnrolment } from "@/lib/mfa/actions/confirm-enrolment";
import { enrolFactor } from "@/lib/mfa/actions/enrol-factor";
import { codeField, enrolSchema, type EnrolInput } from "@/lib/mfa/schemas";
import { CodeInput } from "./code-input";

type Pending = { factorId: string; qrCode: string; secret: string; name: string };

const confirmSchema = z.object({ code: codeField });

/** The secret in groups of four, as authenticator apps show and people type it. */
function grouped(secret: string): string {
  return secret.replace(/(.{4})/g, "$1 ").trim();
}

/**
 * Setting up an authenticator: a name first (it cannot be changed later), then the QR code
 * and the secret to type, then one code to confirm. Until a code is confirmed nothing counts.
 */
export function EnrolAuthenticator({ suggestedName }: { suggestedName: string }) {
  const router = useRouter();
  const [pending, setPending] = useState<Pending | null>(null);
  const [formError, setFormError] = useState<string>();
  const nameForm = useForm<EnrolInput>({
    resolver: zodResolver(enrolSchema),
    defaultValues: { friendlyName: suggestedName },
  });
  const codeForm = useForm<z.input<typeof confirmSchema>>({
    resolver: zodResolver(confirmSchema),
    defaultValues: { code: "" },
  });

  const start = nameForm.handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await enrolFactor(values);
    if (!result.ok) {
      if (result.fieldErrors?.friendlyName)
        nameForm.setError("friendlyName", { message: result.fieldErrors.friendlyName });
      else setFormError(result.error);
      return;
    }
    setPending({ ...result.data, name: values.friendlyName.trim() });
  });

  const confirm = codeForm.handleSubmit(async (values) => {
    if (!pending) return;
    setFormError(undefined);
    const result = await confirmEnrolment({ factorId: pending.factorId, code: values.code });
    if (!result.ok) {
      if (result.fieldErrors?.code) codeForm.setError("code", { message: result.fieldErrors.code });
      else setFormError(result.error);
      return;
    }
    toast.success(`${pending.name} is set up. You will enter its code when you sign in.`);
    setPending(null);
    codeForm.reset();
    nameForm.reset({ friendlyName: "" });
    router.refresh();
  });

  if (!pending) {
    return (
      <form onSubmit={start} noValidate className="space-y-4" aria-label="Add an authenticator app">
        {formError && <Alert tone="error">{formError}</Alert>}
        <Field
          label="Name of this authenticator"
          error={nameForm.formState.errors.friendlyName?.message}
          hint="So you can tell your devices apart, for example “Work phone”. It cannot be changed later."
        >
          <Input autoComplete="off" {...nameForm.register("friendlyName")} />
        </Field>
        <Button type="submit" pending={nameForm.formState.isSubmitting}>
          Set up an authenticator app
        </Button>
      </form>
    );
  }

  return (
    <form onSubmit={confirm} noValidate className="space-y-5" aria-label={`Confirm ${pending.name}`}>
      {formError && <Alert tone="error">{formError}</Alert>}
      <ol className="space-y-5 text-sm text-slate-700">
        <li className="flex flex-col gap-4 sm:flex-row sm:items-start">
          {/* eslint-disable-next-line @next/next/no-img-element -- an SVG data URL made by the auth server */}
          <img
            src={pending.qrCode}
            alt="QR code to scan with your authenticator app"
            width={176}
            height={176}
            className="size-44 shrink-0 rounded-md border border-slate-200 bg-white p-2"
          />
          <div className="min-w-0 space-y-2">
            <p>
              <span className="font-medium text-slate-900">1. Scan this QR code</span> with an authenticator app (Google
              Authenticator, 1Password, Microsoft Authenticator…).
            </p>
            <p>Can&apos;t scan it? Type this key into the app instead:</p>
            <code
              data-testid="totp-secret"
              data-secret={pending.secret}
              className="block rounded-md bg-slate-100 px-3 py-2 font-mono text-sm break-all text-slate-900 select-all"
            >
              {grouped(pending.secret)}
            </code>
          </div>
        </li>
        <li className="space-y-3">
          <p>
            <span className="font-medium text-slate-900">2. Enter the code</span> the app now shows for Partnerdesk.
          </p>
          <Field label="Code from the app" error={codeForm.formState.errors.code?.message}>
            <CodeInput autoFocus {...codeForm.register("code")} />
          </Field>
        </li>
      </ol>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" pending={codeForm.formState.isSubmitting}>
          Confirm and turn on
        </Button>
        <Button variant="ghost" onClick={() => setPending(null)} disabled={codeForm.formState.isSubmitting}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
