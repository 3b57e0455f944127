"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import { orgFormatter, type FormatTexts, type OrgFormat, type OrgFormatter } from "@/lib/format/org-format";

/** The formatter is made here, once per provider: every cell that formats shares it instead of building its own Intl objects when it mounts. */
type Value = { org: OrgFormat; texts: FormatTexts; format: OrgFormatter };

const OrgFormatContext = createContext<Value | null>(null);

/**
 * The org's locale, currency and time zone for client components, with the texts the server
 * already wrote for the values it rendered. A nested provider adds its texts to the outer ones.
 */
export function OrgFormatProvider({
  org,
  texts,
  children,
}: {
  org?: OrgFormat;
  texts?: FormatTexts;
  children: ReactNode;
}) {
  const outer = useContext(OrgFormatContext);
  const resolved = org ?? outer?.org;
  const value = useMemo<Value | null>(() => {
    if (!resolved) return null;
    const merged = { ...outer?.texts, ...texts };
    return { org: resolved, texts: merged, format: orgFormatter(resolved, merged) };
  }, [resolved, outer?.texts, texts]);
  return <OrgFormatContext.Provider value={value}>{children}</OrgFormatContext.Provider>;
}

let fallback: OrgFormatter | undefined;

/** The org's formatter; outside a provider, en-US in UTC so a stray use still renders. */
export function useOrgFormat(): OrgFormatter {
  const value = useContext(OrgFormatContext);
  return value?.format ?? (fallback ??= orgFormatter({ locale: "en-US", currency: "USD", time_zone: "UTC" }));
}
