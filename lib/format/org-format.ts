/**
 * Numbers, money and dates written the organization's way: its locale (BCP 47, as
 * organizations.locale holds it), its currency and its time zone. Every screen and email
 * uses this one module; files use the CSV machine format (lib/csv) instead.
 *
 * Node and the browser ship different ICU data, so the same call may write "803,0K" on one
 * and "803K" on the other. A value the server renders is formatted there once and handed to
 * client components as text (see `FormatTexts`); the browser formats only what it creates.
 */
export type OrgFormat = { locale: string; currency: string; time_zone: string };

/** What a screen falls back to when it cannot read the org (a partner user between grants). */
export const DEFAULT_ORG_FORMAT: OrgFormat = { locale: "en-US", currency: "USD", time_zone: "UTC" };

/** The three settings alone, to hand to a client component without the rest of the org. */
export const formatOf = ({ locale, currency, time_zone }: OrgFormat): OrgFormat => ({ locale, currency, time_zone });

type Amount = number | string | null | undefined;
type Instant = string | Date | null | undefined;

export type OrgFormatter = {
  /** The locale actually used (a malformed one falls back to en-US). */
  locale: string;
  /** Money, in the org's currency unless another is named: "1.234,50 €" in de-DE. */
  money: (amount: Amount, currency?: string) => string;
  /** Money for tiles: exact below `above` (10,000 unless set), short from there on: "1,2 Mio. €". */
  compactMoney: (amount: Amount, options?: { above?: number; currency?: string }) => string;
  /** A count or a decimal: "12.345,5" in de-DE. */
  number: (value: Amount) => string;
  /** A share (0.5) as a percentage, whole unless `digits` are asked for: "50 %", "12,5 %" in de-DE. */
  percent: (share: number, digits?: number) => string;
  /** A rate kept in percentage points (12.5, as commission_rate holds it): "12,5 %" in de-DE. */
  rate: (points: Amount) => string;
  /** A span of days, in the locale's words: "3,5 Tage" in de-DE. */
  days: (value: Amount) => string;
  /** A calendar day (YYYY-MM-DD), shown as that day wherever the reader is: "04.03.2026". */
  day: (day: string | null | undefined) => string;
  /** The day an instant falls on, on the org's clock. */
  date: (instant: Instant) => string;
  /** An instant with its time, on the org's clock: "04.03.2026, 15:07". */
  dateTime: (instant: Instant) => string;
  /** The time of day alone, on the org's clock: "15:07". */
  time: (instant: Instant) => string;
  /** A calendar day with its weekday, for headings: "Mittwoch, 4. März 2026". */
  longDay: (day: string) => string;
  /** A month of a calendar day or "YYYY-MM": "März 2026". */
  month: (dayOrMonth: string) => string;
  /** A chart bucket's short label: a month ("März 2026" written short) or a week's first day ("4. März"). */
  bucket: (day: string, size: "week" | "month") => string;
  /** How long ago or ahead, in words: "vor 3 Tagen". Depends on the clock: never server-rendered into a client component. */
  relative: (instant: Instant, now?: Date) => string;
};

/**
 * Texts the server wrote, keyed by what was formatted (`textKey`). A client formatter given
 * them answers from them first, so a value rendered on the server reads the same after
 * hydration, whatever the browser's ICU says.
 */
export type FormatTexts = Record<string, string>;

const DASH = "—";
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;

/**
 * Intl objects are costly to build (each looks its locale up) and never change once built, so
 * every formatter shares one per locale, time zone and options: a server render makes several
 * formatters per request, and each used to build its own.
 */
const intlObjects = new Map<string, unknown>();
function shared<T>(key: string, make: () => T): () => T {
  return () => {
    let value = intlObjects.get(key) as T | undefined;
    if (value === undefined) {
      value = make();
      intlObjects.set(key, value);
    }
    return value;
  };
}

export function safeLocale(locale: string | null | undefined): string {
  return shared(`locale|${locale ?? ""}`, () => checkedLocale(locale))();
}

