"use client";

import { useEffect, useState } from "react";
import type { PickerOption } from "@/lib/pickers/schemas";

export type PickerSearchState = {
  status: "idle" | "loading" | "ready" | "error";
  options: PickerOption[];
  /** More matches than the answer holds: typing more narrows them. */
  more: boolean;
};

const DEBOUNCE_MS = 150;

/**
 * Asks `endpoint` for the choices matching `term` while `enabled` (the picker is in use),
 * a little after the last keystroke; an answer to an older term never overwrites a newer one.
 */
export function usePickerSearch(
  endpoint: string,
  term: string,
  enabled: boolean,
  params?: Record<string, string>,
): PickerSearchState {
  const [state, setState] = useState<PickerSearchState>({ status: "idle", options: [], more: false });
  const extra = params ? new URLSearchParams(params).toString() : "";
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setState((previous) => ({ ...previous, status: "loading" }));
      const search = new URLSearchParams(extra);
      search.set("q", term.trim());
      try {
        const response = await fetch(`${endpoint}?${search}`, {
          signal: controller.signal,
          headers: { accept: "application/json" },
        });
        if (!response.ok) throw new Error(`picker answered ${response.status}`);
        const body = (await response.json()) as { options: PickerOption[]; more?: boolean };
        setState({ status: "ready", options: body.options, more: Boolean(body.more) });
      } catch {
        if (!controller.signal.aborted) setState({ status: "error", options: [], more: false });
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [endpoint, term, enabled, extra]);
  return state;
}
