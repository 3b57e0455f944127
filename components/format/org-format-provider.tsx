"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import { orgFormatter, type FormatTexts, type OrgFormat, type OrgFormatter } from "@/lib/format/org-format";

type Value = { org: OrgFormat; texts: FormatTexts };

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
  const value = useMemo<Value | null>(
    () => (resolved ? { org: resolved, texts: { ...outer?.texts, ...texts } } : null),
    [resolved, outer?.texts, texts],
  );
  return <OrgFormatContext.Provider value={value}>{children}</OrgFormatContext.Provider>;
}

/** The org's formatter; outside a provider, en-US in UTC so a stray use still renders. */
export function useOrgFormat(): OrgFormatter {
  const value = useContext(OrgFormatContext);
  return useMemo(
    () => orgFormatter(value?.org ?? { locale: "en-US", currency: "USD", time_zone: "UTC" }, value?.texts),
    [value],
  );
}
