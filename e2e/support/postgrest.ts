import fs from "node:fs";
import { pidFile } from "../../local-supabase/stack";
import { testStackConfig } from "../../tests/support/test-stack";

/**
 * The test stack's PostgREST, paused and resumed by signal: the stack stops as a whole
 * when a part exits, so an outage is a PostgREST that stops answering, not one that dies.
 */
function postgrestPid(): number {
  return Number(fs.readFileSync(pidFile(testStackConfig(), "postgrest"), "utf8").trim());
}

export function pausePostgrest(): void {
  process.kill(postgrestPid(), "SIGSTOP");
}

export function resumePostgrest(): void {
  process.kill(postgrestPid(), "SIGCONT");
}
