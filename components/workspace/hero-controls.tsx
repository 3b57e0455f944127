"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Select } from "@/components/ui/input";
import { updatePartnerField } from "@/lib/partners/actions/update-partner-field";
import {
  PARTNER_STATUSES,
  PARTNER_TIERS,
  STATUS_LABELS,
  TIER_LABELS,
  type PartnerStatus,
  type PartnerTier,
} from "@/lib/partners/constants";
import { usePermission, useWorkspace } from "./workspace-context";

/** Status and tier, changeable from the hero by editors (the directory's inline-edit action, with its concurrency check). */
export function HeroControls({
  status,
  tier,
  updatedAt,
}: {
  status: PartnerStatus;
  tier: PartnerTier;
  updatedAt: string;
}) {
  const { partnerId } = useWorkspace();
  const permission = usePermission("edit");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [shown, setShown] = useState<{ status: PartnerStatus; tier: PartnerTier; base: string }>({
    status,
    tier,
    base: updatedAt,
  });
  // a newer row from the server (our change or someone else's) replaces what we show
  if (shown.base !== updatedAt) setShown({ status, tier, base: updatedAt });

  function change(changes: { status: PartnerStatus } | { tier: PartnerTier }) {
    const previous = shown;
    setShown({ ...shown, ...changes });
    startTransition(async () => {
      const result = await updatePartnerField({ partnerId, expectedUpdatedAt: updatedAt, changes });
      if (!result.ok) {
        setShown(previous);
        toast.error(result.error);
      } else if (result.data.outcome === "conflict") {
        setShown(previous);
        toast.warning("Someone else changed this partner a moment ago. Showing their version; try again.");
      } else {
        toast.success(
          "status" in changes ? `Status: ${STATUS_LABELS[changes.status]}` : `Tier: ${TIER_LABELS[changes.tier]}`,
        );
      }
      router.refresh();
    });
  }

  return (
    <div className="flex flex-wrap items-end gap-3" title={permission.reason}>
      <label className="space-y-1 text-xs font-medium text-slate-500">
        <span className="block">Status</span>
        <Select
          aria-label="Partner status"
          className="h-9 w-40"
          value={shown.status}
          disabled={!permission.allowed || pending}
          onChange={(event) => change({ status: event.target.value as PartnerStatus })}
        >
          {PARTNER_STATUSES.map((value) => (
            <option key={value} value={value}>
              {STATUS_LABELS[value]}
            </option>
          ))}
        </Select>
      </label>
      <label className="space-y-1 text-xs font-medium text-slate-500">
        <span className="block">Tier</span>
        <Select
          aria-label="Partner tier"
          className="h-9 w-36"
          value={shown.tier}
          disabled={!permission.allowed || pending}
          onChange={(event) => change({ tier: event.target.value as PartnerTier })}
        >
          {PARTNER_TIERS.map((value) => (
            <option key={value} value={value}>
              {TIER_LABELS[value]}
            </option>
          ))}
        </Select>
      </label>
    </div>
  );
}
