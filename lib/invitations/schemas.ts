import { z } from "zod";
import { recordId } from "@/lib/validation/record-id";
import { requiredEmail } from "@/lib/validation/email";

/** The address an invitation goes to, for the staff and the partner-user invite forms alike. */
export const invitationEmail = () => requiredEmail();

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
