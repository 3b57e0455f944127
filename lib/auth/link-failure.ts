/**
 * Why an email link did not sign someone in, in words they can act on. Shared by the
 * callback route (which redirects to /auth/link-error) and the client page that takes
 * a session from the URL's fragment.
 */
export const LINK_FAILURES = ["other_browser", "expired", "deactivated", "incomplete"] as const;
export type LinkFailure = (typeof LINK_FAILURES)[number];

/** Reads an auth error code (from auth-js or from the query GoTrue redirects with). */
export function linkFailureOf(code: string | null | undefined): LinkFailure {
  // auth-js raises this before any request when the PKCE verifier cookie is missing:
  // the link was opened in another browser (or app) than the one that asked for it.
  if (code === "pkce_code_verifier_not_found") return "other_browser";
  if (code === "user_banned") return "deactivated";
  if (code === "validation_failed") return "incomplete";
  // otp_expired (used, superseded or old), flow_state_expired / flow_state_not_found
  // (the code was spent or is older than five minutes), bad_code_verifier (an earlier
  // request's link, opened after a newer one in the same browser), and anything else.
  return "expired";
}

export const LINK_FAILURE_COPY: Record<LinkFailure, { title: string; body: string }> = {
  other_browser: {
    title: "Open the link in the browser you asked from",
    body: "This link was opened in a different browser or app from the one that asked for it, so it cannot sign you in here. Ask for a new link from this browser, then open it here.",
  },
  expired: {
    title: "This link no longer works",
    body: "It has already been used, a newer email replaced it, or it expired. Links work once, for 15 minutes.",
  },
  deactivated: {
    title: "This account has been deactivated",
    body: "It can no longer sign in. If you think this is a mistake, contact the person who gave you access.",
  },
  incomplete: {
    title: "This link is incomplete",
    body: "The link is missing its sign-in details. Open it again from the email, or ask for a new one.",
  },
};

/** Where to ask again: a reset link for a password reset, else a portal sign-in link. */
export function askAgainLink(next: string | null | undefined): { href: string; label: string } {
  return askAgainFor(Boolean(next?.startsWith("/login/new-password")));
}

export function askAgainFor(passwordReset: boolean): { href: string; label: string } {
  return passwordReset
    ? { href: "/login/forgot-password", label: "Send a new reset link" }
    : { href: "/portal/login", label: "Request a new sign-in link" };
}

export function linkErrorPath(reason: LinkFailure, next: string | null | undefined): string {
  const query = new URLSearchParams({ reason });
  if (next) query.set("next", next);
  return `/auth/link-error?${query.toString()}`;
}
