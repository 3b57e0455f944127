"use client";

import { Pencil, Trash2 } from "lucide-react";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/actions/result";
import { GuardedButton } from "./guarded-button";

/** The edit and delete buttons at the end of a workspace list row, named for the row. */
export function RowActions({
  label,
  onEdit,
  onDelete,
  deleteLevel = "edit",
}: {
  label: string;
  onEdit: () => void;
  onDelete: () => void;
  /** Who may delete: editors, or only admins and managers (the matrix's "leads"). */
  deleteLevel?: "edit" | "lead";
}) {
  return (
    <>
      <GuardedButton variant="ghost" size="sm" aria-label={`Edit ${label}`} onClick={onEdit}>
        <Pencil className="size-4" aria-hidden />
      </GuardedButton>
      <GuardedButton level={deleteLevel} variant="ghost" size="sm" aria-label={`Delete ${label}`} onClick={onDelete}>
        <Trash2 className="size-4" aria-hidden />
      </GuardedButton>
    </>
  );
}

/**
 * Reports a delete's outcome and tells the confirm dialog whether to close: it stays
 * open, with the reason in a toast, when the server refused.
 */
export async function settleDelete(pending: Promise<ActionResult<unknown>>, success: string): Promise<boolean> {
  const result = await pending;
  if (!result.ok) {
    toast.error(result.error);
    return false;
  }
  toast.success(success);
  return true;
}
