import type { TestProject } from "vitest/node";
import { ensureTestStack } from "./support/test-stack";

/** Vitest global setup for database tests: a stack for the whole run, stopped at the end. */
export default async function setup(_project: TestProject) {
  const stack = await ensureTestStack();
  return async () => {
    await stack.stop();
  };
}
