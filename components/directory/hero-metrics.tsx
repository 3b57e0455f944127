import type { DirectorySummary } from "@/lib/partners/directory-data";

/** The hero metrics as the server formatted them, or why they are not shown. */
export function HeroMetrics({ summary, filtered }: { summary: DirectorySummary; filtered: boolean }) {
  if (!summary.metrics)
    return (
      <section
        aria-label="Partner metrics"
        className="rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-600 shadow-xs"
        data-testid="metrics-hidden"
      >
        {summary.metricsHidden}
      </section>
    );
  return (
    <section aria-label="Partner metrics" className="grid grid-cols-3 gap-2 sm:gap-4">
      {summary.metrics.map((item) => (
        <div
          key={item.label}
          className="flex flex-col justify-between rounded-lg border border-slate-200 bg-white px-3 py-3 shadow-xs sm:px-5 sm:py-4"
        >
          <p className="text-xs font-medium text-slate-500 sm:text-sm">{item.label}</p>
          <p
            className="mt-1 truncate text-lg font-semibold tracking-tight text-slate-900 tabular-nums sm:text-2xl"
            data-testid={`metric-${item.label}`}
          >
            <span className="sm:hidden">{item.short}</span>
            <span className="hidden sm:inline">{item.full}</span>
          </p>
          {filtered && <p className="mt-0.5 hidden text-xs text-slate-400 sm:block">for the current filter</p>}
        </div>
      ))}
    </section>
  );
}
