/** What tests need to reach the stack; set by tests/support/test-stack.ts. */
function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run tests through \`npm test\` or vitest's global setup`);
  return value;
}

export const testEnv = {
  get apiUrl() {
    return required("NEXT_PUBLIC_SUPABASE_URL");
  },
  get anonKey() {
    return required("NEXT_PUBLIC_SUPABASE_ANON_KEY");
  },
  get publishableKey() {
    return required("NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY");
  },
  get serviceRoleKey() {
    return required("SUPABASE_SERVICE_ROLE_KEY");
  },
  get secretKey() {
    return required("SUPABASE_SECRET_KEY");
  },
  /** As `postgres`, the project's own role (not a superuser, as on hosted Supabase). */
  get dbUrl() {
    return required("SUPABASE_DB_URL");
  },
  /** As supabase_admin, the cluster's superuser: for arranging rows and checking them behind RLS's back. */
  get adminDbUrl() {
    return required("SUPABASE_ADMIN_DB_URL");
  },
  get jwtSecret() {
    return required("SUPABASE_JWT_SECRET");
  },
  get mailboxUrl() {
    return required("MAILBOX_URL");
  },
};
