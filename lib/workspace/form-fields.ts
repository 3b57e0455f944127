import { z } from "zod";
import { recordId } from "@/lib/validation/record-id";

/**
 * What the workspace forms share beyond lib/validation: a picked id, and days as the
 * instants the database keeps.
 */

/** "" (none) or a record id picked from a list. */
export const optionalId = (message: string) =>
  z
    .union([z.string(), z.null()], { error: message })
    .optional()
    .transform((value) => value || null)
    .refine((value) => value === null || recordId().safeParse(value).success, { error: message });

/**
 * A day as an instant for timestamptz columns that the UI edits by day. Noon UTC lands
 * on the same calendar day in every time zone from UTC-11 to UTC+11.
 */
export function dayToInstant(day: string): string;
export function dayToInstant(day: string | null): string | null;
export function dayToInstant(day: string | null): string | null {
  return day ? `${day}T12:00:00.000Z` : null;
}

/** The calendar day of an instant in a time zone (YYYY-MM-DD), for date inputs. */
export function instantToDay(value: string | null | undefined, timeZone: string): string {
  if (!value) return "";
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(value),
  );
}
