import { describe, expect, it } from "vitest";
import { isPhoneRequest } from "@/lib/http/phone-request";

const IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1";
const ANDROID_PHONE =
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36";
const ANDROID_TABLET =
  "Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
const DESKTOP =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0 Safari/537.36";

const request = (entries: Record<string, string>) => new Headers(entries);

describe("isPhoneRequest", () => {
  it("takes the client hint when the browser sends one", () => {
    expect(isPhoneRequest(request({ "sec-ch-ua-mobile": "?1", "user-agent": DESKTOP }))).toBe(true);
    expect(isPhoneRequest(request({ "sec-ch-ua-mobile": "?0", "user-agent": ANDROID_PHONE }))).toBe(false);
  });

  it("reads phones from the user agent otherwise", () => {
    expect(isPhoneRequest(request({ "user-agent": IPHONE }))).toBe(true);
    expect(isPhoneRequest(request({ "user-agent": ANDROID_PHONE }))).toBe(true);
  });

  it("takes tablets, desktops and unknown clients for wide screens", () => {
    expect(isPhoneRequest(request({ "user-agent": ANDROID_TABLET }))).toBe(false);
    expect(isPhoneRequest(request({ "user-agent": DESKTOP }))).toBe(false);
    expect(isPhoneRequest(request({}))).toBe(false);
  });
});
