import { createServerClient } from "@supabase/ssr";
import { createClient } from "@supabase/supabase-js";
import { createLocalJWKSet, decodeProtectedHeader, generateKeyPair, jwtVerify, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEnv } from "../support/env";
import { mintUserJwt } from "../support/jwt";
import { claims, createUser, PASSWORD, signedIn } from "./helpers";
import { startOwnAuth } from "./own-server";

type Jwk = Record<string, unknown>;

async function jwks(base = testEnv.apiUrl): Promise<{ response: Response; keys: Jwk[] }> {
  // No apikey: Supabase's gateway lets this one path through, as any verifier must reach it.
  const response = await fetch(`${base}/auth/v1/.well-known/jwks.json`);
  const body = (await response.clone().json()) as { keys: Jwk[] };
  return { response, keys: body.keys };
}

/** A supabase-js client whose every request is recorded, to see what getClaims() calls. */
function recordingClient(base = testEnv.apiUrl) {
  const calls: string[] = [];
  const client = createClient(base, testEnv.anonKey, {
    auth: { persistSession: true, autoRefreshToken: false, detectSessionInUrl: false },
    global: {
      fetch: (input, init) => {
        calls.push(new URL(input instanceof Request ? input.url : String(input)).pathname);
        return fetch(input, init);
      },
    },
  });
  return { client, calls };
}

/** Signs a JWT with a fresh EC key that is not the stack's, under a chosen kid. */
async function foreignEs256(kid: string, sub: string): Promise<string> {
  const { privateKey } = await generateKeyPair("ES256");
  return new SignJWT({ sub, role: "authenticated", aud: "authenticated", session_id: crypto.randomUUID() })
    .setProtectedHeader({ alg: "ES256", kid, typ: "JWT" })
    .setIssuedAt()
    .setExpirationTime("1h")
    .sign(privateKey);
}

describe("access tokens are ES256, with the public key at /.well-known/jwks.json", () => {
  it("serves one EC P-256 public key with a kid, without an apikey, and never the secret", async () => {
    const { response, keys } = await jwks();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=600");
    expect(keys).toEqual([
      {
        kty: "EC",
        crv: "P-256",
        x: expect.any(String),
        y: expect.any(String),
        kid: expect.stringMatching(/^[0-9a-f-]{36}$/),
        alg: "ES256",
        use: "sig",
        key_ops: ["verify"],
        ext: true,
      },
    ]);
  });

  it("signs a session's access token with that key, and it verifies from the key set alone", async () => {
    const { accessToken, id } = await signedIn("jwt-es256");
    const { keys } = await jwks();
    expect(decodeProtectedHeader(accessToken)).toEqual({ alg: "ES256", kid: keys[0]!.kid, typ: "JWT" });
    const { payload } = await jwtVerify(accessToken, createLocalJWKSet({ keys }), {
      issuer: `${testEnv.apiUrl}/auth/v1`,
      audience: "authenticated",
    });
    expect(payload.sub).toBe(id);
  });

  it("accepts on GET /user its own ES256 tokens and HS256 tokens signed with the JWT secret", async () => {
    const { accessToken, id } = await signedIn("jwt-accepts");
    const anon = createClient(testEnv.apiUrl, testEnv.anonKey, { auth: { persistSession: false } });
    expect((await anon.auth.getUser(accessToken)).data.user?.id).toBe(id);
    const minted = await mintUserJwt(id, { session_id: claims(accessToken).session_id });
    expect((await anon.auth.getUser(minted)).data.user?.id).toBe(id);
  });

  it("refuses with 403 bad_jwt an ES256 token under its kid but another key, and one with an unknown kid", async () => {
    const { id } = await createUser("jwt-foreign");
    const { keys } = await jwks();
    const anon = createClient(testEnv.apiUrl, testEnv.anonKey, { auth: { persistSession: false } });
    for (const token of [await foreignEs256(String(keys[0]!.kid), id), await foreignEs256(crypto.randomUUID(), id)]) {
      expect((await anon.auth.getUser(token)).error).toMatchObject({ status: 403, code: "bad_jwt" });
    }
  });
});

