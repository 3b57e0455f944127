import type http from "node:http";
import net from "node:net";
import { badRequest } from "./errors";

export type Request = {
  method: string;
  /** Path as the gateway forwards it, without /auth/v1. */
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
  /**
   * The client's address: the left-most X-Forwarded-For entry, which the gateway overwrites
   * with the socket address; a service-role caller's Sb-Forwarded-For replaces it (router.ts).
   */
  ip: string;
  userAgent: string;
  apiVersion: string | undefined;
};

export type Response = {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
};

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Response => ({
  status,
  body,
  headers,
});
export const redirect = (location: string): Response => ({ status: 303, headers: { location } });
export const noContent = (): Response => ({ status: 204 });

function header(headers: http.IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function clientIp(request: http.IncomingMessage): string {
  const forwarded = header(request.headers, "x-forwarded-for");
  const first = forwarded?.split(",")[0]?.trim();
  return first || request.socket.remoteAddress || "";
}

/** The address, if Postgres' inet type will take it. */
export function inetOrNull(ip: string): string | null {
  return net.isIP(ip) ? ip : null;
}

async function readBody(request: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8").trim();
  if (text === "") return {};
  const type = header(request.headers, "content-type") ?? "";
  if (type.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(text));
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    throw badRequest("bad_json", "Could not parse request body as JSON");
  }
}

export async function readRequest(request: http.IncomingMessage): Promise<Request> {
  const url = new URL(request.url ?? "/", "http://auth");
  const method = request.method ?? "GET";
  return {
    method,
    path: url.pathname.replace(/\/+$/, "") || "/",
    query: url.searchParams,
    headers: request.headers,
    body: method === "GET" || method === "HEAD" ? {} : await readBody(request),
    ip: clientIp(request),
    userAgent: header(request.headers, "user-agent") ?? "",
    apiVersion: header(request.headers, "x-supabase-api-version"),
  };
}

export function str(value: unknown): string {
  return typeof value === "string" ? value : "";
}

export function record(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
