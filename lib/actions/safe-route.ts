import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { liveUserId } from "@/lib/auth/live-user";
import { getPartnerContext, type PartnerContext } from "@/lib/auth/partner-context";
import { getStaffContext, type StaffContext } from "@/lib/auth/staff-context";
import { bearerMatches } from "@/lib/http/bearer-secret";
import { crossOriginRefusal, isMutatingMethod } from "@/lib/http/request-origin";
import { guardRoute, problem } from "@/lib/http/route-response";
import { verifyLink } from "@/lib/http/signed-link";
import { ACTIVE_ORG_COOKIE, type StaffRole } from "@/lib/orgs/roles";
import { createClient } from "@/lib/supabase/server";
import { fieldErrorsOf, type ServerClient } from "./safe-action";

/**
 * The route-handler twin of safe-action.ts. Server actions get Next's own origin check;
 * route handlers get nothing, so a page on another origin (or a sibling subdomain, which
 * SameSite=Lax cookies do not stop) could POST to one with the user's cookies. Every
 * route handler goes through one of these instead:
 *   staffRoute / partnerRoute  cookies: a same-origin check on every mutating method,
 *                              then the user (asked of the auth server for a write, the
 *                              token's verified claims for a read), their
 *                              role or grants, and the zod-parsed input
 *   secretRoute                a bearer secret from the environment, no cookies (machines)
 *   signedLinkRoute            a signed token in the URL, no cookies (links in emails)
 * Refusals and failures are JSON `{ error }`; nothing thrown reaches the client. A database
 * or auth server that cannot be reached answers 503 with the outage message (guardRoute).
 */

type Params = Record<string, string | string[] | undefined>;
type RouteArgs = { params: Promise<Params> };
export type RouteHandler = (request: NextRequest, context: RouteArgs) => Promise<Response>;
type RequestContext = { request: NextRequest; params: Params };

type InputOptions<S extends z.ZodType> = {
  /** Parses the query (GET, HEAD) or the body (JSON, multipart or urlencoded form). */
  schema: S;
  /** Refuses a body larger than this before reading it. */
  maxBytes?: number;
};

const SIGN_IN_AGAIN = "Your session has ended. Sign in again.";
const ROLE_REFUSAL: Record<string, string> = {
  viewer: "Viewers can look but not change anything. Ask an admin for editor access.",
};

/**
 * Who is asking. A write asks the auth server (getUser), so a revoked session cannot change
 * anything with a token it still holds; a read trusts the token's verified claims, as every
 * page does (lib/auth/current-user.ts), which saves the auth server a round trip per GET.
 */
async function requestUserId(request: NextRequest, supabase: ServerClient): Promise<string | null> {
  if (isMutatingMethod(request.method)) return liveUserId(supabase);
  return (await getCurrentUser())?.id ?? null;
}

export type StaffRouteContext = RequestContext & {
  supabase: ServerClient;
  staff: StaffContext;
  orgId: string;
  userId: string;
  role: StaffRole;
};

type ReadAhead<S extends z.ZodType, R> = (
  input: z.output<S>,
  context: { supabase: ServerClient; orgId: string },
) => Promise<R>;
type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

/**
 * For staff of the active org with one of `roles`. A read may name `readAhead`: it starts with
 * the org the active-org cookie names while the membership is checked (one database round trip
 * sooner), as the user, so RLS holds it to what they may see; the handler gets its result only
 * when the check lands on that org and the role may read, and otherwise it is dropped.
 */
export function staffRoute<S extends z.ZodType, R = never>(
  options: InputOptions<S> & { roles: readonly StaffRole[]; readAhead?: ReadAhead<S, R> },
  handler: (input: z.output<S>, context: StaffRouteContext & { readAhead?: Promise<R> }) => Promise<Response>,
): RouteHandler {
  return withCookies(async (request, params) => {
    const supabase = await createClient();
    // A read's query is parsed first when it reads ahead; a refusal still answers before its errors.
    const parsedFirst =
      options.readAhead && !isMutatingMethod(request.method) ? await readInput(request, options) : null;
    const early = parsedFirst?.ok ? startReadAhead(request, supabase, parsedFirst.data, options.readAhead!) : null;
    const userId = await requestUserId(request, supabase);
    if (!userId) return problem(401, SIGN_IN_AGAIN);
    const staff = await getStaffContext();
    if (!staff || staff.userId !== userId)
      return problem(403, "Only staff of an organization can do this. Sign in with a staff account.");
    if (!options.roles.includes(staff.role))
      return problem(403, ROLE_REFUSAL[staff.role] ?? `Your role (${staff.role}) cannot do this.`);
    const input = parsedFirst ?? (await readInput(request, options));
    if (!input.ok) return input.response;
    const readAhead =
      early && early.orgId === staff.org.id
        ? early.result.then((settled) => (settled.ok ? settled.value : Promise.reject(settled.error)))
        : undefined;
    return handler(input.data, {
      request,
      params,
      supabase,
      staff,
      orgId: staff.org.id,
      userId: staff.userId,
      role: staff.role,
      readAhead,
    });
  });
}

/** The read-ahead for the cookie's org, settled so a dropped one never rejects unheard; null without the cookie. */
function startReadAhead<S extends z.ZodType, R>(
  request: NextRequest,
  supabase: ServerClient,
  input: z.output<S>,
  readAhead: ReadAhead<S, R>,
): { orgId: string; result: Promise<Settled<R>> } | null {
  const orgId = request.cookies.get(ACTIVE_ORG_COOKIE)?.value;
  if (!orgId) return null;
  const result = readAhead(input, { supabase, orgId }).then(
    (value): Settled<R> => ({ ok: true, value }),
    (error: unknown): Settled<R> => ({ ok: false, error }),
  );
  return { orgId, result };
}

