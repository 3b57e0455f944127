import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, type APIResponse, type Browser, type Page, type Response } from "@playwright/test";

type AnyResponse = APIResponse | Response;

/** The headers every response of the app carries, with or without a nonced CSP. */
export async function expectSecurityHeaders(
  response: AnyResponse,
  options: { csp?: "nonce" | "static" | "none" } = {},
) {
  const headers = await allHeaders(response);
  expect(headers["x-frame-options"], "X-Frame-Options").toBe("DENY");
  expect(headers["x-content-type-options"], "X-Content-Type-Options").toBe("nosniff");
  expect(headers["referrer-policy"], "Referrer-Policy").toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], "Permissions-Policy").toContain("camera=()");
  expect(headers["permissions-policy"]).toContain("microphone=()");
  expect(headers["permissions-policy"]).toContain("geolocation=()");
  const csp = headers["content-security-policy"];
  if ((options.csp ?? "nonce") === "nonce") {
    expect(csp, "Content-Security-Policy").toBeTruthy();
    const directives = parseCsp(csp!);
    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(directives.get("script-src")).toEqual([
      "'self'",
      expect.stringMatching(/^'nonce-[A-Za-z0-9+/=]{16,}'$/),
      "'strict-dynamic'",
    ]);
    expect(directives.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directives.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
    expect(directives.get("font-src")).toEqual(["'self'"]);
    expect(directives.get("connect-src")).toEqual(["'self'", new URL(process.env.NEXT_PUBLIC_SUPABASE_URL!).origin]);
    expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
    expect(directives.get("base-uri")).toEqual(["'self'"]);
    expect(directives.get("form-action")).toEqual(["'self'"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
  } else if (options.csp === "static") {
    expect(parseCsp(csp!).get("frame-ancestors")).toEqual(["'none'"]);
  }
  return headers;
}

async function allHeaders(response: AnyResponse): Promise<Record<string, string>> {
  return "allHeaders" in response ? response.allHeaders() : response.headers();
}

export function parseCsp(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

export function nonceOf(csp: string | undefined): string | undefined {
  return /'nonce-([^']+)'/.exec(csp ?? "")?.[1];
}

/** The CSV the attacks try to import: one new partner with an external id no other test uses. */
export function oneRowCsv(externalId: string): string {
  return ["external_id,name,status,tier", `${externalId},CSRF ${externalId},active,gold`].join("\n");
}

/**
 * A real web server for the attacker's pages, on a free port of this machine. Real, not a
 * routed fake: Chromium refuses requests from a page it cannot place on the network to a
 * loopback address, and an attacker's page on a sibling port is a real place.
 * `http://localhost:<port>` is the same site as the app (ports do not make sites);
 * `http://127.0.0.1:<port>` is another site.
 */
export async function startAttackerServer(): Promise<{
  sameSite: string;
  crossSite: string;
  serve: (path: string, html: string) => void;
  close: () => Promise<void>;
}> {
  const pages = new Map<string, string>();
  const server = http.createServer((request, response) => {
    const html = pages.get(new URL(request.url ?? "/", "http://x").pathname);
    response.writeHead(html ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
    response.end(html ?? "not found");
  });
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    sameSite: `http://localhost:${port}`,
    crossSite: `http://127.0.0.1:${port}`,
    serve: (path, html) => void pages.set(path, html),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A browser context as one client of the app: the test build trusts x-test-client-ip as its proxy's header. */
export async function clientAt(browser: Browser, address: string, baseURL?: string): Promise<Page> {
  // Without a baseURL of its own, the context keeps the project's (an explicit undefined would not).
  const context = await browser.newContext({
    ...(baseURL ? { baseURL } : {}),
    extraHTTPHeaders: { "x-test-client-ip": address },
  });
  return context.newPage();
}

export async function trySignIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}
