"use client";

import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { addPartnerNote } from "@/lib/notes/actions/add-partner-note";
import { noteFormSchema } from "@/lib/notes/schemas";
import { FormError } from "../form-error";
import { useActionForm } from "../use-action-form";
import { usePermission, useWorkspace } from "../workspace-context";

/** A manual, internal note on the timeline. Notes are added, never edited. */
export function NoteForm() {
  const { partnerId } = useWorkspace();
  const permission = usePermission("edit");
  const queryClient = useQueryClient();
  const form = useForm({ resolver: zodResolver(noteFormSchema), defaultValues: { body: "" } });
  const { submit, formError, pending } = useActionForm(
    form,
    (values) => addPartnerNote({ ...values, partnerId }),
    () => {
      form.reset({ body: "" });
      void queryClient.invalidateQueries({ queryKey: ["workspace", partnerId, "activity"] });
    },
    "Note added",
  );
  return (
    <form onSubmit={submit} noValidate className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <Field
        label="Add a note"
        error={form.formState.errors.body?.message}
        hint={permission.reason ?? "Internal: staff only. Notes cannot be edited once added."}
      >
        <Textarea
          {...form.register("body")}
          rows={3}
          disabled={!permission.allowed}
          placeholder="Call with Pat: they want the Q3 co-marketing budget confirmed."
        />
      </Field>
      <FormError message={formError} />
      <div className="flex justify-end">
        <Button type="submit" size="sm" pending={pending} disabled={!permission.allowed} title={permission.reason}>
          Add note
        </Button>
      </div>
    </form>
  );
}
