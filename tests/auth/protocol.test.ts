import { describe, expect, it } from "vitest";
import { testEnv } from "../support/env";
import { authFetch, randomIp } from "./helpers";

describe("the wire format of the auth API", () => {
  it("answers errors as { code, message } with X-Supabase-Api-Version, exposed to browsers", async () => {
    const response = await authFetch("/token?grant_type=password", {
      method: "POST",
      body: { email: "nobody@example.test", password: "x" },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("x-supabase-api-version")).toBe("2024-01-01");
    expect(response.headers.get("access-control-expose-headers")).toContain("X-Supabase-Api-Version");
    expect(await response.json()).toEqual({ code: "invalid_credentials", message: "Invalid login credentials" });
  });

  it("answers the legacy error shape to clients that send no API version", async () => {
    const response = await authFetch("/token?grant_type=password", {
      method: "POST",
      body: { email: "nobody@example.test", password: "x" },
      apiVersion: null,
    });
    expect(await response.json()).toEqual({
      code: 400,
      error_code: "invalid_credentials",
      msg: "Invalid login credentials",
    });
  });

  it("allows the client's headers in CORS preflights", async () => {
    const response = await fetch(`${testEnv.apiUrl}/auth/v1/token?grant_type=password`, {
      method: "OPTIONS",
      headers: {
        origin: "http://localhost:3000",
        "access-control-request-headers": "apikey, x-client-info, x-supabase-api-version, authorization, content-type",
      },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-headers")).toContain("x-supabase-api-version");
  });

  it("serves /health and /settings like GoTrue", async () => {
    const health = await authFetch("/health");
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ name: "GoTrue", version: expect.stringMatching(/^v2\./) });
    const settings = await authFetch("/settings");
    expect(await settings.json()).toMatchObject({
      external: { email: true, phone: false },
      disable_signup: true,
      mailer_autoconfirm: true,
    });
  });

  it("lets an email link reach /verify without an apikey", async () => {
    const response = await fetch(
      `${testEnv.apiUrl}/auth/v1/verify?token=nothing&type=magiclink&redirect_to=http://localhost:3000/x`,
      {
        redirect: "manual",
        headers: { "x-forwarded-for": randomIp() },
      },
    );
    expect(response.status).toBe(303);
    expect(new URLSearchParams(new URL(response.headers.get("location")!).hash.slice(1)).get("error_code")).toBe(
      "otp_expired",
    );
  });
});
