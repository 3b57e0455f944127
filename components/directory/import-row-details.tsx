import type { ImportPreviewRow } from "@/lib/partners/csv/import-rows";

/** What one previewed row does: its errors, or each field it changes (before → after), clears included. */
export function ImportRowDetails({ row }: { row: ImportPreviewRow }) {
  if (row.kind === "invalid") return <span className="text-red-700">{row.errors.join("; ")}</span>;
  if (row.changes.length === 0) return <span>{row.kind === "new" ? "Creates a partner" : "Already up to date"}</span>;
  return (
    <ul className="space-y-0.5" aria-label="Changes">
      {row.changes.map((change) => (
        <li key={change.field} data-field={change.field} className="break-words">
          <span className="font-mono text-slate-500">{change.field}</span>:{" "}
          <span className="text-slate-500 line-through decoration-slate-300">{change.from || "—"}</span> →{" "}
          {change.cleared ? (
            <span className="font-medium text-amber-800">cleared</span>
          ) : (
            <span className="font-medium text-slate-900">{change.to}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
