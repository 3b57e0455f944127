import { describe, expect, it } from "vitest";
import { newPasswordSchema, otpCodeSchema, safeNextPath, signInSchema } from "@/lib/auth/schemas";

describe("safeNextPath", () => {
  it.each([
    ["/admin/partners?status=active", "/admin/partners?status=active"],
    ["/portal", "/portal"],
  ])("follows a same-site path %s", (next, expected) => {
    expect(safeNextPath(next, "/fallback")).toBe(expected);
  });

  it("returns a normalised relative path, never an absolute URL", () => {
    expect(safeNextPath("/portal/../admin/partners?x=1#top", "/fallback")).toBe("/admin/partners?x=1#top");
    expect(safeNextPath("/%2F%2Fevil.test", "/fallback")).toBe("/%2F%2Fevil.test");
  });

  it.each([
    "https://evil.test/",
    "//evil.test/x",
    "/\\evil.test",
    "/\t/evil.test",
    "/\n/evil.test",
    "javascript:alert(1)",
    "",
    undefined,
    null,
  ])("refuses %s (an open redirect) and falls back", (next) => {
    expect(safeNextPath(next, "/fallback")).toBe("/fallback");
  });
});

describe("sign-in schemas", () => {
  it("normalises the email and requires a password", () => {
    expect(signInSchema.parse({ email: "  Admin@Acme.TEST ", password: "x" }).email).toBe("admin@acme.test");
    const result = signInSchema.safeParse({ email: "not-an-email", password: "" });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join("."), issue.message]));
    expect(messages).toEqual({ email: "Enter a valid email address", password: "Enter your password" });
  });

  it("accepts only a 6-digit code", () => {
    expect(otpCodeSchema.safeParse({ email: "a@b.co", token: "123456" }).success).toBe(true);
    expect(otpCodeSchema.safeParse({ email: "a@b.co", token: "12345" }).success).toBe(false);
    expect(otpCodeSchema.safeParse({ email: "a@b.co", token: "12345a" }).success).toBe(false);
  });

  it("puts a password mismatch on the confirmation field", () => {
    const result = newPasswordSchema.safeParse({ password: "long-enough-1", confirm: "different-1" });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(["confirm"]);
  });
});
