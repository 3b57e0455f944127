"use client";

import { Eye } from "lucide-react";
import { useWorkspace, VIEW_ONLY_REASON } from "./workspace-context";

/** Viewers see everything and change nothing; say so up front rather than on save. */
export function ReadOnlyNotice() {
  const { canEdit } = useWorkspace();
  if (canEdit) return null;
  return (
    <div
      role="status"
      data-testid="read-only-notice"
      className="flex items-center gap-2 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700"
    >
      <Eye className="size-4 shrink-0 text-slate-500" aria-hidden />
      {VIEW_ONLY_REASON}
    </div>
  );
}
