import { describe, expect, it } from "vitest";
import { bearerMatches } from "@/lib/http/bearer-secret";
import { signLink, verifyLink } from "@/lib/http/signed-link";

const SECRET = "s".repeat(40);
const KEY = "k".repeat(40);

describe("bearerMatches", () => {
  it("accepts the configured secret and nothing near it", () => {
    expect(bearerMatches(`Bearer ${SECRET}`, SECRET)).toBe(true);
    expect(bearerMatches(`bearer ${SECRET}`, SECRET)).toBe(true);
    expect(bearerMatches(`Bearer ${SECRET}x`, SECRET)).toBe(false);
    expect(bearerMatches(`Bearer ${SECRET.slice(1)}`, SECRET)).toBe(false);
    expect(bearerMatches(SECRET, SECRET)).toBe(false);
    expect(bearerMatches(`Basic ${SECRET}`, SECRET)).toBe(false);
    expect(bearerMatches(null, SECRET)).toBe(false);
  });

  it("is closed when the secret is missing or too short to be one", () => {
    expect(bearerMatches("Bearer ", undefined)).toBe(false);
    expect(bearerMatches("Bearer undefined", undefined)).toBe(false);
    expect(bearerMatches("Bearer short", "short")).toBe(false);
  });
});

describe("signed links", () => {
  const now = Date.parse("2026-12-01T12:00:00Z");

  it("round-trips the data for its purpose until it expires", () => {
    const token = signLink("unsubscribe", { userId: "u1" }, 3600, KEY, now);
    expect(verifyLink(token, "unsubscribe", KEY, now + 1000)).toEqual({ ok: true, data: { userId: "u1" } });
    expect(verifyLink(token, "unsubscribe", KEY, now + 3600_000)).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses another purpose, another key, a changed payload and junk", () => {
    const token = signLink("unsubscribe", { userId: "u1" }, 3600, KEY, now);
    expect(verifyLink(token, "reset", KEY, now)).toEqual({ ok: false, reason: "forged" });
    expect(verifyLink(token, "unsubscribe", "x".repeat(40), now)).toEqual({ ok: false, reason: "forged" });
    const [, signature] = token.split(".");
    const forgedPayload = Buffer.from(
      JSON.stringify({ p: "unsubscribe", d: { userId: "u2" }, e: now / 1000 + 3600 }),
    ).toString("base64url");
    expect(verifyLink(`${forgedPayload}.${signature}`, "unsubscribe", KEY, now)).toEqual({
      ok: false,
      reason: "forged",
    });
    expect(verifyLink("", "unsubscribe", KEY, now).ok).toBe(false);
    expect(verifyLink("a.b.c", "unsubscribe", KEY, now).ok).toBe(false);
    expect(verifyLink(token, "unsubscribe", undefined, now)).toEqual({ ok: false, reason: "forged" });
  });

  it("will not sign with a short key", () => {
    expect(() => signLink("unsubscribe", {}, 60, "short")).toThrow(/LINK_SIGNING_KEY/);
  });
});
