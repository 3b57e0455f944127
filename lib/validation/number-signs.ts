/**
 * The signs a locale writes numbers with: its decimal mark and its grouping mark, as
 * Intl reports them (no hand-kept table per locale). `machine` is the one format of
 * files and APIs: dot decimal, no grouping.
 */
export type NumberSigns = { locale: string; decimal: string; group: string | null };

export const MACHINE_NUMBERS: NumberSigns = { locale: "en-US", decimal: ".", group: null };

const cache = new Map<string, NumberSigns>();

export function numberSignsOf(locale: string): NumberSigns {
  const known = cache.get(locale);
  if (known) return known;
  let parts: Intl.NumberFormatPart[];
  let resolved = locale;
  try {
    const format = new Intl.NumberFormat(locale);
    resolved = format.resolvedOptions().locale;
    parts = format.formatToParts(12345.5);
  } catch {
    return MACHINE_NUMBERS;
  }
  const signs: NumberSigns = {
    locale: resolved,
    decimal: parts.find((part) => part.type === "decimal")?.value ?? ".",
    group: parts.find((part) => part.type === "group")?.value ?? null,
  };
  cache.set(locale, signs);
  return signs;
}

/**
 * A number as a person of the locale types it, without grouping ("12,5" in de-DE), for form
 * defaults. Machine text ("6250.00", as the database or a computation writes it) keeps its
 * digits and only swaps the decimal sign.
 */
export function formatNumberInput(value: number | string | null | undefined, signs: NumberSigns): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "string") {
    if (!/^-?\d+(\.\d+)?$/.test(value)) return "";
    return value.replace(".", signs.decimal);
  }
  if (!Number.isFinite(value)) return "";
  return new Intl.NumberFormat(signs.locale, { useGrouping: false, maximumFractionDigits: 20 }).format(value);
}
