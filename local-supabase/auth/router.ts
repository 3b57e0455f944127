import type { Context } from "./context";
import { notFound } from "./errors";
import * as admin from "./handlers/admin";
import * as meta from "./handlers/meta";
import * as mfa from "./handlers/mfa";
import * as otp from "./handlers/otp";
import * as signup from "./handlers/signup";
import * as token from "./handlers/token";
import * as user from "./handlers/user";
import * as verify from "./handlers/verify";
import { effectiveAddress } from "./forwarded-for";
import type { Request, Response } from "./http";
import type { RateLimits } from "./settings";

type Handler = (ctx: Context, request: Request, id: string, second: string) => Promise<Response>;
type Route = {
  method: string;
  pattern: RegExp;
  handler: Handler;
  limit?: Exclude<keyof RateLimits, "windowMs" | "mfaWindowMs">;
};

/** Every GoTrue endpoint this server answers, with the per-IP limiter that guards it. */
const ROUTES: Route[] = [
  { method: "GET", pattern: /^\/health$/, handler: () => meta.health() },
  { method: "GET", pattern: /^\/settings$/, handler: (ctx) => meta.settings(ctx) },
  { method: "GET", pattern: /^\/\.well-known\/jwks\.json$/, handler: (ctx) => meta.jwks(ctx) },
  { method: "POST", pattern: /^\/signup$/, handler: signup.signup, limit: "signup" },
  { method: "POST", pattern: /^\/token$/, handler: token.token, limit: "token" },
  { method: "POST", pattern: /^\/(otp|magiclink)$/, handler: otp.otp, limit: "otp" },
  { method: "POST", pattern: /^\/recover$/, handler: otp.recover, limit: "recover" },
  { method: "GET", pattern: /^\/verify$/, handler: verify.verifyGet, limit: "verify" },
  { method: "POST", pattern: /^\/verify$/, handler: verify.verifyPost, limit: "verify" },
  { method: "GET", pattern: /^\/user$/, handler: user.getUser },
  { method: "PUT", pattern: /^\/user$/, handler: user.updateUser, limit: "userUpdate" },
  { method: "POST", pattern: /^\/logout$/, handler: user.logout },
  { method: "POST", pattern: /^\/factors$/, handler: mfa.enroll },
  { method: "POST", pattern: /^\/factors\/([^/]+)\/challenge$/, handler: mfa.challenge, limit: "mfaChallenge" },
  { method: "POST", pattern: /^\/factors\/([^/]+)\/verify$/, handler: mfa.verify, limit: "mfaVerify" },
  { method: "DELETE", pattern: /^\/factors\/([^/]+)$/, handler: mfa.unenroll },
  { method: "POST", pattern: /^\/invite$/, handler: admin.invite },
  { method: "POST", pattern: /^\/admin\/generate_link$/, handler: admin.generateLink },
  { method: "GET", pattern: /^\/admin\/users$/, handler: admin.listUsers },
  { method: "POST", pattern: /^\/admin\/users$/, handler: admin.createUserHandler },
  { method: "GET", pattern: /^\/admin\/users\/([^/]+)$/, handler: admin.getUserById },
  { method: "PUT", pattern: /^\/admin\/users\/([^/]+)$/, handler: admin.updateUserById },
  { method: "DELETE", pattern: /^\/admin\/users\/([^/]+)$/, handler: admin.deleteUser },
  { method: "GET", pattern: /^\/admin\/users\/([^/]+)\/factors$/, handler: mfa.adminListFactors },
  { method: "DELETE", pattern: /^\/admin\/users\/([^/]+)\/factors\/([^/]+)$/, handler: mfa.adminDeleteFactor },
];

export async function route(ctx: Context, request: Request): Promise<Response> {
  for (const candidate of ROUTES) {
    const match = candidate.pattern.exec(request.path);
    if (!match || candidate.method !== request.method) continue;
    if (request.headers["sb-forwarded-for"]) request.ip = await effectiveAddress(ctx, request);
    if (candidate.limit) {
      const windowMs = candidate.limit.startsWith("mfa") ? ctx.settings.rateLimits.mfaWindowMs : undefined;
      ctx.limiter.check(candidate.limit, request.ip, ctx.settings.rateLimits[candidate.limit], windowMs);
    }
    return candidate.handler(ctx, request, decodeURIComponent(match[1] ?? ""), decodeURIComponent(match[2] ?? ""));
  }
  throw notFound("not_found", "Not Found");
}
