import { z } from "zod";

// RFC 5321: a forward path holds at most 254 characters of address.
export const MAX_EMAIL_LENGTH = 254;

const invalid = "Enter a valid email address";
const tooLong = `Use an email address of at most ${MAX_EMAIL_LENGTH} characters`;

/** Trimmed and lowercased first, so " Admin@Acme.test " is the same person as "admin@acme.test". */
export const requiredEmail = (message = invalid) =>
  z
    .string({ error: message })
    .trim()
    .toLowerCase()
    .refine((value) => value.length <= MAX_EMAIL_LENGTH, { error: tooLong, abort: true })
    .pipe(z.email({ error: message }));

/** An optional email address: "" means none. */
export const optionalEmail = () =>
  z
    .union([z.string(), z.null()], { error: invalid })
    .optional()
    .transform((value) => (value ?? "").trim().toLowerCase() || null)
    .refine((value) => value === null || value.length <= MAX_EMAIL_LENGTH, { error: tooLong, abort: true })
    .refine((value) => value === null || z.email().safeParse(value).success, { error: invalid });
