"use client";

import { usePathname, useRouter } from "next/navigation";
import { Select } from "@/components/ui/input";
import { ACTIVITY_EVENT_LABELS, ACTIVITY_EVENT_TYPES, ACTIVITY_GROUPS } from "@/lib/activity/constants";

/** Event type filter, kept in the URL (?type=referral.* or one exact type). */
export function ActivityFilter({ value }: { value: string | null }) {
  const router = useRouter();
  const pathname = usePathname();
  return (
    <label className="flex items-center gap-2 text-sm text-slate-600">
      <span>Show</span>
      <Select
        aria-label="Filter by event type"
        className="h-9 w-56"
        value={value ?? ""}
        onChange={(event) =>
          router.replace(event.target.value ? `${pathname}?type=${encodeURIComponent(event.target.value)}` : pathname)
        }
      >
        <option value="">All events</option>
        <optgroup label="Groups">
          {ACTIVITY_GROUPS.map((group) => (
            <option key={group.value} value={group.value}>
              {group.label}
            </option>
          ))}
        </optgroup>
        <optgroup label="Event types">
          {ACTIVITY_EVENT_TYPES.map((type) => (
            <option key={type} value={type}>
              {ACTIVITY_EVENT_LABELS[type]}
            </option>
          ))}
        </optgroup>
      </Select>
    </label>
  );
}
