import http from "node:http";
import type { StackConfig } from "./config";

/**
 * The API gateway, in the role Kong plays in `supabase start`: one origin for
 * /rest/v1 and /auth/v1, an `apikey` check, CORS, and translation of the opaque
 * `sb_publishable_…`/`sb_secret_…` keys into the JWT roles behind them.
 */

// Auth routes reached with no apikey, as in Supabase's kong.yml: email links a browser
// follows, and the public keys any verifier may fetch.
const OPEN_AUTH_ROUTES = ["/verify", "/callback", "/authorize", "/.well-known/jwks.json"];

const EXPOSED_HEADERS =
  "Content-Range, Content-Location, Content-Profile, X-Supabase-Api-Version, X-Total-Count, Link, Preference-Applied";

function corsHeaders(request: http.IncomingMessage): Record<string, string> {
  return {
    "access-control-allow-origin": request.headers.origin ?? "*",
    "access-control-allow-credentials": "true",
    "access-control-allow-methods": "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS",
    "access-control-allow-headers":
      request.headers["access-control-request-headers"] ??
      "authorization, x-client-info, apikey, content-type, x-supabase-api-version, prefer, range, accept-profile, content-profile",
    "access-control-expose-headers": EXPOSED_HEADERS,
    "access-control-max-age": "3600",
    vary: "Origin",
  };
}

function sendJson(
  response: http.ServerResponse,
  request: http.IncomingMessage,
  status: number,
  body: unknown,
  extra: Record<string, string> = {},
): void {
  response.writeHead(status, { "content-type": "application/json", ...corsHeaders(request), ...extra });
  response.end(JSON.stringify(body));
}

type KeyCheck = { ok: true; authorization: string | undefined } | { ok: false; message: string; hint: string };

function checkApiKey(config: StackConfig, request: http.IncomingMessage, url: URL): KeyCheck {
  const header = request.headers.apikey;
  const apikey = (Array.isArray(header) ? header[0] : header) ?? url.searchParams.get("apikey") ?? undefined;
  if (!apikey) {
    return {
      ok: false,
      message: "No API key found in request",
      hint: "No `apikey` request header or url param was found.",
    };
  }
  const roleJwt: Record<string, string> = {
    [config.anonKey]: config.anonKey,
    [config.serviceRoleKey]: config.serviceRoleKey,
    [config.publishableKey]: config.anonKey,
    [config.secretKey]: config.serviceRoleKey,
  };
  const jwt = roleJwt[apikey];
  if (!jwt) {
    return {
      ok: false,
      message: "Invalid API key",
      hint: "Double check your Supabase `anon` or `service_role` API key.",
    };
  }
  const authorization = request.headers.authorization;
  // An opaque key in Authorization (or none at all) means "act as the key's role".
  if (!authorization || authorization === `Bearer ${apikey}`) return { ok: true, authorization: `Bearer ${jwt}` };
  return { ok: true, authorization };
}

/** `::ffff:127.0.0.1` (an IPv4 client on a dual-stack socket) as `127.0.0.1`. */
function normalisedAddress(address: string): string {
  return address.startsWith("::ffff:") ? address.slice("::ffff:".length) : address;
}

function upstreamTimeoutMs(): number {
  const ms = Number(process.env.LOCAL_GATEWAY_UPSTREAM_TIMEOUT_MS);
  return Number.isFinite(ms) && ms > 0 ? ms : 60_000;
}

function proxy(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  target: { port: number; path: string; authorization: string | undefined },
): void {
  const headers: http.OutgoingHttpHeaders = { ...request.headers };
  delete headers.host;
  if (target.authorization) headers.authorization = target.authorization;
  // The edge is the only trusted source of the caller's address: a client-sent value is
  // replaced, never passed on, so per-address limits behind the gateway cannot be dodged by
  // sending a new X-Forwarded-For each time.
  headers["x-forwarded-for"] = normalisedAddress(request.socket.remoteAddress ?? "");
  headers["x-forwarded-proto"] = "http";
  headers["x-forwarded-host"] = request.headers.host ?? "";

  const upstream = http.request(
    { host: "127.0.0.1", port: target.port, method: request.method, path: target.path, headers },
    (upstreamResponse) => {
      const responseHeaders = { ...upstreamResponse.headers, ...corsHeaders(request) };
      response.writeHead(upstreamResponse.statusCode ?? 502, responseHeaders);
      upstreamResponse.pipe(response);
    },
  );
  // Kong gives up on a silent upstream (60 s by default); so does this, so a part that hangs
  // reads as unreachable instead of holding every request open.
  upstream.setTimeout(upstreamTimeoutMs(), () => upstream.destroy(new Error("upstream timed out")));
  upstream.on("error", () => {
    if (!response.headersSent) {
      sendJson(response, request, 502, { message: "An invalid response was received from the upstream server" });
    } else {
      response.destroy();
    }
  });
  request.pipe(upstream);
}

export type GatewayOptions = {
  /** False until the auth server is part of the stack: /auth/v1 then answers a JSON 501. */
  authEnabled: boolean;
};

export function startGateway(config: StackConfig, options: GatewayOptions): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://gateway");
    if (request.method === "OPTIONS") {
      response.writeHead(200, corsHeaders(request));
      response.end();
      return;
    }
    const [, service, version, ...rest] = url.pathname.split("/");
    const upstreamPath = `/${rest.join("/")}${url.search}`;
    if (service === "rest" && version === "v1") {
      const key = checkApiKey(config, request, url);
      if (!key.ok) return sendJson(response, request, 401, { message: key.message, hint: key.hint });
      return proxy(request, response, { port: config.restPort, path: upstreamPath, authorization: key.authorization });
    }
    if (service === "auth" && version === "v1") {
      const open = OPEN_AUTH_ROUTES.includes(`/${rest.join("/")}`);
      // An open route needs no key, but one that comes with a key acts as its role, so a
      // server's Sb-Forwarded-For on /verify is honoured as on every other route.
      const checked = checkApiKey(config, request, url);
      const key = open && !checked.ok ? ({ ok: true, authorization: request.headers.authorization } as const) : checked;
      if (!key.ok) return sendJson(response, request, 401, { message: key.message, hint: key.hint });
      if (!options.authEnabled) {
        return sendJson(
          response,
          request,
          501,
          { code: "not_implemented", message: "The local auth server is not part of this stack yet" },
          { "x-supabase-api-version": "2024-01-01" },
        );
      }
      return proxy(request, response, { port: config.authPort, path: upstreamPath, authorization: key.authorization });
    }
    sendJson(response, request, 404, { message: "no Route matched with those values" });
  });
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          error.code === "EADDRINUSE"
            ? `port ${config.apiPort} (API gateway) is already taken by another process`
            : `API gateway: ${error.message}`,
        ),
      ),
    );
    server.listen(config.apiPort, "127.0.0.1", () => resolve(server));
  });
}
