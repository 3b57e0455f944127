import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { keepingTsconfig } from "./keep-tsconfig";

const projectDir = path.resolve(import.meta.dirname, "../..");
const next = path.join(projectDir, "node_modules", ".bin", "next");

export type ProductionApp = { url: string; stop: () => void };

/** `--help`: prints the script's usage line and ends before any stack or build is started. */
export function exitOnHelp(usage: string): void {
  if (!process.argv.includes("--help")) return;
  console.log(usage);
  process.exit(0);
}

function run(command: string, commandArgs: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { cwd: projectDir, env: { ...process.env, ...env }, stdio: "inherit" });
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}`))));
  });
}

async function waitFor(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const up = await fetch(url).then(
      (response) => response.status < 500,
      () => false,
    );
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/**
 * The app as it runs in production, against a bench stack: built into a dist folder of the
 * bench's own (so the developer's `.next` is left alone; skipped when `build` is false and
 * that build exists), served by `next start`, and answering before this resolves. The caller
 * stops it in its `finally`, before the stack it talks to.
 */
export async function startProductionApp(options: {
  env: Record<string, string>;
  distDir: string;
  port: number;
  build: boolean;
  log: (line: string) => void;
}): Promise<ProductionApp> {
  const env = { ...options.env, NEXT_DIST_DIR: options.distDir };
  if (options.build || !fs.existsSync(path.join(projectDir, options.distDir, "BUILD_ID"))) {
    options.log("production build");
    await keepingTsconfig(projectDir, () => run(next, ["build"], env));
  }
  const server: ChildProcess = spawn(next, ["start", "-p", String(options.port)], {
    cwd: projectDir,
    env: { ...process.env, ...env },
    stdio: "ignore",
  });
  const stop = () => {
    server.kill("SIGTERM");
  };
  const url = `http://localhost:${options.port}`;
  try {
    await waitFor(`${url}/login`);
  } catch (error) {
    stop();
    throw error;
  }
  return { url, stop };
}
