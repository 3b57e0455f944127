import { z } from "zod";
import { cleanText } from "./text";

export const MAX_URL_LENGTH = 2048;

function isWebUrl(value: string): boolean {
  if (!/^https?:\/\/[^\s]+$/i.test(value) || !URL.canParse(value)) return false;
  return new URL(value).hostname !== "";
}

const tooLong = `Use a link of at most ${MAX_URL_LENGTH.toLocaleString("en-US")} characters`;
const notAUrl = "Enter a link starting with http:// or https://";

/** A required web link (http or https), at most 2,048 characters. */
export const requiredUrl = (missing: string) =>
  z
    .string({ error: missing })
    .transform(cleanText)
    .refine((value) => value !== "", { error: missing })
    .refine((value) => value.length <= MAX_URL_LENGTH, { error: tooLong, abort: true })
    .refine(isWebUrl, { error: notAUrl });

/** An optional web link: "" means none. */
export const optionalUrl = () =>
  z
    .union([z.string(), z.null()], { error: notAUrl })
    .optional()
    .transform((value) => cleanText(value ?? "") || null)
    .refine((value) => value === null || value.length <= MAX_URL_LENGTH, { error: tooLong, abort: true })
    .refine((value) => value === null || isWebUrl(value), { error: notAUrl });
