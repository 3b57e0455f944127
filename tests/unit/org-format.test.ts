import { describe, expect, it } from "vitest";
import { orgFormatter, recordingFormatter, textKey } from "@/lib/format/org-format";

// Intl writes a no-break space (U+00A0) or a narrow one (U+202F) where people see a space.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

const berlin = orgFormatter({ locale: "de-DE", currency: "EUR", time_zone: "Europe/Berlin" });
const london = orgFormatter({ locale: "en-GB", currency: "GBP", time_zone: "Europe/London" });
const newYork = orgFormatter({ locale: "en-US", currency: "USD", time_zone: "America/New_York" });
const tokyo = orgFormatter({ locale: "ja-JP", currency: "JPY", time_zone: "Asia/Tokyo" });

// 23:30 UTC on the 4th is already the 5th in Tokyo and still the 4th in New York.
const lateEvening = "2026-03-04T23:30:00Z";
const afternoon = "2026-03-04T14:07:00Z";

describe("money in the org's locale and currency", () => {
  it("writes the locale's signs and places the currency where the locale does", () => {
    expect(plain(berlin.money(1234.5))).toBe("1.234,50 €");
    expect(london.money(1234.5)).toBe("£1,234.50");
    expect(newYork.money("1234.50")).toBe("$1,234.50");
    // The yen has no minor unit.
    expect(tokyo.money(1234.5)).toBe("￥1,235");
  });

  it("writes another currency when a row names one", () => {
    expect(plain(berlin.money(10, "USD"))).toBe("10,00 $");
  });

  it("reads nothing and malformed amounts as zero", () => {
    expect(plain(berlin.money(null))).toBe("0,00 €");
    expect(newYork.money("not a number")).toBe("$0.00");
  });

  it("shortens tiles from the threshold on, exact below it", () => {
    expect(newYork.compactMoney(803_000)).toBe("$803K");
    expect(newYork.compactMoney(9_999)).toBe("$9,999.00");
    expect(newYork.compactMoney(1_234_567, { above: 1_000_000 })).toBe("$1.2M");
    expect(newYork.compactMoney(0, { above: 0 })).toBe("$0");
    expect(london.compactMoney(803_000)).toBe("£803k");
    expect(plain(berlin.compactMoney(1_234_567))).toBe("1,2 Mio. €");
    expect(tokyo.compactMoney(1_234_567)).toBe("￥123.5万");
  });
});

describe("numbers", () => {
  it("groups and marks decimals as the locale does", () => {
    expect(berlin.number(12345.5)).toBe("12.345,5");
    expect(london.number(12345.5)).toBe("12,345.5");
    expect(newYork.number("12345.5")).toBe("12,345.5");
    expect(tokyo.number(12345.5)).toBe("12,345.5");
  });

  it("writes shares as percentages", () => {
    expect(plain(berlin.percent(0.5))).toBe("50 %");
    expect(newYork.percent(0.5)).toBe("50%");
  });

  it("keeps the fraction digits a share asks for, and no more", () => {
    expect(plain(berlin.percent(0.125, 1))).toBe("12,5 %");
    expect(newYork.percent(0.125, 1)).toBe("12.5%");
    expect(newYork.percent(0.125)).toBe("13%");
    // Intl throws past 20 digits; the formatter keeps to what it accepts.
    expect(newYork.percent(0.5, 99)).toBe("50%");
    expect(newYork.percent(Number.NaN, 1)).toBe("0%");
  });

  it("writes a rate kept in percentage points as a percentage", () => {
    expect(plain(berlin.rate(12.5))).toBe("12,5 %");
    expect(plain(berlin.rate("7.25"))).toBe("7,25 %");
    expect(newYork.rate("12.50")).toBe("12.5%");
    expect(newYork.rate(0)).toBe("0%");
  });

  it("writes a span of days in the locale's words", () => {
    expect(berlin.days(3.5)).toBe("3,5 Tage");
    expect(berlin.days(1)).toBe("1 Tag");
    expect(newYork.days("2.25")).toBe("2.3 days");
    expect(newYork.days(null)).toBe("0 days");
  });
});

