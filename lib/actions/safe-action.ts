import "server-only";
import type { z } from "zod";
import { liveUser, liveUserId, SESSION_ENDED } from "@/lib/auth/live-user";
import { getPartnerContext, type PartnerContext } from "@/lib/auth/partner-context";
import { getStaffContext, type StaffContext } from "@/lib/auth/staff-context";
import type { StaffRole } from "@/lib/orgs/roles";
import { createClient } from "@/lib/supabase/server";
import { isNextControlFlow } from "@/lib/http/route-response";
import { outageResult } from "./outage-result";
import { rateLimitedFailure } from "./rate-limited";
import { fail, type ActionResult } from "./result";
import { MFA_NEEDED, mfaApplies } from "@/lib/mfa/requirement";

/**
 * The one wrapper every server action goes through. A server action is a public POST
 * endpoint: whatever page shows its form, anyone can call it with any input. So the
 * wrapper, on the server and on every call, parses the input with the action's zod
 * schema, resolves who is calling (never trusting ids sent by the client), checks
 * their role, and hands the handler a Supabase client acting as that user, so RLS
 * has the last word. Failures come back as a typed result, never as a stack trace.
 *
 * Pages read with the token's claims alone; every signed-in action first asks the auth
 * server whether the session still stands (getUser), so a session revoked elsewhere
 * cannot write with the token it still holds until that expires.
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
    const limited = rateLimitedFailure(error);
    if (limited) return limited;
    const outage = outageResult(error);
    if (outage) return outage;
    console.error("server action failed", error);
    return fail("Something went wrong on our side. Nothing was saved; please try again.");
  }
}

function parse<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { ok: true; data: z.output<S> } | { ok: false; result: ActionResult<never> } {
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
      const userId = await liveUserId(supabase);
      if (!userId) return fail(SESSION_ENDED);
      return handler(parsed.data, { supabase, userId });
    });
}

export type StaffActionContext = {
  supabase: ServerClient;
  staff: StaffContext;
  orgId: string;
  userId: string;
  role: StaffRole;
};

const ROLE_REFUSAL: Record<string, string> = {
  viewer: "Viewers can look but not change anything. Ask an admin for editor access.",
};

/**
 * For staff actions. `roles` lists who may call it (the UI hides the control from
 * others, but this is what holds). The org is the caller's active org as resolved on
 * the server; any org id in the input is ignored. A schema that depends on the org
 * (numbers typed with its locale's signs) is given as a function of the caller.
 */
export function staffAction<S extends z.ZodType, T>(
  options: { schema: S | ((staff: StaffContext) => S); roles: readonly StaffRole[] },
  handler: Handler<S, StaffActionContext, T>,
) {
  return async (input: unknown): Promise<ActionResult<T>> =>
    guarded(async () => {
      const supabase = await createClient();
      const live = await liveUser(supabase);
      if (!live) return fail(SESSION_ENDED);
      const userId = live.id;
      const staff = await getStaffContext();
      if (!staff || staff.userId !== userId)
        return fail("Only staff of an organization can do this. Sign in with a staff account.");
      // An aal2 token outlives a removed or reset authenticator until it expires; the auth
      // server's answer here is current, so the organization's requirement holds at once.
      if (mfaApplies(staff.org.mfa_required, staff.role) && !live.hasVerifiedFactor) return fail(MFA_NEEDED);
      if (!options.roles.includes(staff.role)) {
        return fail(ROLE_REFUSAL[staff.role] ?? `Your role (${staff.role}) cannot do this.`);
      }
      const schema = typeof options.schema === "function" ? options.schema(staff) : options.schema;
      const parsed = parse(schema, input);
      if (!parsed.ok) return parsed.result;
      return handler(parsed.data, {
        supabase,
        staff,
        orgId: staff.org.id,
        userId: staff.userId,
        role: staff.role,
      });
    });
}

export type PartnerActionContext = { supabase: ServerClient; partner: PartnerContext };

/** For the portal's few actions (switching account, logging a portal event). */
export function partnerAction<S extends z.ZodType, T>(schema: S, handler: Handler<S, PartnerActionContext, T>) {
  return async (input: unknown): Promise<ActionResult<T>> =>
    guarded(async () => {
      const supabase = await createClient();
      const userId = await liveUserId(supabase);
      if (!userId) return fail(SESSION_ENDED);
      const partner = await getPartnerContext();
      if (!partner || partner.userId !== userId || !partner.isActive || partner.accounts.length === 0) {
        return fail("You have no partner access right now.");
      }
      const parsed = parse(schema, input);
      if (!parsed.ok) return parsed.result;
      return handler(parsed.data, { supabase, partner });
    });
}

export { parse as parseInput, guarded };
