import { importJWK, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { appEnv, loadConfig, statusEnv } from "../../local-supabase/config";

describe("the local stack's configuration", () => {
  const config = loadConfig({ name: "unit", portBase: 54321 });

  it("uses the ports of `supabase start`", () => {
    expect([config.apiPort, config.dbPort, config.mailPort]).toEqual([54321, 54322, 54324]);
  });

  it("moves every port together with the port base", () => {
    const moved = loadConfig({ name: "unit", portBase: 55321 });
    expect([moved.apiPort, moved.dbPort, moved.mailPort, moved.smtpPort]).toEqual([55321, 55322, 55324, 55325]);
  });

  it("ships anon and service_role keys signed with its JWT secret", async () => {
    const key = await importJWK({ kty: "oct", k: Buffer.from(config.jwtSecret).toString("base64url") }, "HS256");
    const anon = await jwtVerify(config.anonKey, key);
    const service = await jwtVerify(config.serviceRoleKey, key);
    expect(anon.payload.role).toBe("anon");
    expect(service.payload.role).toBe("service_role");
  });

  it("prints the variable names of `supabase status -o env`", () => {
    expect(Object.keys(statusEnv(config))).toEqual(
      expect.arrayContaining(["API_URL", "DB_URL", "ANON_KEY", "SERVICE_ROLE_KEY", "JWT_SECRET", "MAILPIT_URL"]),
    );
    expect(statusEnv(config).DB_URL).toBe("postgresql://postgres:postgres@127.0.0.1:54322/postgres");
  });

  it("gives the app both key styles", () => {
    const env = appEnv(config);
    expect(env.NEXT_PUBLIC_SUPABASE_URL).toBe("http://127.0.0.1:54321");
    expect(env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY).toMatch(/^sb_publishable_/);
    expect(env.NEXT_PUBLIC_SUPABASE_ANON_KEY).toBe(config.anonKey);
  });
});
