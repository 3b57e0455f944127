"use client";

import { useSelectedLayoutSegments } from "next/navigation";
import { ALL_ACCOUNTS } from "@/lib/portal/constants";

/** Which account the URL shows: a partner id under /portal/accounts/[id], else "all". */
export function useCurrentAccount(fallback: string): string {
  const segments = useSelectedLayoutSegments();
  if (segments[0] === "accounts" && segments[1]) return segments[1];
  if (segments[0] === "all") return ALL_ACCOUNTS;
  return fallback;
}
