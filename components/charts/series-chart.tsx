"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis, ResponsiveContainer } from "recharts";
import { useMemo } from "react";
import { figureText } from "@/lib/dashboard/figures";
import { orgFormatter, type OrgFormat } from "@/lib/format/org-format";
import type { ChartSeries } from "./series";

/**
 * One trend drawn with Recharts: bars and lines over the buckets, in the org's number and
 * date format. Each series differs by more than colour: bars are solid or hatched, lines
 * solid, dashed or dotted with their own marker, and the legend names them all. Lines are
 * straight between buckets: a smoothed curve would draw values that are not there.
 */
export default function SeriesChart({
  rows,
  series,
  valueKind,
  bucket,
  org,
}: {
  rows: Record<string, string | number | null>[];
  series: ChartSeries[];
  valueKind: "count" | "money";
  bucket: "week" | "month";
  org: OrgFormat;
}) {
  // drawn only in the browser (never server-rendered), so nothing here has a server text to match
  const format = useMemo(() => orgFormatter(org), [org]);
  const data = rows.map((row) => ({
    ...Object.fromEntries(series.map((s) => [s.key, row[s.key] === null ? null : Number(row[s.key])])),
    x: String(row.bucket ?? row.month),
  }));
  const tick = (value: number) =>
    valueKind === "money" ? format.compactMoney(value, { above: 0 }) : format.number(value);
  return (
    <div className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 4 }} accessibilityLayer={false}>
          <defs>
            {series
              .filter((s) => s.hatched)
              .map((s) => (
                <pattern
                  key={s.key}
                  id={`hatch-${s.key}`}
                  width="6"
                  height="6"
                  patternUnits="userSpaceOnUse"
                  patternTransform="rotate(45)"
                >
                  <rect width="6" height="6" fill="#ffffff" />
                  <rect width="3" height="6" fill={s.color} />
                </pattern>
              ))}
          </defs>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis
            dataKey="x"
            tickFormatter={(day: string) => format.bucket(day, bucket)}
            tick={{ fill: "#334155", fontSize: 12 }}
            interval="preserveStartEnd"
          />
          <YAxis
            tickFormatter={tick}
            tick={{ fill: "#334155", fontSize: 12 }}
            width={valueKind === "money" ? 64 : 44}
          />
          <Tooltip
            formatter={(value, name) => [figureText(value, valueKind, format), String(name)]}
            labelFormatter={(day) => figureText(String(day), "date", format)}
          />
          <Legend wrapperStyle={{ fontSize: 12, color: "#334155" }} />
          {series.map((s) =>
            s.type === "bar" ? (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.label}
                fill={s.hatched ? `url(#hatch-${s.key})` : s.color}
                stroke={s.color}
                isAnimationActive={false}
              />
            ) : (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.label}
                type="linear"
                stroke={s.color}
                strokeWidth={2}
                strokeDasharray={s.dash}
                dot={{ r: 3, strokeWidth: 2, fill: s.marker === "hollow" ? "#ffffff" : s.color }}
                isAnimationActive={false}
              />
            ),
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
