import { describe, expect, it } from "vitest";
import { crossOriginRefusal, isHttpsRequest, isMutatingMethod } from "@/lib/http/request-origin";

const APP = "app.partnerdesk.test";
const headers = (values: Record<string, string>) => new Headers({ host: APP, ...values });

describe("crossOriginRefusal", () => {
  it("passes what the browser marks same-origin, and nothing else it marks", () => {
    expect(crossOriginRefusal(headers({ "sec-fetch-site": "same-origin" }))).toBeNull();
    for (const site of ["same-site", "cross-site", "none"])
      expect(crossOriginRefusal(headers({ "sec-fetch-site": site, origin: `https://${APP}` }))).not.toBeNull();
  });

  it("without fetch metadata, passes the app's own origin only", () => {
    expect(crossOriginRefusal(headers({ origin: `https://${APP}` }))).toBeNull();
    expect(crossOriginRefusal(headers({ origin: "https://evil.test" }))).toBe("a request from https://evil.test");
    expect(crossOriginRefusal(headers({ origin: `https://${APP}.evil.test` }))).not.toBeNull();
    expect(crossOriginRefusal(headers({ origin: `https://evil.${APP}` }))).not.toBeNull();
    expect(crossOriginRefusal(headers({ origin: "null" }))).not.toBeNull();
    expect(crossOriginRefusal(headers({ origin: "not a url" }))).not.toBeNull();
    expect(crossOriginRefusal(headers({}))).toBe("a request without an origin");
  });

  it("honours the proxy's forwarded host and the configured site URL", () => {
    const behindProxy = new Headers({ host: "10.0.0.7:3000", "x-forwarded-host": APP, origin: `https://${APP}` });
    expect(crossOriginRefusal(behindProxy)).toBeNull();
    const site = new URL("https://partners.example.com");
    expect(crossOriginRefusal(headers({ origin: "https://partners.example.com" }), site)).toBeNull();
    expect(crossOriginRefusal(headers({ origin: "http://partners.example.com" }), site)).not.toBeNull();
  });
});

describe("isHttpsRequest", () => {
  it("reads the proxy's X-Forwarded-Proto, the request URL, then the site URL", () => {
    expect(isHttpsRequest(new Headers({ "x-forwarded-proto": "https" }), undefined, undefined)).toBe(true);
    expect(isHttpsRequest(new Headers({ "x-forwarded-proto": "https,http" }), undefined, undefined)).toBe(true);
    expect(isHttpsRequest(new Headers({ "x-forwarded-proto": "http" }), new URL("https://x"), undefined)).toBe(false);
    expect(isHttpsRequest(new Headers(), new URL("https://x"), undefined)).toBe(true);
    expect(isHttpsRequest(new Headers(), new URL("http://x"), undefined)).toBe(false);
    expect(isHttpsRequest(new Headers(), new URL("http://x"), new URL("https://partners.example.com"))).toBe(true);
  });
});

it("only state-changing methods count as mutating", () => {
  expect(["POST", "put", "PATCH", "DELETE"].map(isMutatingMethod)).toEqual([true, true, true, true]);
  expect(["GET", "HEAD", "OPTIONS"].map(isMutatingMethod)).toEqual([false, false, false]);
});
