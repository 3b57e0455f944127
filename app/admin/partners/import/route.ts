import { NextResponse, type NextRequest } from "next/server";
import { liveUserId, SESSION_ENDED } from "@/lib/auth/live-user";
import { getStaffContext } from "@/lib/auth/staff-context";
import { EDITORS } from "@/lib/orgs/roles";
import { MAX_IMPORT_BYTES } from "@/lib/partners/csv/columns";
import { importDocs, parseImportCsv, previewImport } from "@/lib/partners/csv/import-rows";
import { partnerWriteErrorMessage } from "@/lib/partners/db-errors";
import { listImportMatches } from "@/lib/partners/queries/list-import-matches";
import { listOwnerOptions } from "@/lib/partners/queries/list-owner-options";
import type { Json } from "@/lib/database.types";
import { createClient } from "@/lib/supabase/server";

/**
 * CSV import, through a route handler because files outgrow a server action's 1 MB
 * body. POST a multipart form with `file` and `mode`:
 *   preview  → what would happen to every row (new, changed, unchanged, invalid + reasons)
 *   apply    → the valid rows in one transaction (import_partners), with the counts
 * The same file is sent again to apply: nothing is kept on the server in between.
 * It may write, so it asks the auth server first whether the session still stands.
 */
export async function POST(request: NextRequest) {
  const supabase = await createClient();
  const userId = await liveUserId(supabase);
  if (!userId) return problem(401, SESSION_ENDED);
  const staff = await getStaffContext();
  if (!staff || staff.userId !== userId) return problem(401, "Sign in with a staff account to import partners.");
  if (!EDITORS.includes(staff.role))
    return problem(403, "Viewers can look but not change anything. Ask an admin for editor access.");

  const form = await request.formData().catch(() => null);
  const file = form?.get("file");
  const mode = form?.get("mode");
  if (!(file instanceof File)) return problem(400, "Choose a CSV file to import.");
  if (mode !== "preview" && mode !== "apply") return problem(400, "Say whether to preview or apply the import.");
  if (file.size > MAX_IMPORT_BYTES)
    return problem(413, `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it into smaller files.`);

  const owners = await listOwnerOptions(supabase, staff.org.id);
  const parsed = parseImportCsv(
    await file.text(),
    new Set(owners.flatMap((owner) => (owner.email ? [owner.email.toLowerCase()] : []))),
  );
  if (parsed.fileErrors.length) return problem(422, parsed.fileErrors.join(" "));

  const existing = await listImportMatches(
    supabase,
    staff.org.id,
    parsed.rows.map((row) => row.externalId),
  );
  const preview = previewImport(parsed, existing);
  if (mode === "preview") return NextResponse.json({ preview });

  const docs = importDocs(parsed, existing);
  if (docs.length === 0) return problem(422, "No valid rows to import.");
  const { data, error } = await supabase.rpc("import_partners", {
    p_org_id: staff.org.id,
    p_rows: docs as unknown as Json,
  });
  if (error)
    return problem(
      422,
      `Nothing was imported: ${error.code === "22023" || error.code === "23505" || error.code === "23503" ? error.message : partnerWriteErrorMessage(error)}`,
    );
  const counts = data?.[0] ?? { inserted: 0, updated: 0, unchanged: 0 };
  return NextResponse.json({ result: { ...counts, invalid: preview.counts.invalid } });
}

function problem(status: number, error: string) {
  return NextResponse.json({ error }, { status });
}
