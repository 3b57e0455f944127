import { z } from "zod";
import { invitationEmail } from "@/lib/invitations/schemas";
import { recordId } from "@/lib/validation/record-id";
import { calendarDateProblem } from "@/lib/validation/calendar-date";
import { requiredText } from "@/lib/validation/text";
import { PORTAL_SECTIONS } from "@/lib/portal/sections";

/**
 * The grant forms and the server actions parse input with these same schemas. Forms hold
 * what the user typed, so a window's ends are calendar days ("" for none); the action
 * turns a day into its first instant in the org's time zone (`starts_at` inclusive,
 * `ends_at` exclusive), since only the server knows the org for sure.
 */
const optionalDay = z
  .union([z.string().trim(), z.null()], { error: "Enter a date as YYYY-MM-DD" })
  .optional()
  .superRefine((value, ctx) => {
    const problem = value ? calendarDateProblem(value) : null;
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .transform((value) => value || null);

const scope = z.array(z.enum(PORTAL_SECTIONS), { error: "Choose the sections" });

const windowFields = { scope, startsOn: optionalDay, endsOn: optionalDay };

const endAfterStart = (value: { startsOn: string | null; endsOn: string | null }) =>
  !value.startsOn || !value.endsOn || value.endsOn > value.startsOn;
const END_AFTER_START = { error: "The end must be after the start", path: ["endsOn"] };

/** A grant's scope and window (change a grant). */
export const accessWindowSchema = z.object(windowFields).refine(endAfterStart, END_AFTER_START);
export type AccessWindowFormInput = z.input<typeof accessWindowSchema>;

/** One grant: a partner, its scope and window. */
export const grantInputSchema = z
  .object({ partnerId: recordId("Choose a partner"), ...windowFields })
  .refine(endAfterStart, END_AFTER_START);
export type GrantInput = z.output<typeof grantInputSchema>;
export type GrantFormInput = z.input<typeof grantInputSchema>;

export const invitePartnerUserSchema = z.object({
  email: invitationEmail(),
  name: requiredText("Their name", 200, "Enter their name"),
  grants: z.array(grantInputSchema).min(1, { error: "Give at least one partner" }),
});
export type InvitePartnerUserFormInput = z.input<typeof invitePartnerUserSchema>;

export const grantPartnerAccessSchema = z.object({
  partnerUserId: recordId("Choose a partner user"),
  grant: grantInputSchema,
});
export type GrantPartnerAccessFormInput = z.input<typeof grantPartnerAccessSchema>;

export const revokePartnerAccessSchema = z.object({ grantId: recordId() });
export const updateAccessWindowSchema = z.object({ grantId: recordId(), window: accessWindowSchema });
export type UpdateAccessWindowFormInput = z.input<typeof updateAccessWindowSchema>;
export const partnerUserIdSchema = z.object({ partnerUserId: recordId() });
