import { z } from "zod";

// Overrides and isolates (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI) can make a name read
// backwards in every list that shows it ("Trojan Source"); nothing a person types needs them.
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
// A value made only of these shows as blank: spaces, zero-width and other format characters.
const INVISIBLE_ONLY = /^[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}]*$/u;

/** Text as stored: bidi overrides removed, trimmed. */
export function cleanText(value: string): string {
  return value.replace(BIDI_CONTROLS, "").trim();
}

export function isInvisible(value: string): boolean {
  return INVISIBLE_ONLY.test(value);
}

const atMost = (max: number) => `Use at most ${max.toLocaleString("en-US")} characters`;

/** Required text: visible characters, at most `max` of them. */
export const requiredText = (label: string, max: number, missing = `${label} is required`) =>
  z
    .string({ error: missing })
    .transform(cleanText)
    .refine((value) => !isInvisible(value), { error: missing })
    .refine((value) => value.length <= max, { error: atMost(max) });

/** Optional text: "" (or only invisible characters) means none. */
export const optionalText = (max: number) =>
  z
    .union([z.string(), z.null()], { error: "Enter text" })
    .optional()
    .transform((value) => {
      const text = cleanText(value ?? "");
      return isInvisible(text) ? null : text;
    })
    .refine((value) => value === null || value.length <= max, { error: atMost(max) });
