/** The database's refusals, in words a staff member can act on. */
export function describeDbError(
  error: { code?: string; message?: string } | null | undefined,
  fallback: string,
): string {
  if (!error) return fallback;
  if (error.code === "23P01") return `${error.message?.replace(/^./, (c) => c.toUpperCase())}.`;
  if (error.code === "23505") return "This person already has a portal account in another organization.";
  if (error.code === "42501") return "Your role cannot do this.";
  if (error.code === "23514" || error.code === "P0001") return error.message ?? fallback;
  return fallback;
}