describe("dates", () => {
  it("writes a calendar day as that day in every locale", () => {
    expect(berlin.day("2026-03-04")).toBe("04.03.2026");
    expect(london.day("2026-03-04")).toBe("4 Mar 2026");
    expect(newYork.day("2026-03-04")).toBe("Mar 4, 2026");
    expect(tokyo.day("2026-03-04")).toBe("2026/03/04");
  });

  it("puts an instant on the org's own calendar", () => {
    expect(berlin.date(lateEvening)).toBe("05.03.2026");
    expect(london.date(lateEvening)).toBe("4 Mar 2026");
    expect(newYork.date(lateEvening)).toBe("Mar 4, 2026");
    expect(tokyo.date(lateEvening)).toBe("2026/03/05");
  });

  it("shows times on the org's clock and in its hour cycle", () => {
    expect(berlin.dateTime(afternoon)).toBe("04.03.2026, 15:07");
    expect(london.time(afternoon)).toBe("14:07");
    expect(plain(newYork.dateTime(afternoon))).toBe("Mar 4, 2026, 9:07 AM");
    expect(tokyo.dateTime(afternoon)).toBe("2026/03/04 23:07");
  });

  it("writes headings and months in the locale's words", () => {
    expect(berlin.longDay("2026-03-04")).toBe("Mittwoch, 4. März 2026");
    expect(newYork.longDay("2026-03-04")).toBe("Wednesday, March 4, 2026");
    expect(berlin.month("2026-03-01")).toBe("März 2026");
    expect(tokyo.month("2026-03")).toBe("2026年3月");
  });

  it("labels chart buckets short: a month, or a week by its first day", () => {
    expect(berlin.bucket("2026-03-01", "month")).toBe("März 2026");
    expect(berlin.bucket("2026-10", "month")).toBe("Okt. 2026");
    expect(newYork.bucket("2026-03-01", "month")).toBe("Mar 2026");
    expect(berlin.bucket("2026-03-02", "week")).toBe("2. März");
    expect(newYork.bucket("2026-03-02", "week")).toBe("Mar 2");
    expect(london.bucket("2026-03-02", "week")).toBe("2 Mar");
    // A day is the org's already: late UTC on the 1st still labels the 1st everywhere.
    expect(tokyo.bucket("2026-03-01T23:30:00Z", "week")).toBe("3月1日");
    expect(newYork.bucket("not a day", "week")).toBe("not a day");
  });

  it("says how long ago in the locale's words", () => {
    const now = new Date("2026-03-04T00:00:00Z");
    expect(berlin.relative("2026-03-01T00:00:00Z", now)).toBe("vor 3 Tagen");
    expect(newYork.relative("2026-03-01T00:00:00Z", now)).toBe("3 days ago");
    expect(newYork.relative("2026-03-03T22:00:00Z", now)).toBe("2 hours ago");
    expect(tokyo.relative("2026-03-01T00:00:00Z", now)).toBe("3 日前");
  });

  it("shows a dash for a missing date", () => {
    expect(berlin.date(null)).toBe("—");
    expect(berlin.day(undefined)).toBe("—");
  });
});

describe("a malformed setting", () => {
  it("falls back to en-US and UTC instead of throwing", () => {
    const broken = orgFormatter({ locale: "not a locale!", currency: "USD", time_zone: "Mars/Olympus" });
    expect(broken.locale).toBe("en-US");
    expect(broken.date(lateEvening)).toBe("Mar 4, 2026");
  });
});

describe("texts written on the server", () => {
  it("are what a client formatter answers, whatever its own Intl would write", () => {
    const org = { locale: "de-DE", currency: "EUR", time_zone: "Europe/Berlin" };
    const { format, texts } = recordingFormatter(org);
    const written = format.compactMoney(803_000, { above: 0 });
    format.date(lateEvening);
    expect(texts[textKey("compactMoney", "EUR", 0, 803_000)]).toBe(written);
    // Stand in for a browser whose ICU writes otherwise: the server's text wins.
    const client = orgFormatter(org, { ...texts, [textKey("date", lateEvening)]: "server text" });
    expect(client.date(lateEvening)).toBe("server text");
    expect(client.compactMoney(803_000, { above: 0 })).toBe(written);
    // A value the client made itself is formatted there.
    expect(client.date("2026-01-02T12:00:00Z")).toBe("02.01.2026");
  });

  it("cover shares, day spans and chart buckets too", () => {
    const org = { locale: "de-DE", currency: "EUR", time_zone: "Europe/Berlin" };
    const { format, texts } = recordingFormatter(org);
    format.percent(0.125, 1);
    format.days(3.5);
    format.bucket("2026-03-01", "month");
    const client = orgFormatter(org, {
      [textKey("percent", 0.125, 1)]: "server share",
      [textKey("days", 3.5)]: "server days",
      [textKey("bucket", "2026-03-01", "month")]: "server bucket",
    });
    expect(Object.keys(texts).sort()).toEqual(
      [textKey("percent", 0.125, 1), textKey("days", 3.5), textKey("bucket", "2026-03-01", "month")].sort(),
    );
    expect([client.percent(0.125, 1), client.days(3.5), client.bucket("2026-03-01", "month")]).toEqual([
      "server share",
      "server days",
      "server bucket",
    ]);
    // The same share with other digits is another text.
    expect(plain(client.percent(0.125))).toBe("13 %");
  });
});
