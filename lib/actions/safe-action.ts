import "server-only";
import type { z } from "zod";
import { createClient } from "@/lib/supabase/server";
import { fail, type ActionResult } from "./result";

/**
 * The one wrapper every server action goes through. A server action is a public POST
 * endpoint: whatever page shows its form, anyone can call it with any input. So the
 * wrapper, on the server and on every call, parses the input with the action's zod
 * schema, resolves who is calling (never trusting ids sent by the client), checks
 * their role, and hands the handler a Supabase client acting as that user, so RLS
 * has the last word. Failures come back as a typed result, never as a stack trace.
 */

export type ServerClient = Awaited<ReturnType<typeof createClient>>;

type Handler<S extends z.ZodType, C, T> = (input: z.output<S>, context: C) => Promise<ActionResult<T>>;

/** Turns zod issues into one message per field, keyed by the field's dotted path. */
export function fieldErrorsOf(error: z.ZodError): Partial<Record<string, string>> {
  const errors: Partial<Record<string, string>> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    errors[key] ??= issue.message;
  }
  return errors;
}

async function guarded<T>(work: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await work();
  } catch (error) {
    // Next's redirect()/notFound() are thrown on purpose: let them through.
    if (isNextControlFlow(error)) throw error;
    console.error("server action failed", error);
    return fail("Something went wrong on our side. Nothing was saved; please try again.");
  }
}

function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK") || digest === "DYNAMIC_SERVER_USAGE");
}

function parse<S extends z.ZodType>(schema: S, input: unknown): { ok: true; data: z.output<S> } | { ok: false; result: ActionResult<never> } {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, result: fail("Please correct the highlighted fields.", fieldErrorsOf(parsed.error)) };
}

/** For actions anyone may call (sign-in, password reset request). */
export function publicAction<S extends z.ZodType, T>(schema: S, handler: Handler<S, { supabase: ServerClient }, T>) {
  return async (input: unknown): Promise<ActionResult<T>> =>
    guarded(async () => {
      const parsed = parse(schema, input);
      if (!parsed.ok) return parsed.result;
      return handler(parsed.data, { supabase: await createClient() });
    });
}

/** For actions of any signed-in user (sign-out, setting a new password). */
export function userAction<S extends z.ZodType, T>(
  schema: S,
  handler: Handler<S, { supabase: ServerClient; userId: string }, T>,
) {
  return async (input: unknown): Promise<ActionResult<T>> =>
    guarded(async () => {
      const parsed = parse(schema, input);
      if (!parsed.ok) return parsed.result;
      const supabase = await createClient();
      const { data } = await supabase.auth.getUser();
      if (!data.user) return fail("Your session has ended. Sign in again.");
      return handler(parsed.data, { supabase, userId: data.user.id });
    });
}

export { parse as parseInput, guarded };
