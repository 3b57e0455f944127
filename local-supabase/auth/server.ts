import type { StackConfig } from "../config";

export type AuthServerHandle = {
  /** False while this is a placeholder: the gateway then answers /auth/v1 with a JSON 501. */
  enabled: boolean;
  close: () => Promise<void>;
};

/** The local stand-in for Supabase Auth (GoTrue). Placeholder until the auth issue lands. */
export async function startAuthServer(_config: StackConfig): Promise<AuthServerHandle> {
  return { enabled: false, close: async () => {} };
}
