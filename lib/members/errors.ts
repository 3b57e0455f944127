/** The database's refusals (the last-admin trigger, staff-or-partner exclusivity) in the UI's words. */
export function memberError(
  error: { code?: string; message?: string; hint?: string } | null,
  fallback: string,
): string {
  if (!error) return fallback;
  if (error.code === "23514") return `${capitalize(error.message ?? fallback)}.${error.hint ? ` ${error.hint}` : ""}`;
  if (error.code === "23P01") return `${capitalize(error.message ?? fallback)}.`;
  if (error.code === "23505") return "This person is already a member of this organization.";
  return fallback;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
