/** A fetch that gives up after a while, so one dead host does not hang the whole run. */
export async function fetchWithin(url: string, init: RequestInit = {}, ms = 15_000): Promise<Response> {
  return fetch(url, { ...init, signal: AbortSignal.timeout(ms) });
}

/** Why a request did not get an answer, in words a person can act on. */
export function unreachable(error: unknown): string {
  if (error instanceof Error && error.name === "TimeoutError") return "no answer within 15 s";
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : undefined;
  return cause ?? (error instanceof Error ? error.message : String(error));
}

/** The headers supabase-js sends with a key: `apikey`, and the key as the bearer. */
export function keyHeaders(key: string): Record<string, string> {
  return { apikey: key, authorization: `Bearer ${key}` };
}
