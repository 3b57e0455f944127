import type { Context } from "../context";
import { transaction, type Db } from "../db";
import { parseGoDuration } from "../duration";
import { sendEmailLink } from "../emails";
import { badRequest, notFound, unprocessable } from "../errors";
import { requireAdmin } from "../guards";
import { json, record, str, type Request, type Response } from "../http";
import { issueToken } from "../otp";
import { referrer, isRedirectAllowed, verifyUrl } from "../redirect";
import {
  checkPasswordStrength,
  confirmUser,
  createUser,
  DUPLICATE_EMAIL,
  findUserByEmail,
  findUserById,
  isConfirmed,
  mergeMetadata,
  randomPassword,
  setPassword,
  userJson,
  validateEmail,
  type UserRow,
} from "../users";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `ban_duration`: "none" lifts a ban, a Go duration sets banned_until = now + it. */
function banUntil(value: unknown): Date | null | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (value === "none") return null;
  try {
    const ms = parseGoDuration(String(value));
    return ms === 0 ? null : new Date(Date.now() + ms);
  } catch (error) {
    throw badRequest("validation_failed", `invalid format for ban duration: ${(error as Error).message}`);
  }
}

async function loadUser(db: Db, id: string): Promise<UserRow> {
  if (!UUID.test(id)) throw notFound("validation_failed", "user_id must be an UUID");
  const user = await findUserById(db, id);
  if (!user) throw notFound("user_not_found", "User not found");
  return user;
}

/** POST /admin/users */
export async function createUserHandler(ctx: Context, request: Request): Promise<Response> {
  await requireAdmin(ctx, request);
  const body = request.body;
  if (str(body.email) === "") {
    throw badRequest(
      "validation_failed",
      str(body.phone)
        ? "Phone sign-ups are not supported by the local auth server"
        : "Cannot create a user without either an email or phone",
    );
  }
  const email = validateEmail(body.email);
  const password = typeof body.password === "string" && body.password !== "" ? body.password : undefined;
  if (password !== undefined) checkPasswordStrength(password, ctx.settings.minPasswordLength);
  const bannedUntil = banUntil(body.ban_duration);
  const created = await transaction(ctx.pool, async (db) => {
    if (await findUserByEmail(db, email, true)) throw unprocessable("email_exists", DUPLICATE_EMAIL);
    const user = await createUser(db, {
      email,
      password,
      emailConfirmed: body.email_confirm === true,
      userMetadata: record(body.user_metadata) ?? record(body.data),
      appMetadata: record(body.app_metadata),
      role: str(body.role) || undefined,
      bannedUntil: bannedUntil ?? null,
    });
    return userJson(db, user);
  });
  return json(created);
}

/**
 * GET /admin/users?page=&per_page=&filter= with X-Total-Count and a Link header (page
 * first, as auth-js parses it). `filter` is GoTrue's: a substring of the email (LIKE, so
 * `_` and `%` are wildcards) or of user_metadata.full_name (ILIKE); a caller looking for
 * one email must still compare the answers exactly.
 */
export async function listUsers(ctx: Context, request: Request): Promise<Response> {
  await requireAdmin(ctx, request);
  const page = Math.max(1, Number.parseInt(request.query.get("page") ?? "1", 10) || 1);
  const perPage = Math.min(1000, Math.max(1, Number.parseInt(request.query.get("per_page") ?? "50", 10) || 50));
  const filter = request.query.get("filter") ?? "";
  const where = `instance_id = '00000000-0000-0000-0000-000000000000' and aud = 'authenticated'
    and ($1 = '' or email like '%' || $1 || '%' or raw_user_meta_data->>'full_name' ilike '%' || $1 || '%')`;
  const { rows: countRows } = await ctx.pool.query<{ count: string }>(
    `select count(*) from auth.users where ${where}`,
    [filter],
  );
  const total = Number(countRows[0]!.count);
  const { rows } = await ctx.pool.query<UserRow>(
    `select * from auth.users where ${where} order by created_at desc, id limit $2 offset $3`,
    [filter, perPage, (page - 1) * perPage],
  );
  const users = [];
  for (const user of rows) users.push(await userJson(ctx.pool, user));
  const totalPages = Math.ceil(total / perPage);
  const link = (target: number) => {
    const query = new URLSearchParams(request.query);
    query.set("page", String(target));
    query.set("per_page", String(perPage));
    const ordered = new URLSearchParams([...query].sort(([a], [b]) => a.localeCompare(b)));
    return `<${request.path}?${ordered.toString()}>`;
  };
  const links = [];
  if (totalPages > page) links.push(`${link(page + 1)}; rel="next"`);
  links.push(`${link(totalPages)}; rel="last"`);
  return json({ users, aud: "authenticated" }, 200, { "x-total-count": String(total), link: links.join(", ") });
}

