import { describe, expect, it } from "vitest";
import { newPasswordSchema, otpCodeSchema, signInSchema } from "@/lib/auth/schemas";

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
