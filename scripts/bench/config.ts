import { loadConfig } from "../../local-supabase/config";

/**
 * The bench stack: "bench" on ports 52321.. unless LOCAL_SUPABASE_NAME / LOCAL_SUPABASE_PORT_BASE
 * name another, so two checkouts on one machine can each keep a seeded bench database.
 */
export function benchConfig() {
  return loadConfig({
    name: process.env.LOCAL_SUPABASE_NAME || "bench",
    portBase: Number(process.env.LOCAL_SUPABASE_PORT_BASE) || 52321,
  });
}
