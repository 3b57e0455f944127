"use client";

import { ArchiveRestore } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { bulkUpdatePartners } from "@/lib/partners/actions/bulk-update-partners";
import { usePermission, useWorkspace } from "./workspace-context";

/** Brings an archived partner back into the directory (editors; the bulk action with one id). */
export function RestoreButton() {
  const { partnerId } = useWorkspace();
  const permission = usePermission("edit");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  if (!permission.allowed) return null;
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await bulkUpdatePartners({
            target: { kind: "ids", ids: [partnerId] },
            change: { kind: "restore" },
          });
          if (!result.ok) toast.error("The partner was not restored", { description: result.error });
          else toast.success("Restored: the partner is back in the directory.");
          router.refresh();
        })
      }
      className="inline-flex h-6 items-center gap-1 rounded border border-slate-300 bg-white px-2 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50"
    >
      <ArchiveRestore className="size-3.5" aria-hidden /> Restore
    </button>
  );
}
