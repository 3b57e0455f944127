import { z } from "zod";

/** How many choices one keystroke brings back at most: enough to scan, far below the API's row limit. */
export const PICKER_LIMIT_MAX = 50;
export const PICKER_LIMIT_DEFAULT = 20;

/** One choice in a server-searched picker. */
export type PickerOption = {
  id: string;
  label: string;
  detail?: string;
  /** A person's name alone, for where the chosen one is shown before the server answers. */
  name?: string;
};

export const pickerQuerySchema = z.object({
  q: z.string().trim().max(100, { error: "Search with at most 100 characters." }).default(""),
  limit: z.coerce.number().int().min(1).max(PICKER_LIMIT_MAX).default(PICKER_LIMIT_DEFAULT),
});
export type PickerQuery = z.output<typeof pickerQuerySchema>;

/**
 * A typed term as a pattern that matches it literally: LIKE's own wildcards are escaped,
 * and the characters PostgREST reads as syntax inside or=() (and `*`, its wildcard) become spaces.
 */
export function containsPattern(term: string): string | null {
  const plain = term
    .replace(/[*,()"\\:]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (!plain) return null;
  return `%${plain.replace(/[%_]/g, (sign) => `\\${sign}`)}%`;
}
