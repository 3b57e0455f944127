import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { isPublicAddress } from "./address-policy";

export type PostResult = { statusCode: number; durationMs: number; error: string | null };

export const TIMEOUT_MS = 10_000;

export class RefusedAddressError extends Error {}

/**
 * A lookup that checks the address the name resolves to now, at connect time, so a name
 * that pointed somewhere public at registration and privately later (DNS rebinding) is
 * still refused.
 */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const list = addresses as dns.LookupAddress[];
      const refused = list.find((entry) => !allowPrivate && !isPublicAddress(entry.address));
      if (refused || list.length === 0)
        return callback(
          new RefusedAddressError(`refused: ${hostname} resolves to a private, loopback or link-local address`),
          "",
          0,
        );
      if (options.all) return callback(null, list);
      return callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

/**
 * POSTs one webhook: no redirects followed (a 3xx is a failed attempt), a 10 s limit, the
 * response body read only to free the socket.
 */
export function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: { allowPrivate: boolean },
): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      resolve({ statusCode: 0, durationMs: 0, error: "the URL is not valid" });
      return;
    }
    if (target.protocol !== "https:" && target.protocol !== "http:") {
      resolve({ statusCode: 0, durationMs: 0, error: "only http and https URLs are delivered to" });
      return;
    }
    const literal = target.hostname.replace(/^\[|\]$/g, "");
    if (!options.allowPrivate && /^[\d.]+$|:/.test(literal) && !isPublicAddress(literal)) {
      resolve({
        statusCode: 0,
        durationMs: 0,
        error: `refused: ${literal} is a private, loopback or link-local address`,
      });
      return;
    }
    const client = target.protocol === "https:" ? https : http;
    const request = client.request(
      target,
      {
        method: "POST",
        headers: { "content-type": "application/json", "user-agent": "Partnerdesk-Webhooks/1", ...headers },
        lookup: guardedLookup(options.allowPrivate),
        timeout: TIMEOUT_MS,
        agent: false,
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve({ statusCode: response.statusCode ?? 0, durationMs: elapsed(), error: null }));
        response.on("error", () =>
          resolve({ statusCode: response.statusCode ?? 0, durationMs: elapsed(), error: null }),
        );
      },
    );
    request.on("timeout", () => request.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    request.on("error", (error) =>
      resolve({
        statusCode: 0,
        durationMs: elapsed(),
        error:
          error instanceof RefusedAddressError ? error.message : (error.message || "connection failed").slice(0, 200),
      }),
    );
    request.end(body);
  });
}
