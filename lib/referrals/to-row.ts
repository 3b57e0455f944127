import type { z } from "zod";
import { dayToInstant } from "@/lib/workspace/form-fields";
import type { referralFormSchema } from "./schemas";

/** The form's parsed values as partner_referrals columns (days become instants). */
export function referralRow(referral: z.output<typeof referralFormSchema>) {
  return {
    client_name: referral.client_name,
    client_email: referral.client_email,
    status: referral.status,
    estimated_value: referral.estimated_value,
    actual_value: referral.actual_value,
    referred_at: dayToInstant(referral.referred_at),
    // the trigger closes won/lost referrals today when no day is given, and reopens the rest
    closed_at: dayToInstant(referral.closed_at),
  };
}
