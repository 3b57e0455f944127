"use client";

import { useState } from "react";
import { StaffPicker } from "@/components/pickers/staff-picker";
import type { PickerOption } from "@/lib/pickers/schemas";
import { cn } from "@/lib/utils/cn";

/**
 * The directory's owner filter. The URL holds only the owner's id; the name comes from the
 * server on first load and from the picker after that, so back and forward keep showing it.
 */
export function OwnerFilter({
  ownerId,
  initial,
  onChange,
}: {
  ownerId: string | null;
  initial: PickerOption | null;
  onChange: (ownerId: string | null) => void;
}) {
  const [known, setKnown] = useState<ReadonlyMap<string, PickerOption>>(
    () => new Map(initial ? [[initial.id, initial]] : []),
  );
  const value = ownerId ? (known.get(ownerId) ?? { id: ownerId, label: "Chosen owner" }) : null;
  return (
    <StaffPicker
      aria-label="Owner"
      value={value}
      clearLabel="Any owner"
      placeholder="Any owner"
      className="w-full sm:w-56"
      inputClassName={cn("h-9", ownerId && "border-brand-500 text-brand-700")}
      onChange={(option) => {
        if (option) setKnown((previous) => new Map(previous).set(option.id, option));
        onChange(option?.id ?? null);
      }}
    />
  );
}
