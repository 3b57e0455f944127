import { z } from "zod";

import { requiredEmail } from "@/lib/validation/email";

export const emailSchema = requiredEmail();

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "Enter your password" }).min(1, { error: "Enter your password" }),
  next: z.string().optional(),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const emailOnlySchema = z.object({ email: emailSchema, next: z.string().optional() });
export type EmailOnlyInput = z.infer<typeof emailOnlySchema>;

export const otpCodeSchema = z.object({
  email: emailSchema,
  token: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { error: "Enter the 6-digit code from the email" }),
});
export type OtpCodeInput = z.infer<typeof otpCodeSchema>;

export const newPasswordSchema = z
  .object({
    /** Asked outside a recovery session; the auth server decides whether it is needed. */
    currentPassword: z.string().max(72, { error: "Use at most 72 characters" }).optional(),
    password: z.string().min(8, { error: "Use at least 8 characters" }).max(72, { error: "Use at most 72 characters" }),
    confirm: z.string(),
  })
  .refine((value) => value.password === value.confirm, { path: ["confirm"], error: "The passwords do not match" });
export type NewPasswordInput = z.infer<typeof newPasswordSchema>;

export const emailLinkTypes = ["magiclink", "invite", "recovery", "signup", "email"] as const;

/** The query of an /auth/confirm link, as our email templates write it. */
export const confirmLinkSchema = z.object({
  token_hash: z.string().min(8).max(200),
  type: z.enum(emailLinkTypes),
  next: z.string().optional(),
});

// The one open-redirect gate lives with the other HTTP edge rules; re-exported for the auth flows.
export { safeNextPath } from "@/lib/http/safe-next-path";
