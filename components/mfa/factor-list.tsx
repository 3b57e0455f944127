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
import { removeFactor } from "@/lib/mfa/actions/remove-factor";
import { codeField } from "@/lib/mfa/schemas";
import { CodeInput } from "./code-input";

export type ListedFactor = { id: string; name: string; added: string };

const schema = z.object({ code: codeField });

function RemoveFactor({ factor, onDone }: { factor: ListedFactor; onDone: () => void }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const form = useForm<z.input<typeof schema>>({ resolver: zodResolver(schema), defaultValues: { code: "" } });
  const submit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await removeFactor({ factorId: factor.id, code: values.code });
    if (!result.ok) {
      if (result.fieldErrors?.code) form.setError("code", { message: result.fieldErrors.code });
      else setFormError(result.error);
      return;
    }
    toast.success(`${factor.name} removed.`);
    onDone();
    router.refresh();
  });
  return (
    <form onSubmit={submit} noValidate className="mt-3 space-y-3" aria-label={`Remove ${factor.name}`}>
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field
        label="Code to confirm"
        error={form.formState.errors.code?.message}
        hint="A current code from any of your authenticators."
      >
        <CodeInput autoFocus {...form.register("code")} />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" variant="danger" size="sm" pending={form.formState.isSubmitting}>
          Remove {factor.name}
        </Button>
        <Button size="sm" variant="ghost" onClick={onDone} disabled={form.formState.isSubmitting}>
          Keep it
        </Button>
      </div>
    </form>
  );
}

/** The person's authenticators; removing one asks for a fresh code. */
export function FactorList({ factors }: { factors: ListedFactor[] }) {
  const [removing, setRemoving] = useState<string | null>(null);
  return (
    <ul className="divide-y divide-slate-100">
      {factors.map((factor) => (
        <li key={factor.id} className="px-5 py-3" data-testid="factor">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <div className="min-w-0">
              <p className="font-medium text-slate-900">{factor.name}</p>
              <p className="text-sm text-slate-500">Authenticator app · added {factor.added}</p>
            </div>
            {removing !== factor.id && (
              <Button variant="ghost" size="sm" onClick={() => setRemoving(factor.id)}>
                Remove
              </Button>
            )}
          </div>
          {removing === factor.id && <RemoveFactor factor={factor} onDone={() => setRemoving(null)} />}
        </li>
      ))}
    </ul>
  );
}
