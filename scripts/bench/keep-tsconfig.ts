import fs from "node:fs";
import path from "node:path";

/**
 * Runs a build into a dist folder of its own and puts tsconfig.json back as it was: Next adds
 * that folder's types to `include` whenever distDir is not `.next`, which would leave a tracked
 * file changed after every benchmark.
 */
export async function keepingTsconfig<T>(projectDir: string, work: () => Promise<T>): Promise<T> {
  const file = path.join(projectDir, "tsconfig.json");
  const before = fs.readFileSync(file, "utf8");
  try {
    return await work();
  } finally {
    if (fs.readFileSync(file, "utf8") !== before) fs.writeFileSync(file, before);
  }
}
