import { z } from "zod";

// RFC 5321: a forward path holds at most 254 characters of address.
export const MAX_EMAIL_LENGTH = 254;

const invalid = "Enter a valid email address";
const tooLong = `Use an email address of at most ${MAX_EMAIL_LENGTH} characters`;

function emailProblem(value: string, message: string): string | null {
  if (value.length > MAX_EMAIL_LENGTH) return tooLong;
  return z.email().safeParse(value).success ? null : message;
}

/** Trimmed and lowercased first, so " Admin@Acme.test " is the same person as "admin@acme.test". */
export const requiredEmail = (message = invalid) =>
  z
    .string({ error: message })
    .trim()
    .toLowerCase()
    .superRefine((value, ctx) => {
      const problem = emailProblem(value, message);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });

/** An optional email address: "" means none. */
export const optionalEmail = () =>
  z
    .union([z.string(), z.null()], { error: invalid })
    .optional()
    .transform((value) => (value ?? "").trim().toLowerCase() || null)
    .superRefine((value, ctx) => {
      const problem = value === null ? null : emailProblem(value, invalid);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });
