import { z } from "zod";
import { optionalDate, requiredDate } from "@/lib/validation/calendar-date";
import { optionalEmail } from "@/lib/validation/email";
import { optionalMoney } from "@/lib/validation/money";
import { MACHINE_NUMBERS, type NumberSigns } from "@/lib/validation/number-signs";
import { recordId } from "@/lib/validation/record-id";
import { requiredText } from "@/lib/validation/text";
import { REFERRAL_STATUSES } from "./constants";

/**
 * The referral form. Days (YYYY-MM-DD) for referred and closed; the action stores them as
 * instants. Values are typed with the org's number signs.
 */
export function referralFormSchemaFor(signs: NumberSigns) {
  return z
    .object({
      client_name: requiredText("Client name", 200),
      client_email: optionalEmail(),
      status: z.enum(REFERRAL_STATUSES, { error: "Choose a status" }),
      estimated_value: optionalMoney(signs),
      actual_value: optionalMoney(signs),
      referred_at: requiredDate("Referral date"),
      closed_at: optionalDate(),
    })
    .refine((referral) => !referral.closed_at || referral.closed_at >= referral.referred_at, {
      error: "The close date cannot be before the referral date",
      path: ["closed_at"],
    });
}
export const referralFormSchema = referralFormSchemaFor(MACHINE_NUMBERS);
export type ReferralFormInput = z.input<typeof referralFormSchema>;

const withPartner = z.object({ partnerId: recordId() });
const withReferral = z.object({ referralId: recordId() });

export const createReferralSchemaFor = (signs: NumberSigns) =>
  z.intersection(referralFormSchemaFor(signs), withPartner);
export const updateReferralSchemaFor = (signs: NumberSigns) =>
  z.intersection(referralFormSchemaFor(signs), withReferral);
export const createReferralSchema = createReferralSchemaFor(MACHINE_NUMBERS);
export const updateReferralSchema = updateReferralSchemaFor(MACHINE_NUMBERS);
export const referralIdSchema = withReferral;
export const moveReferralSchema = z.object({
  referralId: recordId(),
  status: z.enum(REFERRAL_STATUSES, { error: "Choose a status" }),
});
