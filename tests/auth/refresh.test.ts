import { describe, expect, it } from "vitest";
import { adminClient, anonClient, claims, signedIn, sql } from "./helpers";

const refresh = (token: string) => anonClient().auth.refreshSession({ refresh_token: token });

describe("refresh (POST /token?grant_type=refresh_token)", () => {
  it("rotates: a new refresh token and access token for the same session", async () => {
    const { refreshToken, accessToken } = await signedIn("refresh-rotate");
    const { data, error } = await refresh(refreshToken);
    expect(error).toBeNull();
    expect(data.session!.refresh_token).not.toBe(refreshToken);
    expect(data.session!.expires_in).toBeGreaterThan(0);
    expect(claims(data.session!.access_token).session_id).toBe(claims(accessToken).session_id);
    const [row] = await sql<{ revoked: boolean }>("select revoked from auth.refresh_tokens where token = $1", [
      refreshToken,
    ]);
    expect(row!.revoked).toBe(true);
  });

  it("hands the live token back when the parent is replayed (the client lost the answer)", async () => {
    const { refreshToken } = await signedIn("refresh-parent");
    const first = await refresh(refreshToken);
    const again = await refresh(refreshToken);
    expect(again.error).toBeNull();
    expect(again.data.session!.refresh_token).toBe(first.data.session!.refresh_token);
  });

  it("detects reuse of a spent token after the 10 s window and revokes the whole session", async () => {
    const { refreshToken: t0 } = await signedIn("refresh-reuse");
    const t1 = (await refresh(t0)).data.session!.refresh_token;
    const t2 = (await refresh(t1)).data.session!.refresh_token;
    const [session] = await sql<{ session_id: string }>("select session_id from auth.refresh_tokens where token = $1", [
      t0,
    ]);
    await sql("update auth.refresh_tokens set updated_at = now() - interval '11 seconds' where token = $1", [t0]);

    expect((await refresh(t0)).error).toMatchObject({ status: 400, code: "refresh_token_already_used" });
    const live = await sql<{ token: string }>(
      "select token from auth.refresh_tokens where session_id = $1 and not revoked",
      [session!.session_id],
    );
    expect(live).toEqual([]);

    // The thief and the owner alike are out once the window has passed.
    await sql("update auth.refresh_tokens set updated_at = now() - interval '11 seconds' where session_id = $1", [
      session!.session_id,
    ]);
    expect((await refresh(t2)).error).toMatchObject({ status: 400, code: "refresh_token_already_used" });
  });

  it("allows a spent token inside the 10 s window", async () => {
    const { refreshToken: t0 } = await signedIn("refresh-window");
    const t1 = (await refresh(t0)).data.session!.refresh_token;
    await refresh(t1);
    const replay = await refresh(t0);
    expect(replay.error).toBeNull();
  });

  it("refuses an unknown token with refresh_token_not_found", async () => {
    expect((await refresh("not-a-real-token")).error).toMatchObject({ status: 400, code: "refresh_token_not_found" });
  });

  it("refuses a session past not_after with session_expired", async () => {
    const { refreshToken, accessToken } = await signedIn("refresh-expired");
    await sql("update auth.sessions set not_after = now() - interval '1 minute' where id = $1", [
      claims(accessToken).session_id,
    ]);
    expect((await refresh(refreshToken)).error).toMatchObject({ status: 400, code: "session_expired" });
  });

  it("refuses a session older than [auth.sessions] timebox (720h) with session_expired", async () => {
    const { refreshToken, accessToken } = await signedIn("refresh-timebox");
    await sql("update auth.sessions set created_at = now() - interval '721 hours' where id = $1", [
      claims(accessToken).session_id,
    ]);
    expect((await refresh(refreshToken)).error).toMatchObject({
      status: 400,
      code: "session_expired",
      message: "Invalid Refresh Token: Session Expired",
    });
  });

  it("refuses a session idle longer than inactivity_timeout (168h) since its last refresh", async () => {
    const { refreshToken, accessToken } = await signedIn("refresh-idle");
    const t1 = (await refresh(refreshToken)).data.session!.refresh_token;
    await sql(
      "update auth.sessions set refreshed_at = (now() at time zone 'utc') - interval '169 hours', created_at = now() - interval '200 hours' where id = $1",
      [claims(accessToken).session_id],
    );
    expect((await refresh(t1)).error).toMatchObject({
      status: 400,
      code: "session_expired",
      message: "Invalid Refresh Token: Session Expired (Inactivity)",
    });
  });

  it("counts idleness of a never-refreshed session from its refresh token, within the timebox", async () => {
    const { refreshToken, accessToken } = await signedIn("refresh-idle-token");
    const sessionId = claims(accessToken).session_id;
    await sql("update auth.sessions set created_at = now() - interval '200 hours', refreshed_at = null where id = $1", [
      sessionId,
    ]);
    await sql("update auth.refresh_tokens set updated_at = now() - interval '1 hour' where token = $1", [refreshToken]);
    expect((await refresh(refreshToken)).error).toBeNull();
  });

  it("refuses a banned user with user_banned, and works again once the ban is lifted", async () => {
    const { id, refreshToken } = await signedIn("refresh-banned");
    const admin = adminClient();
    await admin.auth.admin.updateUserById(id, { ban_duration: "876000h" });
    expect((await refresh(refreshToken)).error).toMatchObject({ status: 400, code: "user_banned" });
    const lifted = await admin.auth.admin.updateUserById(id, { ban_duration: "none" });
    expect(lifted.data.user?.banned_until ?? null).toBeNull();
    expect((await refresh(refreshToken)).error).toBeNull();
  });
});
