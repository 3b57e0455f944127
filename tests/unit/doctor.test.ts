import { describe, expect, it } from "vitest";
import { judgeSettings } from "../../scripts/doctor/auth-settings";
import { checkIpForwarding } from "../../scripts/doctor/ip-forwarding";
import { formatLine } from "../../scripts/doctor/lines";
import { appliedVersions, judgeMigrations, localMigrations } from "../../scripts/doctor/migrations";
import { parseOptions, projectRefOf, type DoctorOptions } from "../../scripts/doctor/options";
import { fixFor } from "../../scripts/doctor/privileges";

const base: DoctorOptions = { url: "https://abcdefghijklmnopqrst.supabase.co", secretKey: "sb_secret_x" };

describe("doctor options", () => {
  it("take flags first, then the app's and the CLI's variables, and trim a trailing slash", () => {
    const parsed = parseOptions(["--url", "http://127.0.0.1:54321/"], {
      SUPABASE_SECRET_KEY: "sb_secret_env",
      SUPABASE_ACCESS_TOKEN: "sbp_token",
      NEXT_PUBLIC_SITE_URL: "https://app.example.com",
    });
    expect(parsed).toEqual({
      ok: true,
      options: {
        url: "http://127.0.0.1:54321",
        secretKey: "sb_secret_env",
        accessToken: "sbp_token",
        siteUrl: "https://app.example.com",
      },
    });
  });

  it.each([
    [["--secret-key", "k"], "--url is required"],
    [["--url", "https://x.supabase.co"], "--secret-key is required"],
    [["--url", "ftp://x", "--secret-key", "k"], "--url is not an http(s) URL"],
    [["--url", "https://x.co", "--secret-key", "k", "--db-url", "mysql://x"], "--db-url must start with postgresql://"],
  ])("refuse %j", (argv, error) => {
    expect(parseOptions(argv, {})).toEqual({ ok: false, error });
  });

  it("find the project ref in a hosted URL, or take --project-ref", () => {
    expect(projectRefOf(base)).toBe("abcdefghijklmnopqrst");
    expect(projectRefOf({ ...base, url: "https://api.partners.example.com" })).toBeUndefined();
    expect(projectRefOf({ ...base, url: "http://127.0.0.1:54321", projectRef: "zyxwvutsrqponmlkjihg" })).toBe(
      "zyxwvutsrqponmlkjihg",
    );
  });
});

describe("auth settings", () => {
  const external = { email: true, phone: false, anonymous_users: false, github: false };

  it("pass a project with sign-up off and only email sign-in", () => {
    const lines = judgeSettings({ disable_signup: true, mailer_autoconfirm: true, external });
    expect(lines.map((line) => line.status)).toEqual(["pass", "pass", "pass", "pass"]);
  });

  it("fail open sign-up, a closed email provider and methods the app does not use", () => {
    const lines = judgeSettings({
      disable_signup: false,
      mailer_autoconfirm: true,
      external: { ...external, email: false, anonymous_users: true, github: true },
    });
    expect(lines.filter((line) => line.status === "fail").map((line) => line.text)).toEqual([
      "sign-up is on: anyone can create an account on the auth server, with no confirmed address",
      "the email provider is off: nobody can sign in",
      "sign-in methods the app does not use are on: anonymous_users, github",
    ]);
  });
});

describe("migrations", () => {
  it("read the versions the CLI's JSON lists as applied", () => {
    const json = JSON.stringify({
      migrations: [
        { local: "20260101000000", remote: "20260101000000", time: "2026-01-01 00:00:00" },
        { local: "20260102000000", remote: "", time: "2026-01-02 00:00:00" },
        { local: "", remote: "20251231000000", time: "2025-12-31 00:00:00" },
      ],
      message: "Migrations listed",
    });
    expect(appliedVersions(json)).toEqual(["20260101000000", "20251231000000"]);
  });

  it("report pending ones and ones this checkout lacks, or pass", () => {
    const local = ["20260101000000", "20260102000000"];
    expect(judgeMigrations(local, local).map(formatLine)).toEqual(["✓ all 2 migrations are applied"]);
    expect(judgeMigrations(local, ["20251231000000", "20260101000000"]).map((line) => line.text)).toEqual([
      "1 of 2 migrations are not applied: 20260102000000",
      "the database records migrations this checkout lacks: 20251231000000",
    ]);
  });

  it("list supabase/migrations by version", () => {
    const versions = localMigrations();
    expect(versions.length).toBeGreaterThan(0);
    expect(versions).toEqual([...versions].sort());
    expect(versions.every((version) => /^\d{14}$/.test(version))).toBe(true);
  });
});

describe("privilege fixes", () => {
  it("write the statement a new migration needs", () => {
    expect(
      fixFor({
        object: "function private.f()",
        role: "PUBLIC",
        privilege: "EXECUTE",
        expected: "none",
        actual: "EXECUTE",
      }),
    ).toBe("in a new migration: revoke execute on function private.f() from public;");
    expect(
      fixFor({
        object: "view public.v",
        role: "authenticated",
        privilege: "SELECT",
        expected: "SELECT",
        actual: "none",
      }),
    ).toBe("in a new migration: grant select on table public.v to authenticated;");
    expect(
      fixFor({
        object: "table public.t",
        role: "authenticated",
        privilege: "INSERT",
        expected: "INSERT (id, name)",
        actual: "INSERT",
      }),
    ).toBe(
      "in a new migration: revoke insert on table public.t from authenticated; grant insert (id, name) on table public.t to authenticated;",
    );
  });
});

describe("IP forwarding", () => {
  it("wants an sb_secret_ key, and the project setting when the Management API was read", () => {
    const on = checkIpForwarding(base, { ok: true, remote: { security_sb_forwarded_for_enabled: true } });
    expect(on.map((line) => line.status)).toEqual(["pass", "pass"]);
    const off = checkIpForwarding({ ...base, secretKey: "eyJhbGciOi.legacy" }, { ok: true, remote: {} });
    expect(off.map((line) => line.status)).toEqual(["fail", "fail"]);
    const unknown = checkIpForwarding(base);
    expect(unknown[1]!.status).toBe("note");
    expect(unknown[1]!.text).toMatch(/Authentication → Rate Limits → IP Address Forwarding/);
  });
});
