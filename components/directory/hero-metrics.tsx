import { formatMoney } from "@/lib/format/money";
import type { DirectoryMetrics } from "@/lib/partners/directory-types";

export function HeroMetrics({ metrics, currency, filtered }: { metrics: DirectoryMetrics; currency: string; filtered: boolean }) {
  const items = [
    { label: "Active partners", value: metrics.activePartners.toLocaleString("en-US") },
    { label: "Pipeline value", value: formatMoney(metrics.pipelineValue, currency, { compact: metrics.pipelineValue >= 1_000_000 }) },
    { label: "Owed commission", value: formatMoney(metrics.owedCommission, currency, { compact: metrics.owedCommission >= 1_000_000 }) },
  ];
  return (
    <section aria-label="Partner metrics" className="grid grid-cols-3 gap-2 sm:gap-4">
      {items.map((item) => (
        <div key={item.label} className="rounded-lg border border-slate-200 bg-white px-3 py-3 shadow-xs sm:px-5 sm:py-4">
          <p className="text-xs font-medium text-slate-500 sm:text-sm">{item.label}</p>
          <p className="mt-1 truncate text-lg font-semibold tracking-tight text-slate-900 tabular-nums sm:text-2xl" data-testid={`metric-${item.label}`}>
            {item.value}
          </p>
          {filtered && <p className="mt-0.5 hidden text-xs text-slate-400 sm:block">for the current filter</p>}
        </div>
      ))}
    </section>
  );
}
