import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { compactVerify, importJWK, SignJWT } from "jose";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../local-supabase/config";
import { ensureSigningKey } from "../../local-supabase/auth/signing-key";

const dirs: string[] = [];
function keyFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "signing-key-"));
  dirs.push(dir);
  return path.join(dir, "state", "jwt-signing-key.json");
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("the auth server's signing key", () => {
  it("is made once, readable by its owner only, and the same key on every later read", () => {
    const file = keyFile();
    const first = ensureSigningKey(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const again = ensureSigningKey(file);
    expect(again.kid).toBe(first.kid);
    expect(again.jwk).toEqual(first.jwk);
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toMatchObject({
      kid: first.kid,
      alg: "ES256",
      d: expect.any(String),
    });
  });

  it("is replaced on request (a new database cluster), and the old tokens then fail", async () => {
    const file = keyFile();
    const old = ensureSigningKey(file);
    const token = await new SignJWT({ sub: "x" })
      .setProtectedHeader({ alg: "ES256", kid: old.kid })
      .sign(old.privateKey);
    const fresh = ensureSigningKey(file, { replace: true });
    expect(fresh.kid).not.toBe(old.kid);
    await expect(compactVerify(token, await importJWK(fresh.jwk, "ES256"))).rejects.toThrow();
    await expect(compactVerify(token, await importJWK(old.jwk, "ES256"))).resolves.toBeDefined();
  });

  it("lives next to the data folder, in the git-ignored state folder", () => {
    const config = loadConfig({ name: "unit", portBase: 54321 });
    expect(path.dirname(config.signingKeyPath)).toBe(path.dirname(config.dataDir));
    expect(path.relative(config.projectDir, config.signingKeyPath).split(path.sep)[0]).toBe(".local-supabase");
  });
});
