import { z } from "zod";
import { uuid } from "@/lib/workspace/form-fields";

/** A manual note on the timeline. Notes are added, never edited. */
export const noteFormSchema = z.object({
  body: z
    .string()
    .trim()
    .min(1, { error: "Write the note first" })
    .max(10000, { error: "Use at most 10,000 characters" }),
});
export type NoteFormInput = z.input<typeof noteFormSchema>;

export const addPartnerNoteSchema = noteFormSchema.extend({ partnerId: uuid() });
