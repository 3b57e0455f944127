"use client";

import { SearchCombobox } from "@/components/ui/search-combobox";
import type { PickerOption } from "@/lib/pickers/schemas";

type Props = Omit<Parameters<typeof SearchCombobox>[0], "endpoint" | "params" | "emptyText">;

/** Staff of the active org (owners, assignees), searched on the server as the person types. */
export function StaffPicker(props: Props) {
  return <SearchCombobox endpoint="/api/pickers/staff" emptyText="No staff match" {...props} />;
}

/** The "Unassigned" choice of an owner or assignee picker: a real value, unlike emptying the box. */
export const UNASSIGNED: PickerOption = { id: "", label: "Unassigned" };
