import { z } from "zod";
import { recordId } from "@/lib/validation/record-id";

/**
 * Building blocks for the workspace's zod schemas. Forms hold what the user typed
 * (strings), so each field's input is a string and its output the value the database
 * takes. The same schema runs in the browser (react-hook-form) and in the server action.
 */

export const requiredText = (label: string, max: number) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, { error: `${label} is required` })
    .max(max, { error: `Use at most ${max} characters` });

export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Use at most ${max} characters` })
    .transform((value) => value || null);

export const optionalEmail = () =>
  z
    .string()
    .trim()
    .toLowerCase()
    .refine((value) => value === "" || z.email().safeParse(value).success, { error: "Enter a valid email address" })
    .transform((value) => value || null);

const MONEY = /^\d{1,12}(\.\d{1,2})?$/;

/** An optional amount of 0 or more ("" means none). */
export const optionalMoney = () =>
  z
    .string()
    .trim()
    .refine((value) => value === "" || !value.startsWith("-"), { error: "Use a value of 0 or more" })
    .refine((value) => value === "" || value.startsWith("-") || MONEY.test(value), {
      error: "Enter a number, like 1200 or 1200.50",
    })
    .transform((value) => (value === "" ? null : Number(value)));

/** A required amount above 0. */
export const positiveMoney = () =>
  z
    .string()
    .trim()
    .min(1, { error: "Enter an amount" })
    .refine((value) => MONEY.test(value) || value.startsWith("-"), { error: "Enter a number, like 1200 or 1200.50" })
    .refine((value) => !value.startsWith("-") && Number(value) > 0, { error: "The amount must be above 0" })
    .transform(Number);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (value: string) => ISO_DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/** A calendar day (YYYY-MM-DD, what <input type="date"> gives). */
export const requiredDate = (label: string) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, { error: `${label} is required` })
    .refine(isRealDate, { error: "Enter a valid date" });

export const optionalDate = () =>
  z
    .string()
    .trim()
    .refine((value) => value === "" || isRealDate(value), { error: "Enter a valid date" })
    .transform((value) => value || null);

/** "a, b , c" → ["a", "b", "c"] (deduplicated, lowercased). */
export const tagList = () =>
  z
    .string()
    .transform((value) => [
      ...new Set(
        value
          .split(",")
          .map((tag) => tag.trim().toLowerCase())
          .filter(Boolean),
      ),
    ])
    .pipe(
      z
        .array(z.string().max(50, { error: "Keep each tag under 50 characters" }))
        .max(20, { error: "Use at most 20 tags" }),
    );

/** A record id (see lib/validation/record-id.ts for why it is not z.uuid()). */
export const uuid = () => recordId();

/** "" (none) or a record id picked from a list. */
export const optionalId = (message: string) =>
  z
    .string()
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
