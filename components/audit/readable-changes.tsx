import type { ReadableChange } from "@/lib/audit/describe";

/** Before and after side by side, in field labels and words. */
export function ReadableChanges({ changes }: { changes: ReadableChange[] }) {
  if (changes.length === 0) return <p className="text-sm text-slate-500">No fields recorded for this entry.</p>;
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
      <table className="w-full table-fixed text-left text-sm">
        <thead className="bg-slate-50 text-xs text-slate-500">
          <tr>
            <th scope="col" className="w-28 px-3 py-2 font-medium sm:w-44">
              Field
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Before
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              After
            </th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={change.field} className="border-t border-slate-100" data-field={change.field}>
              <th scope="row" className="px-3 py-1.5 align-top font-medium break-words text-slate-700">
                {change.label}
              </th>
              <td className="px-3 py-1.5 align-top break-words whitespace-pre-line text-slate-500">{change.before}</td>
              <td className="px-3 py-1.5 align-top font-medium break-words whitespace-pre-line text-slate-900">
                {change.after}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
