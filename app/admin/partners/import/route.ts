import { NextResponse } from "next/server";
import { z } from "zod";
import { staffRoute } from "@/lib/actions/safe-route";
import type { Json } from "@/lib/database.types";
import { problem } from "@/lib/http/route-response";
import { EDITORS } from "@/lib/orgs/roles";
import { MAX_IMPORT_BYTES } from "@/lib/partners/csv/columns";
import { importDocs, parseImportCsv, previewImport } from "@/lib/partners/csv/import-rows";
import { partnerWriteErrorMessage } from "@/lib/partners/db-errors";
import { listImportMatches } from "@/lib/partners/queries/list-import-matches";
import { listOwnerOptions } from "@/lib/partners/queries/list-owner-options";

const importSchema = z.object({
  file: z.instanceof(File, { error: "Choose a CSV file to import." }),
  mode: z.enum(["preview", "apply"], { error: "Say whether to preview or apply the import." }),
});

/**
 * CSV import, through a route handler because files outgrow a server action's 1 MB
 * body. POST a multipart form with `file` and `mode`:
 *   preview  → what would happen to every row (new, changed, unchanged, invalid + reasons)
 *   apply    → the valid rows in one transaction (import_partners), with the counts
 * The same file is sent again to apply: nothing is kept on the server in between.
 */
export const POST = staffRoute(
  // The form's own fields and boundaries add a little to the file's size.
  { roles: EDITORS, schema: importSchema, maxBytes: MAX_IMPORT_BYTES + 64 * 1024 },
  async ({ file, mode }, { supabase, orgId }) => {
    if (file.size > MAX_IMPORT_BYTES)
      return problem(413, `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it into smaller files.`);

    const owners = await listOwnerOptions(supabase, orgId);
    const parsed = parseImportCsv(
      await file.text(),
      new Set(owners.flatMap((owner) => (owner.email ? [owner.email.toLowerCase()] : []))),
    );
    if (parsed.fileErrors.length) return problem(422, parsed.fileErrors.join(" "));

    const existing = await listImportMatches(
      supabase,
      orgId,
      parsed.rows.map((row) => row.externalId),
    );
    const preview = previewImport(parsed, existing);
    if (mode === "preview") return NextResponse.json({ preview });

    const docs = importDocs(parsed, existing);
    if (docs.length === 0) return problem(422, "No valid rows to import.");
    const { data, error } = await supabase.rpc("import_partners", {
      p_org_id: orgId,
      p_rows: docs as unknown as Json,
    });
    if (error)
      return problem(
        422,
        `Nothing was imported: ${error.code === "22023" || error.code === "23505" || error.code === "23503" ? error.message : partnerWriteErrorMessage(error)}`,
      );
    const counts = data?.[0] ?? { inserted: 0, updated: 0, unchanged: 0 };
    return NextResponse.json({ result: { ...counts, invalid: preview.counts.invalid } });
  },
);