function checkedLocale(locale: string | null | undefined): string {
  try {
    const [canonical] = Intl.getCanonicalLocales(locale ?? "en-US");
    if (!canonical) return "en-US";
    return Intl.NumberFormat.supportedLocalesOf(canonical).length > 0 ? canonical : "en-US";
  } catch {
    return "en-US";
  }
}

function safeTimeZone(timeZone: string | null | undefined): string {
  return shared(`timeZone|${timeZone ?? ""}`, () => checkedTimeZone(timeZone))();
}

function checkedTimeZone(timeZone: string | null | undefined): string {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: timeZone ?? "UTC" });
    return timeZone ?? "UTC";
  } catch {
    return "UTC";
  }
}

const toNumber = (value: Amount) => {
  const number = typeof value === "string" ? Number(value) : (value ?? 0);
  return Number.isFinite(number) ? number : 0;
};

const toDate = (value: string | Date) => (value instanceof Date ? value : new Date(value));

export function textKey(kind: string, ...args: unknown[]): string {
  return [kind, ...args.map((arg) => (arg instanceof Date ? arg.toISOString() : String(arg ?? "")))].join("|");
}

/** The largest unit whose span the distance reaches, as date-fns' "strict" distance picks it. */
const RELATIVE_UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 31_536_000],
  ["month", 2_592_000],
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
  ["second", 1],
];

/** Intl accepts 0–20 fraction digits and throws outside them. */
const clampDigits = (digits: number) => Math.min(20, Math.max(0, Math.trunc(Number.isFinite(digits) ? digits : 0)));

export function orgFormatter(org: OrgFormat, texts?: FormatTexts): OrgFormatter {
  const locale = safeLocale(org.locale);
  const timeZone = safeTimeZone(org.time_zone);
  // Keys: what each object depends on (the locale always, the time zone where it is used).
  const memo = <T>(name: string, make: () => T) => shared(`${locale}|${name}`, make);
  const zoned = <T>(name: string, make: () => T) => shared(`${locale}|${timeZone}|${name}`, make);
  const currencyFormat = (currency: string, compact: boolean) =>
    memo(`currency|${currency}|${compact}`, () => {
      try {
        return new Intl.NumberFormat(locale, {
          style: "currency",
          currency,
          ...(compact ? { notation: "compact", minimumFractionDigits: 0, maximumFractionDigits: 1 } : {}),
        });
      } catch {
        return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
      }
    })();
  const numbers = memo("number", () => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }));
  const percentFormat = (digits: number) =>
    memo(
      `percent|${digits}`,
      () => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: digits }),
    )();
  const dayCounts = memo(
    "dayCounts",
    () => new Intl.NumberFormat(locale, { style: "unit", unit: "day", unitDisplay: "long", maximumFractionDigits: 1 }),
  );
  const monthBuckets = memo(
    "monthBuckets",
    () => new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" }),
  );
  const weekBuckets = memo(
    "weekBuckets",
    () => new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" }),
  );
  const days = memo("days", () => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }));
  const dates = zoned("dates", () => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone }));
  const dateTimes = zoned(
    "dateTimes",
    () => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }),
  );
  const times = zoned("times", () => new Intl.DateTimeFormat(locale, { timeStyle: "short", timeZone }));
  const longDays = memo("longDays", () => new Intl.DateTimeFormat(locale, { dateStyle: "full", timeZone: "UTC" }));
  const months = memo(
    "months",
    () => new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }),
  );
  const relatives = memo("relatives", () => new Intl.RelativeTimeFormat(locale, { numeric: "auto" }));

  const known = (key: string, make: () => string) => texts?.[key] ?? make();
  const instant = (kind: string, value: Instant, format: () => Intl.DateTimeFormat) =>
    value ? known(textKey(kind, value), () => format().format(toDate(value))) : DASH;

  return {
    locale,
    money: (amount, currency = org.currency) =>
      known(textKey("money", currency, amount), () => currencyFormat(currency, false).format(toNumber(amount))),
    compactMoney: (amount, { above = 10_000, currency = org.currency } = {}) =>
      known(textKey("compactMoney", currency, above, amount), () => {
        const value = toNumber(amount);
        return currencyFormat(currency, Math.abs(value) >= above).format(value);
      }),
    number: (value) => known(textKey("number", value), () => numbers().format(toNumber(value))),
    percent: (share, digits = 0) =>
      known(textKey("percent", share, digits), () =>
        percentFormat(clampDigits(digits)).format(Number.isFinite(share) ? share : 0),
      ),
    rate: (points) => known(textKey("rate", points), () => percentFormat(2).format(toNumber(points) / 100)),
    days: (value) => known(textKey("days", value), () => dayCounts().format(toNumber(value))),
    day: (day) => {
      if (!day) return DASH;
      return known(textKey("day", day), () =>
        DAY.test(day) ? days().format(new Date(`${day}T12:00:00Z`)) : dates().format(toDate(day)),
      );
    },
    date: (value) => instant("date", value, dates),
    dateTime: (value) => instant("dateTime", value, dateTimes),
    time: (value) => instant("time", value, times),
    longDay: (day) =>
      known(textKey("longDay", day), () => (DAY.test(day) ? longDays().format(new Date(`${day}T12:00:00Z`)) : day)),
    month: (value) =>
      known(textKey("month", value), () => {
        const day = MONTH.test(value) ? `${value}-01` : value.slice(0, 10);
        return DAY.test(day) ? months().format(new Date(`${day}T12:00:00Z`)) : value;
      }),
    bucket: (value, size) =>
      known(textKey("bucket", value, size), () => {
        const day = MONTH.test(value) ? `${value}-01` : value.slice(0, 10);
        if (!DAY.test(day)) return value;
        return (size === "month" ? monthBuckets() : weekBuckets()).format(new Date(`${day}T12:00:00Z`));
      }),
    relative: (value, now = new Date()) => {
      if (!value) return DASH;
      const seconds = (toDate(value).getTime() - now.getTime()) / 1000;
      const [unit, span] = RELATIVE_UNITS.find(([, size]) => Math.abs(seconds) >= size) ?? ["second", 1];
      return relatives().format(Math.round(seconds / span), unit);
    },
  };
}

