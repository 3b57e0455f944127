import http from "node:http";
import { authServerEnv, type StackConfig } from "../config";
import type { Context } from "./context";
import { createPool } from "./db";
import { API_VERSION, ApiError, errorBody, wantsCurrentErrors } from "./errors";
import { readRequest, type Response } from "./http";
import { Mailer } from "./mail";
import { ensureMfaSchema } from "./mfa-schema";
import { RateLimiter } from "./rate-limit";
import { route } from "./router";
import { loadAuthSettings } from "./settings";

export type AuthServerHandle = {
  enabled: boolean;
  close: () => Promise<void>;
};

function write(response: http.ServerResponse, result: Response): void {
  const headers: Record<string, string> = { "x-supabase-api-version": API_VERSION, ...(result.headers ?? {}) };
  if (result.body === undefined) {
    response.writeHead(result.status, headers);
    response.end();
    return;
  }
  response.writeHead(result.status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify(result.body));
}

/**
 * The local stand-in for Supabase Auth (GoTrue), on 127.0.0.1:authPort behind the gateway's
 * /auth/v1. It stores everything in the `auth` tables as GoTrue does (see AUTH-CONTRACT.md).
 */
export async function startAuthServer(
  config: StackConfig,
  options: { env?: Record<string, string> } = {},
): Promise<AuthServerHandle> {
  const settings = loadAuthSettings(config, { ...authServerEnv(config), ...options.env });
  const pool = createPool(config);
  await pool.query("select 1");
  await ensureMfaSchema(pool);
  const ctx: Context = {
    pool,
    settings,
    mailer: new Mailer(settings),
    limiter: new RateLimiter(settings.rateLimits.windowMs),
  };

  const server = http.createServer((incoming, response) => {
    let current = true;
    void (async () => {
      try {
        const request = await readRequest(incoming);
        current = wantsCurrentErrors(request.apiVersion);
        write(response, await route(ctx, request));
      } catch (error) {
        const apiError =
          error instanceof ApiError
            ? error
            : new ApiError(
                500,
                "unexpected_failure",
                "Unexpected failure, please check server logs for more information",
              );
        if (!(error instanceof ApiError)) console.error(`[auth] ${incoming.method} ${incoming.url}:`, error);
        if (!response.headersSent) write(response, { status: apiError.status, body: errorBody(apiError, current) });
        else response.destroy();
      }
    })();
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          error.code === "EADDRINUSE"
            ? `port ${config.authPort} (auth server) is already taken by another process`
            : `auth server: ${error.message}`,
        ),
      ),
    );
    server.listen(config.authPort, "127.0.0.1", () => resolve());
  });

  return {
    enabled: true,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      ctx.mailer.close();
      await pool.end();
    },
  };
}
