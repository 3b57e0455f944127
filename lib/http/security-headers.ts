/**
 * The headers every response carries. proxy.ts sets them on whatever it routes (pages,
 * route handlers, server actions, redirects, error pages) with a fresh script nonce per
 * request; next.config.ts sets the same fixed ones on what the proxy never sees
 * (static files). One definition here, so the two cannot drift apart.
 */

/** The request header Next reads the nonce from is the CSP itself; this one is for our own code. */
export const NONCE_HEADER = "x-nonce";

/** Two years, as the HSTS preload list asks; sent only to a browser that came over https. */
export const HSTS = "max-age=63072000; includeSubDomains";

// Nothing in the app asks for these; a script that does (an injected one) gets a refusal.
const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "payment=()",
  "publickey-credentials-get=()",
  "usb=()",
].join(", ");

export const FIXED_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": PERMISSIONS_POLICY,
};

/** For files that are never a page the browser renders from our HTML: they load nothing. */
export const STATIC_FILE_CSP =
  "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'none'";

/** A fresh, unguessable nonce: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export type CspOptions = {
  nonce: string;
  /** The Supabase API the browser client talks to (NEXT_PUBLIC_SUPABASE_URL). */
  supabaseUrl?: string;
  /** `next dev`: React's dev build evaluates code and the reloader speaks over a websocket. */
  development?: boolean;
};

export function contentSecurityPolicy({ nonce, supabaseUrl, development = false }: CspOptions): string {
  const supabaseOrigin = originOf(supabaseUrl);
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    // 'strict-dynamic' lets the nonced framework scripts load their chunks, and ignores 'self' in browsers that know it.
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    // The grid's column widths and row positions and sonner's injected sheet are inline styles, which
    // cannot carry a nonce; a nonce here would also switch 'unsafe-inline' off in every browser.
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'", ...(supabaseOrigin ? [supabaseOrigin] : []), ...(development ? ["ws:"] : [])],
    ["frame-ancestors", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["object-src", "'none'"],
  ];
  return directives.map((directive) => directive.join(" ")).join("; ");
}

/** Sets the security headers on a response the proxy is about to return. */
export function applySecurityHeaders(headers: Headers, options: { csp: string; https: boolean }): void {
  headers.set("Content-Security-Policy", options.csp);
  for (const [name, value] of Object.entries(FIXED_SECURITY_HEADERS)) headers.set(name, value);
  if (options.https) headers.set("Strict-Transport-Security", HSTS);
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
