import { z } from "zod";
import { recordId } from "@/lib/validation/record-id";

/** RFC 5321's limit on a forward path: longer addresses cannot receive mail at all. */
export const EMAIL_MAX_LENGTH = 254;

/**
 * The address an invitation goes to, for the staff and the partner-user invite forms alike.
 * The length is checked first, so an over-long address gets its own message, not the auth
 * server's refusal.
 */
export function invitationEmail() {
  return z
    .string({ error: "Enter an email address" })
    .trim()
    .max(EMAIL_MAX_LENGTH, { error: `Use at most ${EMAIL_MAX_LENGTH} characters for an email address` })
    .toLowerCase()
    .pipe(z.email({ error: "Enter a valid email address" }));
}

/** 32 random bytes, base64url without padding, as mint_org_invitation_token() makes them. */
export const invitationToken = z
  .string({ error: "This invitation link is not valid" })
  .trim()
  .regex(/^[A-Za-z0-9_-]{43}$/, { error: "This invitation link is not valid" });

export const acceptInvitationSchema = z.object({ token: invitationToken });

export const choosePasswordSchema = z
  .object({
    token: invitationToken,
    password: z.string().min(8, { error: "Use at least 8 characters" }).max(72, { error: "Use at most 72 characters" }),
    confirm: z.string(),
  })
  .refine((value) => value.password === value.confirm, { path: ["confirm"], error: "The passwords do not match" });
export type ChoosePasswordInput = z.input<typeof choosePasswordSchema>;

export const invitationIdSchema = z.object({ invitationId: recordId() });
