import { loadConfig, type StackConfig } from "../../local-supabase/config";

/**
 * The bench stack every stage shares. Its database folder is kept so the scale seed is made
 * once; a run for a million partners gets a folder of its own ("bench-1m"), so the default
 * bench stays at 100k instead of reusing whatever larger database it finds.
 * LOCAL_SUPABASE_NAME and LOCAL_SUPABASE_PORT_BASE move it, for side-by-side checkouts.
 */
export function benchPartners(args: readonly string[] = process.argv.slice(2)): number {
  const at = args.indexOf("--partners");
  return at >= 0 ? Number(args[at + 1]) : 100_000;
}

export function benchConfig(partners = benchPartners()): StackConfig {
  const name = process.env.LOCAL_SUPABASE_NAME || (partners >= 1_000_000 ? "bench-1m" : "bench");
  const portBase = Number(process.env.LOCAL_SUPABASE_PORT_BASE) || 52321;
  return loadConfig({ name, portBase });
}
