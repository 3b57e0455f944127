"use client";

import dynamic from "next/dynamic";

/**
 * The chart loads after the page has painted: its table and summary are server-rendered
 * first, and the chart library arrives in its own chunk.
 */
export const LazySeriesChart = dynamic(() => import("./series-chart"), {
  ssr: false,
  loading: () => <div className="h-64 animate-pulse rounded-md bg-slate-100" aria-hidden="true" />,
});