export type PartnerRouteContext = RequestContext & { supabase: ServerClient; partner: PartnerContext };

/** For active partner users with at least one grant in force; which partner they may see is the handler's (and RLS's) call. */
export function partnerRoute<S extends z.ZodType>(
  options: InputOptions<S>,
  handler: (input: z.output<S>, context: PartnerRouteContext) => Promise<Response>,
): RouteHandler {
  return withCookies(async (request, params) => {
    const supabase = await createClient();
    const userId = await requestUserId(request, supabase);
    if (!userId) return problem(401, SIGN_IN_AGAIN);
    const partner = await getPartnerContext();
    if (!partner || partner.userId !== userId || !partner.isActive || partner.accounts.length === 0)
      return problem(403, "You have no partner access right now.");
    const input = await readInput(request, options);
    if (!input.ok) return input.response;
    return handler(input.data, { request, params, supabase, partner });
  });
}

/**
 * For machines (the jobs runner's cron): `Authorization: Bearer <value of env[secretEnv]>`.
 * Cookies are not read, so there is no session to ride and no origin to check.
 */
export function secretRoute<S extends z.ZodType>(
  options: InputOptions<S> & { secretEnv: string },
  handler: (input: z.output<S>, context: RequestContext) => Promise<Response>,
): RouteHandler {
  return async (request, context) =>
    guardRoute(`${request.method} ${request.nextUrl.pathname}`, async () => {
      if (!bearerMatches(request.headers.get("authorization"), process.env[options.secretEnv]))
        return problem(401, "A valid bearer token is required.", { "WWW-Authenticate": 'Bearer realm="partnerdesk"' });
      const input = await readInput(request, options);
      if (!input.ok) return input.response;
      return handler(input.data, { request, params: await context.params });
    });
}

/**
 * For links that act without a session (an unsubscribe link): `?token=` signed with
 * LINK_SIGNING_KEY for `purpose` (see signLink). The schema parses what the token
 * carries, not the request: the token is the whole authority, so nothing else is read.
 */
export function signedLinkRoute<S extends z.ZodType>(
  options: { purpose: string; schema: S },
  handler: (data: z.output<S>, context: RequestContext) => Promise<Response>,
): RouteHandler {
  return async (request, context) =>
    guardRoute(`${request.method} ${request.nextUrl.pathname}`, async () => {
      const token = request.nextUrl.searchParams.get("token") ?? "";
      const verified = verifyLink(token, options.purpose, process.env.LINK_SIGNING_KEY);
      if (!verified.ok)
        return verified.reason === "expired"
          ? problem(410, "This link has expired.")
          : problem(403, "This link is not valid.");
      const data = options.schema.safeParse(verified.data);
      if (!data.success) return problem(403, "This link is not valid.");
      return handler(data.data, { request, params: await context.params });
    });
}

/** Cookie-authenticated routes: a mutating request from anywhere but the app's own pages is refused first. */
function withCookies(work: (request: NextRequest, params: Params) => Promise<Response>): RouteHandler {
  return async (request, context) => {
    if (isMutatingMethod(request.method)) {
      const refusal = crossOriginRefusal(request.headers);
      if (refusal) {
        console.warn(`refused ${refusal} to ${request.method} ${request.nextUrl.pathname}`);
        return problem(403, "This request did not come from Partnerdesk's own pages, so it was refused.");
      }
    }
    return guardRoute(`${request.method} ${request.nextUrl.pathname}`, async () => work(request, await context.params));
  };
}

type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

async function readInput<S extends z.ZodType>(
  request: NextRequest,
  options: InputOptions<S>,
): Promise<Parsed<z.output<S>>> {
  const raw = await readRaw(request, options.maxBytes);
  if (!raw.ok) return raw;
  const parsed = options.schema.safeParse(raw.data);
  if (parsed.success) return { ok: true, data: parsed.data };
  // The first message says what to fix; the rest, by field, are for forms that show them.
  const message = parsed.error.issues[0]?.message ?? "The request is not valid.";
  return {
    ok: false,
    response: Response.json({ error: message, fieldErrors: fieldErrorsOf(parsed.error) }, { status: 400 }),
  };
}

async function readRaw(request: NextRequest, maxBytes: number | undefined): Promise<Parsed<unknown>> {
  const method = request.method.toUpperCase();
  if (method === "GET" || method === "HEAD") return { ok: true, data: entries(request.nextUrl.searchParams) };
  const length = Number(request.headers.get("content-length") ?? 0);
  if (maxBytes !== undefined && length > maxBytes)
    return {
      ok: false,
      response: problem(413, `The request is larger than ${Math.floor(maxBytes / 1024 / 1024)} MB; send less at once.`),
    };
  const type = request.headers.get("content-type")?.toLowerCase() ?? "";
  try {
    if (type.startsWith("application/json")) return { ok: true, data: await request.json() };
    if (type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded"))
      return { ok: true, data: entries(await request.formData()) };
  } catch {
    return { ok: false, response: problem(400, "The request body could not be read.") };
  }
  if (length > 0 || type) return { ok: false, response: problem(415, "Send JSON or a form.") };
  return { ok: true, data: {} };
}

/** Form fields or query parameters as an object: one value as is, a repeated name as an array. */
function entries(source: URLSearchParams | FormData): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of new Set(source.keys())) {
    const values = source.getAll(key);
    result[key] = values.length === 1 ? values[0] : values;
  }
  return result;
}
