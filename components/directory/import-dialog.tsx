"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { Upload, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useOrgFormat } from "@/components/format/org-format-provider";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CLEAR_MARKER } from "@/lib/csv/cell";
import { IMPORT_COLUMNS } from "@/lib/partners/csv/columns";
import type { ImportPreview, ImportPreviewRow, ImportRowKind } from "@/lib/partners/csv/import-rows";
import { ImportRowDetails } from "./import-row-details";

type ImportResult = { inserted: number; updated: number; unchanged: number; invalid: number };
type Step = { name: "choose" } | { name: "preview"; preview: ImportPreview } | { name: "done"; result: ImportResult };

const KIND_LABELS: Record<ImportRowKind, string> = {
  new: "New",
  changed: "Changed",
  unchanged: "Unchanged",
  invalid: "Invalid",
};
const KIND_TONES: Record<ImportRowKind, BadgeTone> = {
  new: "green",
  changed: "blue",
  unchanged: "slate",
  invalid: "red",
};
const KIND_ORDER: ImportRowKind[] = ["invalid", "new", "changed", "unchanged"];

/** Problems first, then in file order; at most 500 shown. */
function sortedRows(preview: ImportPreview): ImportPreviewRow[] {
  return [...preview.rows]
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.line - b.line)
    .slice(0, 500);
}

