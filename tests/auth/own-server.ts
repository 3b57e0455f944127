import type http from "node:http";
import { apiUrl } from "../../local-supabase/config";
import { startAuthServer } from "../../local-supabase/auth/server";
import { startGateway } from "../../local-supabase/gateway";
import { testStackConfig } from "../support/test-stack";

/**
 * An auth server of a test file's own, on the shared test database and mailbox, with
 * settings the shared one does not have (sign-ups on, GoTrue's default emails, HS256),
 * behind a gateway of its own so clients, email links and redirects all go through it.
 * `slot` picks two free ports above the shared stack's (1, 2, 3, ...; the rate-limit
 * tests use base + 20).
 */
export async function startOwnAuth(slot: number, env: Record<string, string>) {
  const shared = testStackConfig();
  const base = shared.apiPort + 20 + slot * 2;
  const config = { ...shared, authPort: base, apiPort: base + 1 };
  const server = await startAuthServer(config, { env });
  let gateway: http.Server;
  try {
    gateway = await startGateway(config, { authEnabled: true });
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    apiUrl: apiUrl(config),
    siteUrl: config.siteUrl,
    close: async () => {
      await new Promise<void>((resolve) => {
        gateway.closeAllConnections();
        gateway.close(() => resolve());
      });
      await server.close();
    },
  };
}
