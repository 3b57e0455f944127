import { NextResponse } from "next/server";
import { supabasePublicKey, supabaseUrl } from "@/lib/supabase/env";

export const dynamic = "force-dynamic";

type Check = { ok: boolean; ms: number; detail?: string };

async function probe(url: string, headers: Record<string, string>): Promise<Check> {
  const started = performance.now();
  try {
    const response = await fetch(url, { headers, cache: "no-store", signal: AbortSignal.timeout(3000) });
    return {
      ok: response.ok,
      ms: Math.round(performance.now() - started),
      detail: response.ok ? undefined : `HTTP ${response.status}`,
    };
  } catch (error) {
    return {
      ok: false,
      ms: Math.round(performance.now() - started),
      detail: error instanceof Error ? error.message : "unreachable",
    };
  }
}

/**
 * Whether the API answers and, through it, the database. PostgREST's root answers
 * only once it has loaded the schema from Postgres, so a 200 there covers both.
 */
export async function GET() {
  const key = supabasePublicKey();
  const headers = { apikey: key, authorization: `Bearer ${key}` };
  const [database, auth] = await Promise.all([
    probe(`${supabaseUrl()}/rest/v1/`, headers),
    probe(`${supabaseUrl()}/auth/v1/health`, headers),
  ]);
  const ok = database.ok && auth.ok;
  return NextResponse.json({ ok, checks: { database, auth } }, { status: ok ? 200 : 503 });
}