/**
 * A formatter that keeps every text it writes, for a server component that hands values to a
 * client component: format what the client will show, then pass `texts` along with the org.
 */
export function recordingFormatter(org: OrgFormat): { format: OrgFormatter; texts: FormatTexts } {
  const texts: FormatTexts = {};
  const plain = orgFormatter(org);
  const record =
    <A extends unknown[]>(kind: string, keyOf: (...args: A) => unknown[], write: (...args: A) => string) =>
    (...args: A) => {
      const text = write(...args);
      texts[textKey(kind, ...keyOf(...args))] = text;
      return text;
    };
  const format: OrgFormatter = {
    ...plain,
    money: record("money", (amount, currency = org.currency) => [currency, amount], plain.money),
    compactMoney: record(
      "compactMoney",
      (amount, { above = 10_000, currency = org.currency } = {}) => [currency, above, amount],
      plain.compactMoney,
    ),
    number: record("number", (value) => [value], plain.number),
    percent: record("percent", (share, digits = 0) => [share, digits], plain.percent),
    rate: record("rate", (points) => [points], plain.rate),
    days: record("days", (value) => [value], plain.days),
    day: record("day", (day) => [day], plain.day),
    date: record("date", (value) => [value], plain.date),
    dateTime: record("dateTime", (value) => [value], plain.dateTime),
    time: record("time", (value) => [value], plain.time),
    longDay: record("longDay", (day) => [day], plain.longDay),
    month: record("month", (value) => [value], plain.month),
    bucket: record("bucket", (value, size) => [value, size], plain.bucket),
  };
  return { format, texts };
}

/** The texts of what `write` formats, for a server component to pass to the client components it renders. */
export function textsFor(org: OrgFormat, write: (format: OrgFormatter) => void): FormatTexts {
  const { format, texts } = recordingFormatter(org);
  write(format);
  return texts;
}
