import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts", "tests/unit/**/*.test.tsx"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "db",
          include: ["tests/db/**/*.test.ts", "tests/stack/**/*.test.ts", "tests/auth/**/*.test.ts"],
          globalSetup: ["tests/global-setup.ts"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Each file makes its own org and people, so files may run side by side.
          fileParallelism: true,
          maxWorkers: 2,
          // On CI a failed test runs once more; one that then passes is still listed at the end
          // of the run (scripts/test-all.ts), so a flaky test is seen, not hidden.
          retry: process.env.CI ? 1 : 0,
        },
      },
    ],
  },
});