/** GET /admin/users/:id */
export async function getUserById(ctx: Context, request: Request, id: string): Promise<Response> {
  await requireAdmin(ctx, request);
  return json(await userJson(ctx.pool, await loadUser(ctx.pool, id)));
}

/** PUT /admin/users/:id: ban, password, email, confirmation, metadata, role. */
export async function updateUserById(ctx: Context, request: Request, id: string): Promise<Response> {
  await requireAdmin(ctx, request);
  const body = request.body;
  const bannedUntil = banUntil(body.ban_duration);
  const password = typeof body.password === "string" ? body.password : undefined;
  if (password !== undefined) checkPasswordStrength(password, ctx.settings.minPasswordLength);
  const email = str(body.email) === "" ? undefined : validateEmail(body.email);
  const updated = await transaction(ctx.pool, async (db) => {
    const user = await loadUser(db, id);
    if (email !== undefined && email !== user.email) {
      if (await findUserByEmail(db, email)) throw unprocessable("email_exists", DUPLICATE_EMAIL);
      await db.query("update auth.users set email = $2, updated_at = now() where id = $1", [id, email]);
      await db.query(
        "update auth.identities set identity_data = identity_data || jsonb_build_object('email', $2::text), updated_at = now() where user_id = $1 and provider = 'email'",
        [id, email],
      );
    }
    if (password !== undefined) await setPassword(db, id, password);
    if (body.email_confirm === true) await confirmUser(db, id);
    if (str(body.role) !== "")
      await db.query("update auth.users set role = $2, updated_at = now() where id = $1", [id, str(body.role)]);
    const userMetadata = record(body.user_metadata);
    if (userMetadata) await mergeMetadata(db, id, "raw_user_meta_data", userMetadata);
    const appMetadata = record(body.app_metadata);
    if (appMetadata) await mergeMetadata(db, id, "raw_app_meta_data", appMetadata);
    if (bannedUntil !== undefined)
      await db.query("update auth.users set banned_until = $2, updated_at = now() where id = $1", [id, bannedUntil]);
    return userJson(db, (await findUserById(db, id))!);
  });
  return json(updated);
}

/** DELETE /admin/users/:id `{ should_soft_delete }` */
export async function deleteUser(ctx: Context, request: Request, id: string): Promise<Response> {
  await requireAdmin(ctx, request);
  await transaction(ctx.pool, async (db) => {
    await loadUser(db, id);
    if (request.body.should_soft_delete === true) {
      await db.query("delete from auth.sessions where user_id = $1", [id]);
      await db.query("delete from auth.identities where user_id = $1", [id]);
      await db.query("delete from auth.one_time_tokens where user_id = $1", [id]);
      await db.query(
        `update auth.users set deleted_at = now(), updated_at = now(), email = null, phone = null, encrypted_password = '',
           confirmation_token = '', recovery_token = '', raw_user_meta_data = '{}'::jsonb where id = $1`,
        [id],
      );
    } else {
      await db.query("delete from auth.users where id = $1", [id]);
    }
  });
  return json({});
}

