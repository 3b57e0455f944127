/**
 * The stored entry as it is, for whoever needs the keys and ids: a native disclosure, so it
 * opens with Enter or Space and says whether it is open.
 */
export function RawEntry({ entry }: { entry: unknown }) {
  return (
    <details className="group/raw rounded-md border border-slate-200 bg-white">
      <summary className="cursor-pointer rounded-md px-3 py-2 text-xs font-medium text-slate-600 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600">
        Raw entry (JSON)
      </summary>
      <pre className="max-h-96 overflow-auto border-t border-slate-100 px-3 py-2 font-mono text-xs break-words whitespace-pre-wrap text-slate-700">
        {JSON.stringify(entry, null, 2)}
      </pre>
    </details>
  );
}
