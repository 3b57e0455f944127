"use client";

import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { createDocument } from "@/lib/documents/actions/create-document";
import { updateDocument } from "@/lib/documents/actions/update-document";
import { DOCUMENT_TYPES, DOCUMENT_TYPE_LABELS } from "@/lib/documents/constants";
import { documentFormSchema, type DocumentFormInput } from "@/lib/documents/schemas";
import { Dialog } from "../dialog";
import { FormError } from "../form-error";
import { useActionForm } from "../use-action-form";
import { useWorkspace } from "../workspace-context";
import type { DocumentRow } from "./document-list";

export function DocumentFormDialog({
  document,
  open,
  onOpenChange,
}: {
  document: DocumentRow | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={document ? "Edit document" : "Add a document link"}
      description="A link to Notion, Google Drive or any page. File uploads come later."
    >
      {open && <DocumentForm document={document} onDone={() => onOpenChange(false)} />}
    </Dialog>
  );
}

function DocumentForm({ document, onDone }: { document: DocumentRow | null; onDone: () => void }) {
  const { partnerId } = useWorkspace();
  const defaults: DocumentFormInput = document
    ? {
        title: document.title,
        url: document.url,
        document_type: document.document_type as DocumentFormInput["document_type"],
        tags: document.tags.join(", "),
        visibility: document.visibility as DocumentFormInput["visibility"],
      }
    : { title: "", url: "", document_type: "other", tags: "", visibility: "internal" };
  const form = useForm({ resolver: zodResolver(documentFormSchema), defaultValues: defaults });
  const { errors } = form.formState;
  const { submit, formError, pending } = useActionForm(
    form,
    (values) =>
      document ? updateDocument({ ...values, documentId: document.id }) : createDocument({ ...values, partnerId }),
    onDone,
    document ? "Document saved" : "Document added",
  );
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <Field label="Title" error={errors.title?.message}>
        <Input {...form.register("title")} autoFocus placeholder="Reseller agreement 2026" />
      </Field>
      <Field label="Link" error={errors.url?.message}>
        <Input type="url" {...form.register("url")} placeholder="https://www.notion.so/..." />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Type" error={errors.document_type?.message}>
          <Select {...form.register("document_type")}>
            {DOCUMENT_TYPES.map((value) => (
              <option key={value} value={value}>
                {DOCUMENT_TYPE_LABELS[value]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Visibility" error={errors.visibility?.message}>
          <Select {...form.register("visibility")}>
            <option value="internal">Internal (staff only)</option>
            <option value="shared">Shared with the partner</option>
          </Select>
        </Field>
      </div>
      <Field label="Tags" error={errors.tags?.message} hint="Comma-separated, e.g. legal, 2026">
        <Input {...form.register("tags")} />
      </Field>
      <FormError message={formError} />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" pending={pending}>
          {document ? "Save document" : "Add document"}
        </Button>
      </div>
    </form>
  );
}