/** POST /invite `{ email, data }`: creates (or re-invites an unconfirmed) user and mails the invite; not bound by enable_signup. */
export async function invite(ctx: Context, request: Request): Promise<Response> {
  await requireAdmin(ctx, request);
  const email = validateEmail(request.body.email);
  const data = record(request.body.data) ?? {};
  const redirectTo = referrer(ctx.settings, request);
  const invited = await transaction(ctx.pool, async (db) => {
    let user = await findUserByEmail(db, email, true);
    if (user && isConfirmed(user)) throw unprocessable("email_exists", DUPLICATE_EMAIL);
    // A re-invite of an unconfirmed user keeps their metadata: GoTrue reads `data` only for a new user.
    if (!user) {
      user = await createUser(db, { email, emailConfirmed: false, invited: true, userMetadata: data });
    } else {
      await db.query("update auth.users set invited_at = now(), updated_at = now() where id = $1", [user.id]);
    }
    await sendEmailLink(ctx, db, user, {
      template: "invite",
      tokenKind: "confirmation_token",
      verifyType: "invite",
      redirectTo,
      throttle: false,
    });
    return userJson(db, (await findUserById(db, user.id))!);
  });
  return json(invited);
}

/**
 * POST /admin/generate_link: the link and code an email would carry, without sending it,
 * as GoTrue's adminGenerateLink: a magic link for an unknown email becomes a sign-up
 * link (the user is made, unconfirmed, with a throwaway password, and the answer says
 * `verification_type: "signup"`); invite and signup make the user too; recovery for an
 * unknown email is 404 user_not_found. None of it is bound by enable_signup.
 */
export async function generateLink(ctx: Context, request: Request): Promise<Response> {
  await requireAdmin(ctx, request);
  const body = request.body;
  let type = str(body.type);
  const email = validateEmail(body.email);
  const data = record(body.data) ?? {};
  const bodyRedirect = str(body.redirect_to) || str(body.redirectTo);
  const redirectTo = isRedirectAllowed(ctx.settings, bodyRedirect) ? bodyRedirect : referrer(ctx.settings, request);
  const result = await transaction(ctx.pool, async (db) => {
    let user = await findUserByEmail(db, email, true);
    let password = str(body.password);
    if (!user && type === "magiclink") {
      type = "signup";
      password = randomPassword();
    }
    if (!user && type === "recovery") throw notFound("user_not_found", "User with this email not found");
    let kind: "confirmation_token" | "recovery_token";
    if (type === "magiclink" || type === "recovery") {
      kind = "recovery_token";
    } else if (type === "invite") {
      if (user && isConfirmed(user)) throw unprocessable("email_exists", DUPLICATE_EMAIL);
      if (!user) user = await createUser(db, { email, emailConfirmed: false, invited: true, userMetadata: data });
      else await db.query("update auth.users set invited_at = now(), updated_at = now() where id = $1", [user.id]);
      kind = "confirmation_token";
    } else if (type === "signup") {
      if (!user) {
        if (password === "") throw badRequest("validation_failed", "Signup requires a valid password");
        checkPasswordStrength(password, ctx.settings.minPasswordLength);
        user = await createUser(db, { email, password, emailConfirmed: false, userMetadata: data });
      } else if (isConfirmed(user)) {
        throw unprocessable("email_exists", DUPLICATE_EMAIL);
      } else if (Object.keys(data).length > 0) {
        await mergeMetadata(db, user.id, "raw_user_meta_data", data);
      }
      kind = "confirmation_token";
    } else {
      throw badRequest("validation_failed", `Invalid email action link type requested: ${type}`);
    }
    const issued = await issueToken(db, ctx.settings, user!, kind, false);
    const fresh = (await findUserById(db, user!.id))!;
    return {
      ...(await userJson(db, fresh)),
      action_link: verifyUrl(ctx.settings, issued.hashedToken, type, redirectTo),
      email_otp: issued.otp,
      hashed_token: issued.hashedToken,
      verification_type: type,
      redirect_to: redirectTo,
    };
  });
  return json(result);
}
