import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * The asymmetric key that signs access tokens, as on a hosted project created today: an
 * ES256 (P-256) key with a `kid`, whose public half is served at /.well-known/jwks.json.
 * The private JWK is stored in the stack's state folder (git-ignored), in the shape
 * `supabase gen signing-key` writes, and made once: a restart keeps tokens valid.
 */
export type PublicJwk = {
  kty: "EC";
  crv: "P-256";
  x: string;
  y: string;
  kid: string;
  alg: "ES256";
  use: "sig";
  key_ops: ["verify"];
  ext: true;
};

export type SigningKey = { kid: string; privateKey: crypto.KeyObject; publicKey: crypto.KeyObject; jwk: PublicJwk };

type StoredJwk = { kty: string; crv: string; x: string; y: string; d: string; kid: string };

function generate(file: string): void {
  const { privateKey } = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = privateKey.export({ format: "jwk" });
  const stored = {
    kty: jwk.kty,
    kid: crypto.randomUUID(),
    use: "sig",
    key_ops: ["sign", "verify"],
    alg: "ES256",
    ext: true,
    crv: jwk.crv,
    x: jwk.x,
    y: jwk.y,
    d: jwk.d,
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Written aside and renamed, so a second server starting at the same moment never reads half a key.
  const partial = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(partial, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(partial, file);
}

/** The key in `file`, made first when there is none (or when `replace` asks for a new one). */
export function ensureSigningKey(file: string, options: { replace?: boolean } = {}): SigningKey {
  if (options.replace) fs.rmSync(file, { force: true });
  if (!fs.existsSync(file)) generate(file);
  const stored = JSON.parse(fs.readFileSync(file, "utf8")) as StoredJwk;
  if (stored.kty !== "EC" || stored.crv !== "P-256" || !stored.d || !stored.kid) {
    throw new Error(`${file} is not a P-256 private JWK with a kid; delete it to get a new key`);
  }
  const privateKey = crypto.createPrivateKey({
    key: { kty: "EC", crv: "P-256", x: stored.x, y: stored.y, d: stored.d },
    format: "jwk",
  });
  const publicKey = crypto.createPublicKey(privateKey);
  return {
    kid: stored.kid,
    privateKey,
    publicKey,
    jwk: {
      kty: "EC",
      crv: "P-256",
      x: stored.x,
      y: stored.y,
      kid: stored.kid,
      alg: "ES256",
      use: "sig",
      key_ops: ["verify"],
      ext: true,
    },
  };
}

/** The stack's HS256 secret as a JWK, for key sets that must also accept the legacy tokens. */
export function secretJwk(secret: string): { kty: "oct"; k: string; alg: "HS256" } {
  return { kty: "oct", k: Buffer.from(secret, "utf8").toString("base64url"), alg: "HS256" };
}
