/** Commission checks and state machine messages, mapped to the form's fields. */
export const COMMISSION_CONSTRAINTS = {
  partner_commissions_amount_check: { field: "amount", message: "The amount must be above 0" },
  partner_commissions_check: { field: "due_at", message: "The due date cannot be before the earned date" },
  partner_commissions_description_check: { field: "description", message: "Use at most 1,000 characters" },
  partner_commissions_referral_id_partner_id_fkey: {
    field: "referral_id",
    message: "Choose a referral of this partner",
  },
};
