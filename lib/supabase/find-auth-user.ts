/**
 * Finds an auth user's id by email through the Auth admin API, without emailing them and
 * without touching their one-time tokens (admin.generateLink would issue a new one,
 * superseding a code they are about to type, stamp a send time that makes their next
 * email wait, and, on current GoTrue, create the user when none exists).
 *
 * GET /admin/users?filter= is the search Supabase's dashboard uses: it matches the filter
 * anywhere in the email (or the full name), so the exact address is picked from the
 * results, page by page. Through the Auth API rather than a SQL function on auth.users:
 * it needs only the secret key the app already holds, keeps working whatever privileges
 * the `auth` schema grants (Supabase manages that schema, not this project's migrations),
 * and adds no function to the Data API that turns emails into user ids.
 *
 * No "server-only" here: scripts/org-create.ts shares it. The secret key never reaches a
 * browser because only server code and scripts import this.
 */
export type AuthApiTarget = { url: string; secretKey: string };

type ListedUser = { id: string; email?: string | null };

const PER_PAGE = 200;

export async function findAuthUserIdByEmail(email: string, target: AuthApiTarget): Promise<string | null> {
  const wanted = email.trim().toLowerCase();
  for (let page = 1; ; page++) {
    // page and per_page also keep GoTrue on offset pagination (without them it may use cursors).
    const query = new URLSearchParams({ page: String(page), per_page: String(PER_PAGE), filter: wanted });
    const response = await fetch(`${target.url.replace(/\/+$/, "")}/auth/v1/admin/users?${query}`, {
      headers: {
        apikey: target.secretKey,
        authorization: `Bearer ${target.secretKey}`,
        "x-supabase-api-version": "2024-01-01",
      },
    });
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { code?: string; msg?: string; message?: string };
      throw new Error(
        `the Auth admin API refused the user lookup (${response.status} ${body.code ?? ""} ${body.message ?? body.msg ?? ""})`.trim(),
      );
    }
    const { users } = (await response.json()) as { users?: ListedUser[] };
    const match = (users ?? []).find((user) => user.email?.toLowerCase() === wanted);
    if (match) return match.id;
    if (!users || users.length < PER_PAGE) return null;
  }
}
