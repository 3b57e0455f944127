import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import type { StackConfig } from "./config";
import { waitForPort } from "./processes";

export type MailboxHandle = { process: ChildProcess; stop: () => Promise<void> };

/**
 * MailDev: a real SMTP server that keeps every message, with a web page for people
 * (http://127.0.0.1:54324) and a JSON API for tests (GET /email, DELETE /email/all).
 * It runs as its own process so that its module-level state and crashes stay its own.
 */
export async function startMailbox(config: StackConfig): Promise<MailboxHandle> {
  const require = createRequire(import.meta.url);
  const bin = path.join(path.dirname(require.resolve("maildev/package.json")), "bin", "maildev");
  const child = spawn(
    process.execPath,
    [bin, "--smtp", String(config.smtpPort), "--web", String(config.mailPort), "--ip", "127.0.0.1", "--silent"],
    { detached: true, stdio: ["ignore", "ignore", "pipe"] },
  );
  let errors = "";
  child.stderr!.on("data", (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-2000)));
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) =>
      reject(new Error(`mailbox (maildev) exited with code ${code}: ${errors.trim().split("\n")[0] ?? ""}`)),
    ),
  );
  await Promise.race([
    Promise.all([
      waitForPort(config.smtpPort, 20_000, "mailbox SMTP"),
      waitForPort(config.mailPort, 20_000, "mailbox web"),
    ]),
    exited,
  ]);
  exited.catch(() => {});
  return {
    process: child,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const done = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await done;
      clearTimeout(timer);
    },
  };
}
