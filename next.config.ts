import type { NextConfig } from "next";
import { FIXED_SECURITY_HEADERS, HSTS, STATIC_FILE_CSP } from "./lib/http/security-headers";
import { DEFAULT_SESSION_TIMEBOX_HOURS } from "./lib/supabase/cookie-options";

const fixedHeaders = Object.entries(FIXED_SECURITY_HEADERS).map(([key, value]) => ({ key, value }));

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // Lets two builds of this checkout exist side by side (a test build beside `next dev`).
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // Dev logs would otherwise print every server action's arguments, passwords included.
  logging: { serverFunctions: false },
  // The local stack lives outside the app; never let the bundler wander into it.
  outputFileTracingExcludes: { "*": [".local-supabase/**"] },
  // `npm test` runs `tsc --noEmit` over the whole project before it builds; checking
  // again inside `next build` would double the slowest step on a 2-core machine.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    serverActions: { bodySizeLimit: "1mb" },
  },
  // The browser client writes the auth cookies too, so it needs the session's life at build time.
  env: {
    AUTH_SESSION_TIMEBOX_HOURS: process.env.AUTH_SESSION_TIMEBOX_HOURS ?? String(DEFAULT_SESSION_TIMEBOX_HOURS),
  },
  // proxy.ts sets these (and a nonced CSP) on everything it routes; these rules cover what
  // it never sees: static files, and whatever Next answers before the proxy runs.
  async headers() {
    return [
      { source: "/:path*", headers: fixedHeaders },
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: HSTS }],
      },
      {
        source: "/_next/static/:path*",
        headers: [{ key: "Content-Security-Policy", value: STATIC_FILE_CSP }],
      },
      { source: "/favicon.ico", headers: [{ key: "Content-Security-Policy", value: STATIC_FILE_CSP }] },
    ];
  },
};

export default nextConfig;
