/**
 * Shared by the server and the browser: what an outage says, and how an error boundary
 * recognises one (Next keeps a thrown error's own digest when it hides its message).
 */
export const OUTAGE_MESSAGE =
  "Partnerdesk can't reach its database right now. This page will try again in a few seconds.";

export const OUTAGE_DIGEST = "PARTNERDESK_UNREACHABLE";

export function isOutageDigest(error: { digest?: unknown } | null | undefined): boolean {
  return error?.digest === OUTAGE_DIGEST;
}
