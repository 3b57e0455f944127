import { FilterPicker } from "@/components/pickers/filter-picker";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { BUCKETS, PERIOD_PRESETS, PRESET_LABELS, type DashboardFilter } from "@/lib/dashboard/filter";
import { PARTNER_STATUSES, PARTNER_TIERS, STATUS_LABELS, TIER_LABELS } from "@/lib/partners/constants";
import type { PickerOption } from "@/lib/pickers/schemas";

/**
 * The dashboard's filters as a plain GET form: the URL holds them (shareable, back button
 * works) and every chart on the page is computed from the same query string.
 */
export function DashboardFilters({
  filter,
  chosenOwner,
}: {
  filter: DashboardFilter;
  chosenOwner: PickerOption | null;
}) {
  return (
    <form
      method="get"
      aria-label="Dashboard filters"
      className="grid grid-cols-2 gap-2 rounded-lg border border-slate-200 bg-white p-3 md:grid-cols-4 xl:grid-cols-[minmax(9.5rem,1.3fr)_repeat(7,minmax(0,1fr))_auto]"
    >
      <Select name="period" defaultValue={filter.period} aria-label="Period">
        {PERIOD_PRESETS.map((preset) => (
          <option key={preset} value={preset}>
            {PRESET_LABELS[preset]}
          </option>
        ))}
      </Select>
      <Input type="date" name="from" defaultValue={filter.fromDay} aria-label="From (custom range)" />
      <Input type="date" name="to" defaultValue={filter.toDay} aria-label="To (custom range)" />
      <Select name="bucket" defaultValue={filter.bucket} aria-label="Group by">
        {BUCKETS.map((bucket) => (
          <option key={bucket} value={bucket}>
            By {bucket}
          </option>
        ))}
      </Select>
      <FilterPicker
        endpoint="/api/pickers/staff"
        name="owner"
        initial={chosenOwner}
        clearLabel="Any owner"
        emptyText="No staff match"
        aria-label="Owner"
      />
      <FilterPicker
        endpoint="/api/pickers/regions"
        name="region"
        initial={filter.region ? { id: filter.region, label: filter.region } : null}
        clearLabel="Any region"
        emptyText="No regions match"
        aria-label="Region"
      />
      <Select name="tier" defaultValue={filter.tier[0] ?? ""} aria-label="Tier">
        <option value="">Any tier</option>
        {PARTNER_TIERS.map((tier) => (
          <option key={tier} value={tier}>
            {TIER_LABELS[tier]}
          </option>
        ))}
      </Select>
      <Select name="status" defaultValue={filter.status[0] ?? ""} aria-label="Partner status">
        <option value="">Any status</option>
        {PARTNER_STATUSES.map((status) => (
          <option key={status} value={status}>
            {STATUS_LABELS[status]}
          </option>
        ))}
      </Select>
      <Button type="submit">Apply</Button>
    </form>
  );
}
