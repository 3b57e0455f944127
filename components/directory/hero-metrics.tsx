import { orgFormatter, type OrgFormat } from "@/lib/format/org-format";
import type { DirectoryMetrics } from "@/lib/partners/directory-types";

export function HeroMetrics({
  metrics,
  org,
  filtered,
}: {
  metrics: DirectoryMetrics;
  org: OrgFormat;
  filtered: boolean;
}) {
  const format = orgFormatter(org);
  const money = (amount: number) => ({
    full: format.compactMoney(amount, { above: 1_000_000 }),
    // A phone's third of the width fits "$809.7K", not "$809,687.50".
    short: format.compactMoney(amount, { above: 10_000 }),
  });
  const count = format.number(metrics.activePartners);
  const items = [
    { label: "Active partners", value: { full: count, short: count } },
    { label: "Pipeline value", value: money(metrics.pipelineValue) },
    { label: "Owed commission", value: money(metrics.owedCommission) },
  ];
  return (
    <section aria-label="Partner metrics" className="grid grid-cols-3 gap-2 sm:gap-4">
      {items.map((item) => (
        <div
          key={item.label}
          className="flex flex-col justify-between rounded-lg border border-slate-200 bg-white px-3 py-3 shadow-xs sm:px-5 sm:py-4"
        >
          <p className="text-xs font-medium text-slate-500 sm:text-sm">{item.label}</p>
          <p
            className="mt-1 truncate text-lg font-semibold tracking-tight text-slate-900 tabular-nums sm:text-2xl"
            data-testid={`metric-${item.label}`}
          >
            <span className="sm:hidden">{item.value.short}</span>
            <span className="hidden sm:inline">{item.value.full}</span>
          </p>
          {filtered && <p className="mt-0.5 hidden text-xs text-slate-400 sm:block">for the current filter</p>}
        </div>
      ))}
    </section>
  );
}
