import { diffRows, showValue } from "@/lib/audit/diff";
import { cn } from "@/lib/utils/cn";

/** Before and after side by side; changed keys highlighted, unchanged ones dimmed. */
export function AuditDiff({ before, after, metadata }: { before: unknown; after: unknown; metadata: unknown }) {
  const rows = diffRows(before, after);
  const meta =
    metadata && typeof metadata === "object" && Object.keys(metadata).length > 0 ? JSON.stringify(metadata) : null;
  return (
    <div className="space-y-2">
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">No row data recorded for this entry.</p>
      ) : (
        <div className="overflow-x-auto rounded-md border border-slate-200">
          <table className="w-full table-fixed text-left text-xs">
            <thead className="bg-slate-50 text-slate-500">
              <tr>
                <th className="w-24 px-3 py-2 font-medium sm:w-40">Field</th>
                <th className="px-3 py-2 font-medium">Before</th>
                <th className="px-3 py-2 font-medium">After</th>
              </tr>
            </thead>
            <tbody className="font-mono">
              {rows.map((row) => (
                <tr
                  key={row.key}
                  className={cn("border-t border-slate-100", row.changed ? "bg-amber-50" : "text-slate-400")}
                  data-changed={row.changed || undefined}
                >
                  <td className="px-3 py-1.5 align-top font-sans font-medium break-words text-slate-700">{row.key}</td>
                  <td
                    className={cn(
                      "px-3 py-1.5 align-top break-words",
                      row.changed && "text-red-700 line-through decoration-red-300",
                    )}
                  >
                    {showValue(row.before)}
                  </td>
                  <td
                    className={cn("px-3 py-1.5 align-top break-words", row.changed && "font-semibold text-emerald-800")}
                  >
                    {showValue(row.after)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {meta && <p className="font-mono text-xs break-words text-slate-500">metadata: {meta}</p>}
    </div>
  );
}
