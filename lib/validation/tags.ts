import { z } from "zod";
import { cleanText, isInvisible } from "./text";

export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 50;

function tagArray(lowercase: boolean) {
  const tag = z
    .string({ error: "Enter tags as text" })
    .transform((value) => (lowercase ? cleanText(value).toLowerCase() : cleanText(value)))
    .refine((value) => value.length <= MAX_TAG_LENGTH, { error: `Keep each tag to ${MAX_TAG_LENGTH} characters` });
  return z
    .array(tag, { error: "Enter tags as a list" })
    .transform((tags) => [...new Set(tags.filter((value) => !isInvisible(value)))])
    .refine((tags) => tags.length <= MAX_TAGS, { error: `Use at most ${MAX_TAGS} tags` });
}

/** Tags as a list (a partner's, from the grid or the import): cleaned and deduplicated, case kept. */
export const tagArraySchema = () => tagArray(false);

/** "a, b , c" as typed in a form → ["a", "b", "c"], lowercased. */
export const tagList = () =>
  z
    .string({ error: "Enter tags separated by commas" })
    .transform((value) => value.split(","))
    .pipe(tagArray(true));

/** What ends a tag as it is typed or pasted: "a, b" or one tag a line. */
const TAG_SEPARATOR = /[,\n]/;

export const hasTagSeparator = (typed: string) => TAG_SEPARATOR.test(typed);

/**
 * The chips after what was typed is added: split at separators, pieces trimmed, empty
 * ones dropped and a tag already there kept out. Limits and case are the schema's to judge.
 */
export function addTags(tags: readonly string[], typed: string): string[] {
  const next = [...tags];
  for (const piece of typed.split(TAG_SEPARATOR)) {
    const tag = piece.trim();
    if (tag && !next.includes(tag)) next.push(tag);
  }
  return next;
}
