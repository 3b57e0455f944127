import { z } from "zod";
import { recordId } from "@/lib/validation/record-id";
import { requiredText } from "@/lib/validation/text";

/** A manual note on the timeline. Notes are added, never edited. */
export const noteFormSchema = z.object({ body: requiredText("The note", 10000, "Write the note first") });
export type NoteFormInput = z.input<typeof noteFormSchema>;

export const addPartnerNoteSchema = noteFormSchema.extend({ partnerId: recordId() });
