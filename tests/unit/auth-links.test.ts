import { describe, expect, it } from "vitest";
import { authCallbackUrl, nextFromRedirectTo } from "@/lib/auth/callback-url";
import { askAgainLink, linkErrorPath, linkFailureOf } from "@/lib/auth/link-failure";

describe("authCallbackUrl", () => {
  it("points GoTrue's redirect_to at the app's /auth/callback, with the page to open next", () => {
    expect(authCallbackUrl("http://localhost:3000")).toBe("http://localhost:3000/auth/callback");
    expect(authCallbackUrl("https://app.example.com/", "/login/new-password")).toBe(
      "https://app.example.com/auth/callback?next=%2Flogin%2Fnew-password",
    );
  });
});

describe("nextFromRedirectTo (the page an /auth/confirm link's redirect_to asks for)", () => {
  it.each([
    ["http://localhost:3000/auth/callback", undefined],
    ["http://localhost:3000/auth/callback?next=%2Fadmin%2Fpartners", "/admin/partners"],
    ["http://localhost:3000/portal", "/portal"],
    ["http://localhost:3000/admin/partners?status=active", "/admin/partners?status=active"],
    ["http://localhost:3000/", undefined],
    ["not a url", undefined],
    [undefined, undefined],
  ])("%s → %s", (redirectTo, expected) => {
    expect(nextFromRedirectTo(redirectTo)).toBe(expected);
  });
});

describe("linkFailureOf", () => {
  it.each([
    ["pkce_code_verifier_not_found", "other_browser"],
    ["otp_expired", "expired"],
    ["flow_state_not_found", "expired"],
    ["flow_state_expired", "expired"],
    ["bad_code_verifier", "expired"],
    ["access_denied", "expired"],
    ["user_banned", "deactivated"],
    ["validation_failed", "incomplete"],
    [undefined, "expired"],
  ])("%s → %s", (code, expected) => {
    expect(linkFailureOf(code)).toBe(expected);
  });

  it("offers a reset link after a reset link, a sign-in link otherwise", () => {
    expect(askAgainLink("/login/new-password").href).toBe("/login/forgot-password");
    expect(askAgainLink(undefined).href).toBe("/portal/login");
    expect(linkErrorPath("other_browser", "/portal")).toBe("/auth/link-error?reason=other_browser&next=%2Fportal");
  });
});
