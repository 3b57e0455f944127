import Link from "next/link";
import { PanelRightOpen } from "lucide-react";
import type { DirectoryRow } from "@/lib/partners/directory-types";
import { CellValue } from "./cell-value";

export const workspaceHref = (partnerId: string) => `/admin/partners/${partnerId}/overview`;

/**
 * The name is a way in for the pointer; the cell keeps F2, Enter and typing for editing,
 * and Ctrl+Enter opens the workspace from the keyboard.
 */
export function NameCell({
  row,
  timeZone,
  onPreview,
}: {
  row: DirectoryRow;
  timeZone: string;
  onPreview: ((partnerId: string) => void) | undefined;
}) {
  return (
    <span className="flex min-w-0 flex-1 items-center justify-between gap-2">
      <Link
        href={workspaceHref(row.id)}
        tabIndex={-1}
        prefetch={false}
        className="min-w-0 hover:underline"
        onDoubleClick={(event) => event.preventDefault()}
      >
        <CellValue row={row} column="name" timeZone={timeZone} />
      </Link>
      {onPreview && (
        <button
          type="button"
          tabIndex={-1}
          aria-label={`Preview ${row.name}`}
          title="Preview"
          onClick={() => onPreview(row.id)}
          className="shrink-0 rounded p-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700"
        >
          <PanelRightOpen className="size-4" aria-hidden />
        </button>
      )}
    </span>
  );
}
