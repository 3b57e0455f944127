import { z } from "zod";
import { requiredText, tagList, uuid } from "@/lib/workspace/form-fields";
import { DOCUMENT_TYPES, DOCUMENT_VISIBILITIES } from "./constants";

/** A document link: http(s) URL (Notion or anything), title, type, tags, visibility. */
export const documentFormSchema = z.object({
  title: requiredText("Title", 300),
  url: z
    .string()
    .trim()
    .min(1, { error: "Paste the document's link" })
    .refine((value) => /^https?:\/\/[^\s]+$/i.test(value) && URL.canParse(value), {
      error: "Enter a link starting with http:// or https://",
    }),
  document_type: z.enum(DOCUMENT_TYPES, { error: "Choose a type" }),
  tags: tagList(),
  visibility: z.enum(DOCUMENT_VISIBILITIES, { error: "Choose who can see it" }),
});
export type DocumentFormInput = z.input<typeof documentFormSchema>;

export const createDocumentSchema = documentFormSchema.extend({ partnerId: uuid() });
export const updateDocumentSchema = documentFormSchema.extend({ documentId: uuid() });
export const documentIdSchema = z.object({ documentId: uuid() });
