/**
 * Where the app finds Supabase. Both key styles work: the newer publishable/secret
 * keys and the legacy anon/service_role JWTs, so a hosted project of either age,
 * `supabase start` and the local stack all plug in through the same four variables.
 */
function required(name: string, value: string | undefined): string {
  if (!value) throw new Error(`${name} is not set; see README, "Pointing the app at Supabase"`);
  return value;
}

export function supabaseUrl(): string {
  return required("NEXT_PUBLIC_SUPABASE_URL", process.env.NEXT_PUBLIC_SUPABASE_URL);
}

/** The browser-safe key. Read with literal names so Next inlines them into client bundles. */
export function supabasePublicKey(): string {
  return required(
    "NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY (or NEXT_PUBLIC_SUPABASE_ANON_KEY)",
    process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY || process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY,
  );
}

/** Server only: bypasses RLS. */
export function supabaseSecretKey(): string {
  return required(
    "SUPABASE_SECRET_KEY (or SUPABASE_SERVICE_ROLE_KEY)",
    process.env.SUPABASE_SECRET_KEY || process.env.SUPABASE_SERVICE_ROLE_KEY,
  );
}
