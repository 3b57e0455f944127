import { OUTAGE_MESSAGE } from "@/lib/supabase/outage";
import { isUnreachable } from "@/lib/supabase/unreachable";

/**
 * What route handlers answer when they refuse or fail: JSON `{ error }` with a message a
 * person can act on, never a stack trace or a database message they cannot.
 */

export const SERVER_ERROR_MESSAGE = "Something went wrong on our side. Nothing was saved; please try again.";

export function problem(status: number, error: string, headers?: HeadersInit): Response {
  return Response.json({ error }, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

/**
 * Runs a route handler's work and turns anything it throws into a 500 with a plain
 * message (the details go to the server log). Next's redirect() and notFound() are
 * thrown on purpose and pass through.
 */
export async function guardRoute(label: string, work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    if (isNextControlFlow(error)) throw error;
    if (isUnreachable(error)) {
      console.warn(`${label}: database or auth server unreachable`);
      return problem(503, OUTAGE_MESSAGE, { "Retry-After": "5" });
    }
    console.error(`${label} failed`, error);
    return problem(500, SERVER_ERROR_MESSAGE);
  }
}

export function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return (
    typeof digest === "string" &&
    (digest.startsWith("NEXT_REDIRECT") ||
      digest.startsWith("NEXT_HTTP_ERROR_FALLBACK") ||
      digest === "DYNAMIC_SERVER_USAGE")
  );
}
