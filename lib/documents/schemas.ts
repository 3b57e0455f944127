import { z } from "zod";
import { recordId } from "@/lib/validation/record-id";
import { tagList } from "@/lib/validation/tags";
import { requiredText } from "@/lib/validation/text";
import { requiredUrl } from "@/lib/validation/url";
import { DOCUMENT_TYPES, DOCUMENT_VISIBILITIES } from "./constants";

/** A document link: http(s) URL (Notion or anything), title, type, tags, visibility. */
export const documentFormSchema = z.object({
  title: requiredText("Title", 300),
  url: requiredUrl("Paste the document's link"),
  document_type: z.enum(DOCUMENT_TYPES, { error: "Choose a type" }),
  tags: tagList(),
  visibility: z.enum(DOCUMENT_VISIBILITIES, { error: "Choose who can see it" }),
});
export type DocumentFormInput = z.input<typeof documentFormSchema>;

export const createDocumentSchema = documentFormSchema.extend({ partnerId: recordId() });
export const updateDocumentSchema = documentFormSchema.extend({ documentId: recordId() });
export const documentIdSchema = z.object({ documentId: recordId() });
