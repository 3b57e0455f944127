import type { NextConfig } from "next";

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
};

export default nextConfig;
