import { describe, expect, it } from "vitest";
import { summariseSeries } from "@/components/charts/chart-summary";
import { figureText, tableCsvRows } from "@/lib/dashboard/figures";
import { orgFormatter } from "@/lib/format/org-format";

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");
const berlin = orgFormatter({ locale: "de-DE", currency: "EUR", time_zone: "Europe/Berlin" });
const newYork = orgFormatter({ locale: "en-US", currency: "USD", time_zone: "America/New_York" });

describe("dashboard figures", () => {
  it("are written by the org's formatter, kind by kind", () => {
    expect(plain(figureText(1234.5, "money", berlin))).toBe("1.234,50 €");
    expect(figureText(12345, "count", berlin)).toBe("12.345");
    expect(plain(figureText(0.125, "share", berlin))).toBe("12,5 %");
    expect(figureText(3.5, "days", berlin)).toBe("3,5 Tage");
    expect(figureText("2026-03-04", "date", berlin)).toBe("04.03.2026");
    // An instant falls on the org's calendar: 02:00 UTC on the 5th is still the 4th in New York.
    expect(figureText("2026-03-05T02:00:00Z", "instant", newYork)).toBe("Mar 4, 2026");
    expect(figureText("Acme", "text", newYork)).toBe("Acme");
  });

  it("show a dash where there is no figure", () => {
    expect(figureText(null, "money", newYork)).toBe("—");
    expect(figureText("", "date", newYork)).toBe("—");
  });

  it("leave CSV rows unformatted", () => {
    const rows = tableCsvRows({
      id: "tiles",
      title: "Headline figures",
      description: "",
      columns: [
        { key: "metric", label: "Metric", kind: "text" },
        { key: "current", label: "This period", kind: "money" },
      ],
      rows: [{ metric: "Won value", current: 1234.5 }],
    });
    expect(rows).toEqual([{ Metric: "Won value", "This period": 1234.5 }]);
  });

  it("summarise a series in the org's words", () => {
    const rows = [
      { bucket: "2026-02-01", won_value: 1000 },
      { bucket: "2026-03-01", won_value: 2500.5 },
    ];
    const [line] = summariseSeries(rows, [{ key: "won_value", label: "Won value", type: "bar", color: "#4338ca" }], {
      valueKind: "money",
      bucket: "month",
      format: berlin,
    });
    expect(plain(line!)).toBe("Won value: 3.500,50 € in total, most in März 2026 (2.500,50 €).");
  });
});
