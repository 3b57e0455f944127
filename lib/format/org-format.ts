/**
 * Numbers, money and dates written the organization's way: its locale (BCP 47, as
 * organizations.locale holds it), its currency and its time zone. Screens use this; files
 * use the CSV machine format (lib/csv) instead.
 */
export type OrgFormat = { locale: string; currency: string; time_zone: string };

export type OrgFormatter = {
  money: (amount: number | string | null | undefined, currency?: string) => string;
  number: (value: number | string) => string;
  /** A calendar day (YYYY-MM-DD), shown as that day wherever the reader is. */
  day: (day: string) => string;
  /** An instant, shown on the org's clock. */
  dateTime: (instant: string | Date) => string;
};

function safeLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? "en-US";
  } catch {
    return "en-US";
  }
}

const toNumber = (value: number | string | null | undefined) => {
  const number = typeof value === "string" ? Number(value) : (value ?? 0);
  return Number.isFinite(number) ? number : 0;
};

export function orgFormatter(org: OrgFormat): OrgFormatter {
  const locale = safeLocale(org.locale);
  return {
    money: (amount, currency = org.currency) =>
      new Intl.NumberFormat(locale, { style: "currency", currency, maximumFractionDigits: 2 }).format(toNumber(amount)),
    number: (value) => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(toNumber(value)),
    day: (day) =>
      /^\d{4}-\d{2}-\d{2}$/.test(day)
        ? new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${day}T12:00:00Z`))
        : day,
    dateTime: (instant) =>
      new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: org.time_zone }).format(
        new Date(instant),
      ),
  };
}
