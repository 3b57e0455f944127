/** Referral check constraints, mapped to the form's fields. */
export const REFERRAL_CONSTRAINTS = {
  partner_referrals_client_name_check: {
    field: "client_name",
    message: "Enter the client's name (up to 200 characters)",
  },
  partner_referrals_client_email_check: { field: "client_email", message: "Enter a valid email address" },
  partner_referrals_estimated_value_check: { field: "estimated_value", message: "Use a value of 0 or more" },
  partner_referrals_actual_value_check: { field: "actual_value", message: "Use a value of 0 or more" },
  partner_referrals_check: { field: "closed_at", message: "The close date cannot be before the referral date" },
};
