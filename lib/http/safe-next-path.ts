/**
 * The one gate for every redirect target that comes from input (`?next=`, a link's
 * `redirect_to`, a form field): only a path on this site comes back, else the fallback.
 *
 * The value is resolved as a browser would resolve it, against a made-up origin, and
 * kept only if it is still on that origin. That catches what string prefixes miss:
 * browsers drop tabs and newlines inside URLs and read a backslash as a slash, so
 * `/<TAB>/evil.test` and `/\evil.test` both mean `//evil.test`. The extra refusals
 * close the gaps that parsing alone leaves open: characters that one reader ignores and
 * another does not, and encoded slashes that some later step (another redirect, a proxy)
 * may decode into `//host`.
 */

const PROBE_ORIGIN = "https://next-path.invalid";
export const MAX_NEXT_PATH_LENGTH = 2048;

// C0 and C1 controls, every Unicode space (tabs, newlines, NBSP, line separators) and the backslash.
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\s\\]/u;
// How many layers of percent-encoding to peel: %2F, %252F, %25252F.
const DECODE_ROUNDS = 3;

/** The same-site path `value` names, or `fallback` (pass undefined to learn that it named none). */
export function safeNextPath<F extends string | undefined>(value: string | null | undefined, fallback: F): string | F {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_NEXT_PATH_LENGTH) return fallback;
  if (FORBIDDEN.test(value)) return fallback;
  // A relative reference without a leading slash ("evil", "?x", "javascript:…") means
  // nothing on its own; resolved against some page it could mean anything.
  if (!value.startsWith("/")) return fallback;

  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PROBE_ORIGIN) return fallback;
  if (!pathStaysLocal(url.pathname)) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** False when decoding the path (once or more) yields `//`, `/\`, a control character or a space. */
function pathStaysLocal(pathname: string): boolean {
  let current = pathname;
  for (let round = 0; round < DECODE_ROUNDS; round += 1) {
    if (current.includes("//") || FORBIDDEN.test(current)) return false;
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      // A malformed escape ("%E0%A4%A") is not something this app ever writes.
      return false;
    }
    if (decoded === current) return true;
    current = decoded;
  }
  return !current.includes("//") && !FORBIDDEN.test(current);
}
