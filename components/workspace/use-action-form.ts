"use client";

import { useState } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/actions/result";

/**
 * Sends what the user typed (the form's raw values; the action parses them with the
 * same schema) and puts the server's answer where it belongs: field errors at their
 * fields, anything else above the buttons. The form keeps its values on failure.
 */
export function useActionForm<TInput extends FieldValues, TOutput, TResult>(
  form: UseFormReturn<TInput, unknown, TOutput>,
  send: (values: TInput) => Promise<ActionResult<TResult>>,
  onSuccess: (data: TResult) => void,
  successMessage?: string,
) {
  const [formError, setFormError] = useState<string | null>(null);
  const submit = form.handleSubmit(async () => {
    setFormError(null);
    const result = await send(form.getValues());
    if (result.ok) {
      if (successMessage) toast.success(successMessage);
      onSuccess(result.data);
      return;
    }
    // Errors about fields this form shows go to them; any other (the record's id, "form")
    // goes above the buttons, so a refusal is never silent.
    const shown = form.getValues();
    const fieldEntries = Object.entries(result.fieldErrors ?? {}).filter(([key]) => key in shown);
    for (const [key, message] of fieldEntries) form.setError(key as Path<TInput>, { type: "server", message });
    const other = Object.entries(result.fieldErrors ?? {}).find(([key]) => !(key in shown))?.[1];
    if (fieldEntries.length === 0 || other) setFormError(other ?? result.error);
  });
  return { submit, formError, setFormError, pending: form.formState.isSubmitting };
}
