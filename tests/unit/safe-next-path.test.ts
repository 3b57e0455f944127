import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/http/safe-next-path";

const FALLBACK = "/admin/partners";

/** What the app receives for `?next=<raw>`: the query value, decoded once as URLSearchParams does. */
const received = (raw: string) => new URLSearchParams(`next=${raw}`).get("next");

describe("safeNextPath refuses every way out of the site", () => {
  const refused: [label: string, value: string][] = [
    ["a tab that browsers drop, leaving //host", received("/%09/evil.test/c")!],
    ["a newline", received("/%0a/evil.test/c")!],
    ["a carriage return", received("/%0d/evil.test/c")!],
    ["a tab then a backslash", received("/%09%5Cevil.test")!],
    ["a protocol-relative URL", "//evil.test"],
    ["a slash and a backslash", "/\\evil.test"],
    ["two backslashes", "\\\\evil.test"],
    ["encoded slashes", "%2F%2Fevil.test"],
    ["a slash then an encoded slash", "/%2F/evil.test"],
    ["a double-encoded slash", "/%252F/evil.test"],
    ["an encoded backslash", "/%5Cevil.test"],
    ["an encoded tab left in the path", "/%09/evil.test"],
    ["an absolute URL", "https://evil.test"],
    ["an absolute URL on this scheme", "http://localhost/admin"],
    ["javascript:", "javascript:alert(1)"],
    ["javascript: behind a slash-less relative reference", "JaVaScRiPt:alert(1)"],
    ["a space", "/admin partners"],
    ["a non-breaking space", "/\u00a0/evil.test"],
    ["a NUL", "/admin\u0000"],
    ["a path without its leading slash", "admin/partners"],
    ["a bare query", "?x=1"],
    ["a malformed escape", "/%E0%A4%A"],
    ["an over-long path", `/${"a".repeat(2999)}`],
    ["nothing", ""],
  ];
  it.each(refused)("%s", (_label, value) => {
    expect(safeNextPath(value, FALLBACK)).toBe(FALLBACK);
  });

  it("refuses a missing value", () => {
    expect(safeNextPath(undefined, FALLBACK)).toBe(FALLBACK);
    expect(safeNextPath(null, FALLBACK)).toBe(FALLBACK);
  });

  it("refuses a path one character over the limit and keeps one at it", () => {
    expect(safeNextPath(`/${"a".repeat(2048)}`, FALLBACK)).toBe(FALLBACK);
    expect(safeNextPath(`/${"a".repeat(2047)}`, FALLBACK)).toBe(`/${"a".repeat(2047)}`);
  });
});

describe("safeNextPath keeps same-site paths", () => {
  it.each([
    ["/ok?x=1#h", "/ok?x=1#h"],
    ["/admin/partners", "/admin/partners"],
    ["/admin/partners?status=active%2Cpaused&q=acme%20inc", "/admin/partners?status=active%2Cpaused&q=acme%20inc"],
    [
      "/portal/accounts/5d41402a-bc4b-2a76-b971-9d911017c592/referrals",
      "/portal/accounts/5d41402a-bc4b-2a76-b971-9d911017c592/referrals",
    ],
  ])("%s", (value, kept) => {
    expect(safeNextPath(value, FALLBACK)).toBe(kept);
  });

  it("returns the parsed path, not the raw input", () => {
    expect(safeNextPath("/admin/../portal", FALLBACK)).toBe("/portal");
    expect(safeNextPath("/admin/partners?q=\u00e9", FALLBACK)).toBe("/admin/partners?q=%C3%A9");
  });

  it("round-trips the path the admin layout sends to /login", () => {
    const path = "/admin/partners/5d41402a-bc4b-2a76-b971-9d911017c592/tasks?status=open";
    expect(safeNextPath(received(encodeURIComponent(path)), FALLBACK)).toBe(path);
  });
});
