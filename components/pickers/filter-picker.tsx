"use client";

import { useState } from "react";
import { SearchCombobox } from "@/components/ui/search-combobox";
import type { PickerOption } from "@/lib/pickers/schemas";

/** A server-searched picker inside a GET filter form: the chosen id travels as `name`. */
export function FilterPicker(props: {
  endpoint: string;
  params?: Record<string, string>;
  name: string;
  initial: PickerOption | null;
  clearLabel: string;
  emptyText: string;
  "aria-label": string;
}) {
  const { initial, ...rest } = props;
  const [value, setValue] = useState<PickerOption | null>(initial);
  return <SearchCombobox {...rest} value={value} onChange={setValue} placeholder={props.clearLabel} />;
}

/** The "Partner" filter of a list: any partner of the org, archived ones included. */
export function PartnerFilterPicker({ initial }: { initial: PickerOption | null }) {
  return (
    <FilterPicker
      endpoint="/api/pickers/partners"
      params={{ archived: "include" }}
      name="partner"
      initial={initial}
      clearLabel="Any partner"
      emptyText="No partners match"
      aria-label="Partner"
    />
  );
}
