import { z } from "zod";
import {
  optionalDate,
  optionalEmail,
  optionalMoney,
  requiredDate,
  requiredText,
  uuid,
} from "@/lib/workspace/form-fields";
import { REFERRAL_STATUSES } from "./constants";

/** The referral form. Days (YYYY-MM-DD) for referred and closed; the action stores them as instants. */
export const referralFormSchema = z
  .object({
    client_name: requiredText("Client name", 200),
    client_email: optionalEmail(),
    status: z.enum(REFERRAL_STATUSES, { error: "Choose a status" }),
    estimated_value: optionalMoney(),
    actual_value: optionalMoney(),
    referred_at: requiredDate("Referral date"),
    closed_at: optionalDate(),
  })
  .refine((referral) => !referral.closed_at || referral.closed_at >= referral.referred_at, {
    error: "The close date cannot be before the referral date",
    path: ["closed_at"],
  });
export type ReferralFormInput = z.input<typeof referralFormSchema>;

const withPartner = z.object({ partnerId: uuid() });
const withReferral = z.object({ referralId: uuid() });

export const createReferralSchema = z.intersection(referralFormSchema, withPartner);
export const updateReferralSchema = z.intersection(referralFormSchema, withReferral);
export const referralIdSchema = withReferral;
export const moveReferralSchema = z.object({
  referralId: uuid(),
  status: z.enum(REFERRAL_STATUSES, { error: "Choose a status" }),
});
