/** Where each kind of person lands after signing in when no same-site page was asked for. */
export const STAFF_HOME = "/admin";
export const PARTNER_HOME = "/portal";
