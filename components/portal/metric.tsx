import type { ReactNode } from "react";
import { cn } from "@/lib/utils/cn";

export function Metric({
  label,
  value,
  hint,
  tone,
}: {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  tone?: "warning";
}) {
  return (
    <div
      className={cn(
        "rounded-lg border bg-white px-4 py-3",
        tone === "warning" ? "border-amber-300" : "border-slate-200",
      )}
    >
      <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</p>
      <p className="mt-1 text-xl font-semibold text-slate-900 tabular-nums">{value}</p>
      {hint && <p className={cn("mt-0.5 text-xs", tone === "warning" ? "text-amber-700" : "text-slate-500")}>{hint}</p>}
    </div>
  );
}