describe("getClaims() verifies locally from the key set, without GET /user", () => {
  it("with supabase-js: one key set fetch, no /user, for any number of calls", async () => {
    const user = await createUser("jwt-claims");
    const { client, calls } = recordingClient();
    const { error } = await client.auth.signInWithPassword({ email: user.email, password: PASSWORD });
    expect(error).toBeNull();
    calls.length = 0;
    for (let i = 0; i < 3; i++) {
      const { data, error: claimsError } = await client.auth.getClaims();
      expect(claimsError).toBeNull();
      expect(data?.claims.sub).toBe(user.id);
      expect(data?.header).toMatchObject({ alg: "ES256" });
    }
    expect(calls).not.toContain("/auth/v1/user");
    expect(calls.filter((path) => path === "/auth/v1/.well-known/jwks.json").length).toBeLessThanOrEqual(1);
  });

  it("with @supabase/ssr, as the app's proxy calls it, from the cookie alone", async () => {
    const user = await createUser("jwt-claims-ssr");
    const jar = new Map<string, string>();
    const calls: string[] = [];
    const client = () =>
      createServerClient(testEnv.apiUrl, testEnv.anonKey, {
        cookies: {
          getAll: () => [...jar].map(([name, value]) => ({ name, value })),
          setAll: (cookies) => {
            for (const { name, value } of cookies) jar.set(name, value);
          },
        },
        global: {
          fetch: (input, init) => {
            calls.push(new URL(input instanceof Request ? input.url : String(input)).pathname);
            return fetch(input, init);
          },
        },
      });
    expect((await client().auth.signInWithPassword({ email: user.email, password: PASSWORD })).error).toBeNull();
    calls.length = 0;
    const { data, error } = await client().auth.getClaims();
    expect(error).toBeNull();
    expect(data?.claims.sub).toBe(user.id);
    expect(calls).not.toContain("/auth/v1/user");
  });

  it("rejects a token the key set does not verify", async () => {
    const { accessToken } = await signedIn("jwt-claims-forged");
    const { client } = recordingClient();
    const forged = `${accessToken.split(".").slice(0, 2).join(".")}.${Buffer.alloc(64, 1).toString("base64url")}`;
    const { data, error } = await client.auth.getClaims(forged);
    expect(data).toBeNull();
    expect(error).toMatchObject({ name: "AuthInvalidJwtError" });
  });
});

describe("GOTRUE_JWT_ALGORITHM=HS256", () => {
  let own: Awaited<ReturnType<typeof startOwnAuth>>;
  beforeAll(async () => {
    own = await startOwnAuth(1, { GOTRUE_JWT_ALGORITHM: "HS256" });
  });
  afterAll(async () => {
    await own?.close();
  });

  it("signs with the JWT secret and no kid; getClaims() then asks GET /user, as with a legacy project", async () => {
    const user = await createUser("jwt-hs256");
    const { client, calls } = recordingClient(own.apiUrl);
    const { data: signIn } = await client.auth.signInWithPassword({ email: user.email, password: PASSWORD });
    const token = signIn.session!.access_token;
    expect(decodeProtectedHeader(token)).toEqual({ alg: "HS256", typ: "JWT" });
    expect((await jwtVerify(token, new TextEncoder().encode(testEnv.jwtSecret))).payload.sub).toBe(user.id);
    expect(claims(token).iss).toBe(`${own.apiUrl}/auth/v1`);

    calls.length = 0;
    const { data, error } = await client.auth.getClaims();
    expect(error).toBeNull();
    expect(data?.claims.sub).toBe(user.id);
    expect(calls).toContain("/auth/v1/user");
  });

  it("still publishes the EC key, so tokens signed before the switch keep verifying", async () => {
    const shared = await jwks();
    const { keys } = await jwks(own.apiUrl);
    expect(keys).toEqual(shared.keys);
  });
});