/** CSV import: choose a file, see what each row would do, then apply the valid rows in one go. */
export function ImportDialog() {
  const format = useOrgFormat();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<Step>({ name: "choose" });
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function send(mode: "preview" | "apply") {
    if (!file) return;
    setPending(true);
    setError(null);
    try {
      const body = new FormData();
      body.set("file", file);
      body.set("mode", mode);
      const response = await fetch("/admin/partners/import", { method: "POST", body });
      const json = (await response.json().catch(() => ({ error: "The server's answer could not be read." }))) as {
        error?: string;
        preview?: ImportPreview;
        result?: ImportResult;
      };
      if (!response.ok || json.error) setError(json.error ?? "The import failed. Nothing was changed.");
      else if (json.preview) setStep({ name: "preview", preview: json.preview });
      else if (json.result) {
        setStep({ name: "done", result: json.result });
        router.refresh();
      }
    } catch {
      setError("The server could not be reached. Nothing was changed.");
    } finally {
      setPending(false);
    }
  }

  function reset(nextOpen: boolean) {
    setOpen(nextOpen);
    if (!nextOpen) {
      setFile(null);
      setStep({ name: "choose" });
      setError(null);
    }
  }

  const preview = step.name === "preview" ? step.preview : null;
  const applicable = preview ? preview.counts.new + preview.counts.changed : 0;

  return (
    <Dialog.Root open={open} onOpenChange={reset}>
      <Dialog.Trigger asChild>
        <Button variant="secondary" size="sm">
          <Upload className="size-4" aria-hidden /> Import CSV
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content className="fixed inset-x-0 bottom-0 z-50 flex max-h-[92dvh] flex-col rounded-t-xl bg-white shadow-xl sm:top-1/2 sm:left-1/2 sm:bottom-auto sm:w-[min(56rem,calc(100vw-3rem))] sm:-translate-x-1/2 sm:-translate-y-1/2 sm:rounded-xl">
          <div className="flex items-start justify-between border-b border-slate-100 px-6 py-4">
            <div>
              <Dialog.Title className="text-base font-semibold text-slate-900">Import partners from CSV</Dialog.Title>
              <Dialog.Description className="mt-0.5 text-sm text-slate-500">
                Rows are matched on <code className="rounded bg-slate-100 px-1">external_id</code>: new ids create
                partners, known ones update them.
              </Dialog.Description>
            </div>
            <Dialog.Close className="rounded-md p-1.5 text-slate-500 hover:bg-slate-100" aria-label="Close">
              <X className="size-5" aria-hidden />
            </Dialog.Close>
          </div>

          <div className="min-h-0 flex-1 overflow-y-auto px-6 py-5">
            {error && (
              <div className="mb-4">
                <Alert tone="error" title="Nothing was imported">
                  {error}
                </Alert>
              </div>
            )}

            {step.name === "choose" && (
              <div className="space-y-4">
                <label className="flex cursor-pointer flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed border-slate-300 px-6 py-10 text-center hover:border-brand-500 hover:bg-slate-50">
                  <Upload className="size-6 text-slate-400" aria-hidden />
                  <span className="text-sm font-medium text-slate-800">{file ? file.name : "Choose a CSV file"}</span>
                  <span className="text-xs text-slate-500">
                    {file
                      ? `${format.number(Math.round(file.size / 102.4) / 10)} KB`
                      : `Up to ${format.number(10_000)} rows, ${format.number(5)} MB`}
                  </span>
                  <input
                    type="file"
                    accept=".csv,text/csv"
                    aria-label="CSV file"
                    className="sr-only"
                    onChange={(event) => setFile(event.target.files?.[0] ?? null)}
                  />
                </label>
                <p className="text-xs leading-relaxed text-slate-500">
                  Columns (any order, only <code>external_id</code> is required): {IMPORT_COLUMNS.join(", ")}. Tags are
                  separated by semicolons; owners are staff emails. An exported file imports back unchanged.
                </p>
                <p className="text-xs leading-relaxed text-slate-500">
                  A blank cell keeps what the partner has. To empty a field, write{" "}
                  <code className="rounded bg-slate-100 px-1">{CLEAR_MARKER}</code> in its cell (name, status and tier
                  cannot be emptied). Numbers use a dot for decimals (<code>12.5</code>), dates are{" "}
                  <code>YYYY-MM-DD</code>.
                </p>
              </div>
            )}

            {preview && (
              <div className="space-y-4">
                <ul className="flex flex-wrap gap-2" aria-label="Import summary">
                  {KIND_ORDER.map((kind) => (
                    <li key={kind}>
                      <Badge tone={KIND_TONES[kind]}>
                        {preview.counts[kind]} {KIND_LABELS[kind].toLowerCase()}
                      </Badge>
                    </li>
                  ))}
                </ul>
                <ol
                  className="divide-y divide-slate-100 rounded-md border border-slate-200 sm:hidden"
                  aria-label="Rows"
                >
                  {sortedRows(preview).map((row) => (
                    <li
                      key={row.line}
                      data-kind={row.kind}
                      className={row.kind === "invalid" ? "bg-red-50/50 px-3 py-2.5" : "px-3 py-2.5"}
                    >
                      <div className="flex items-center justify-between gap-2">
                        <span className="min-w-0 truncate text-sm font-medium">
                          {row.name || row.externalId || "—"}
                        </span>
                        <Badge tone={KIND_TONES[row.kind]}>{KIND_LABELS[row.kind]}</Badge>
                      </div>
                      <p className="mt-0.5 text-xs text-slate-500">
                        Line {row.line} · <span className="font-mono">{row.externalId || "no external_id"}</span>
                      </p>
                      <div className="mt-1 text-xs text-slate-600">
                        <ImportRowDetails row={row} />
                      </div>
                    </li>
                  ))}
                </ol>
                <div className="hidden overflow-x-auto rounded-md border border-slate-200 sm:block">
                  <table className="w-full text-left text-sm">
                    <thead className="bg-slate-50 text-xs font-semibold tracking-wide text-slate-500 uppercase">
                      <tr>
                        <th className="px-3 py-2">Line</th>
                        <th className="px-3 py-2">External id</th>
                        <th className="px-3 py-2">Name</th>
                        <th className="px-3 py-2">Result</th>
                        <th className="px-3 py-2">Details</th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-slate-100">
                      {sortedRows(preview).map((row) => (
                        <tr
                          key={row.line}
                          data-kind={row.kind}
                          className={row.kind === "invalid" ? "bg-red-50/50" : undefined}
                        >
                          <td className="px-3 py-2 text-slate-500 tabular-nums">{row.line}</td>
                          <td className="px-3 py-2 font-mono text-xs">{row.externalId || "—"}</td>
                          <td className="max-w-48 truncate px-3 py-2">{row.name || "—"}</td>
                          <td className="px-3 py-2">
                            <Badge tone={KIND_TONES[row.kind]}>{KIND_LABELS[row.kind]}</Badge>
                          </td>
                          <td className="px-3 py-2 text-xs text-slate-600">
                            <ImportRowDetails row={row} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                {preview.rows.length > 500 && (
                  <p className="text-xs text-slate-500">Showing the first 500 rows, problems first.</p>
                )}
                {preview.counts.invalid > 0 && (
                  <Alert tone="warning">
                    {preview.counts.invalid} invalid {preview.counts.invalid === 1 ? "row is" : "rows are"} skipped. Fix{" "}
                    {preview.counts.invalid === 1 ? "it" : "them"} and import the file again later: rows already
                    imported will be unchanged.
                  </Alert>
                )}
              </div>
            )}

            {step.name === "done" && (
              <Alert tone="success" title="Import complete">
                {step.result.inserted} created, {step.result.updated} updated, {step.result.unchanged} unchanged
                {step.result.invalid > 0 ? `, ${step.result.invalid} invalid skipped` : ""}.
              </Alert>
            )}
          </div>

          <div className="flex justify-end gap-2 border-t border-slate-100 px-6 py-4">
            {step.name === "choose" && (
              <Button disabled={!file} pending={pending} onClick={() => send("preview")}>
                Preview changes
              </Button>
            )}
            {preview && (
              <>
                <Button variant="secondary" onClick={() => setStep({ name: "choose" })}>
                  Choose another file
                </Button>
                <Button disabled={applicable === 0} pending={pending} onClick={() => send("apply")}>
                  {applicable === 0
                    ? "Nothing to import"
                    : `Import ${applicable} ${applicable === 1 ? "partner" : "partners"}`}
                </Button>
              </>
            )}
            {step.name === "done" && <Button onClick={() => reset(false)}>Done</Button>}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
