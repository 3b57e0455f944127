/** partner_training checks, mapped to the form's fields. Unnamed table checks get numbered names; check1 comes first because the lookup matches by substring. */
export const TRAINING_CONSTRAINTS = {
  partner_training_check1: { field: "completed_on", message: "Enter the day it was completed" },
  partner_training_check: { field: "expires_on", message: "The expiry date cannot be before the completion date" },
};
