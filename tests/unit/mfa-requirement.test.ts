import { describe, expect, it } from "vitest";
import { mfaApplies, mfaStep } from "@/lib/mfa/requirement";
import { codeField, friendlyNameField } from "@/lib/mfa/schemas";

describe("mfaApplies (as private.mfa_applies)", () => {
  it.each([
    ["none", "admin", false],
    ["admins", "admin", true],
    ["admins", "member", false],
    ["staff", "viewer", true],
  ] as const)("%s covers a %s: %s", (required, role, expected) => {
    expect(mfaApplies(required, role)).toBe(expected);
  });
});

describe("mfaStep", () => {
  const allowed = { allowed: true };
  const blocked = { allowed: false };
  it("asks nothing of an aal2 session", () => {
    expect(mfaStep({ aal: "aal2", hasVerifiedFactor: true, memberships: [blocked] })).toBeNull();
  });
  it("asks for the code when the person has an authenticator", () => {
    expect(mfaStep({ aal: "aal1", hasVerifiedFactor: true, memberships: [allowed] })).toBe("code");
  });
  it("leads to set-up when every organization requires what the person lacks", () => {
    expect(mfaStep({ aal: "aal1", hasVerifiedFactor: false, memberships: [blocked, blocked] })).toBe("setup");
  });
  it("lets the person in while one organization still admits them (control)", () => {
    expect(mfaStep({ aal: "aal1", hasVerifiedFactor: false, memberships: [blocked, allowed] })).toBeNull();
    expect(mfaStep({ aal: "aal1", hasVerifiedFactor: false, memberships: [] })).toBeNull();
  });
});

describe("the code and name fields", () => {
  it("take six digits, with the spaces people type between groups", () => {
    expect(codeField.parse("123 456")).toBe("123456");
    expect(codeField.safeParse("12345").success).toBe(false);
    expect(codeField.safeParse("12345a").success).toBe(false);
  });
  it("need a name of at most 60 characters", () => {
    expect(friendlyNameField.safeParse("  ").success).toBe(false);
    expect(friendlyNameField.safeParse("x".repeat(61)).success).toBe(false);
    expect(friendlyNameField.parse(" Work phone ")).toBe("Work phone");
  });
});
