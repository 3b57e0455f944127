import { describe, expect, it } from "vitest";
import { optionalMoney, positiveMoney } from "@/lib/validation/money";
import { formatNumberInput, MACHINE_NUMBERS, numberSignsOf } from "@/lib/validation/number-signs";
import { parseDecimal } from "@/lib/validation/parse-decimal";
import { optionalPercentage } from "@/lib/validation/percentage";

const de = numberSignsOf("de-DE");
const en = numberSignsOf("en-US");

function message(result: { success: boolean; error?: { issues: { message: string }[] } }): string | undefined {
  return result.error?.issues[0]?.message;
}

describe("number signs come from Intl", () => {
  it("knows de-DE and en-US", () => {
    expect(de).toMatchObject({ decimal: ",", group: "." });
    expect(en).toMatchObject({ decimal: ".", group: "," });
    expect(MACHINE_NUMBERS).toMatchObject({ decimal: ".", group: null });
  });

  it("writes form defaults the way the locale types them, without grouping", () => {
    expect(formatNumberInput(12.5, de)).toBe("12,5");
    expect(formatNumberInput("25000", de)).toBe("25000");
    expect(formatNumberInput("6250.00", de)).toBe("6250,00");
    expect(formatNumberInput("6250.00", en)).toBe("6250.00");
    expect(formatNumberInput(12.5, en)).toBe("12.5");
    expect(formatNumberInput(null, en)).toBe("");
  });
});

describe("parseDecimal", () => {
  it.each([
    ["12,5", de, 12.5],
    ["25.000", de, 25000],
    ["1.234.567,89", de, 1234567.89],
    ["-3,25", de, -3.25],
    ["12.5", en, 12.5],
    ["25,000", en, 25000],
    ["1,234,567.89", en, 1234567.89],
    ["  7 ", en, 7],
    ["12.5", MACHINE_NUMBERS, 12.5],
  ])("reads %s", (text, signs, value) => {
    expect(parseDecimal(text, signs)).toMatchObject({ ok: true, value });
  });

  it.each([
    ["12.5", de, "wrong_decimal_sign"],
    ["12,5", en, "wrong_decimal_sign"],
    ["12,5", MACHINE_NUMBERS, "wrong_decimal_sign"],
    ["1.2.3", de, "bad_grouping"],
    ["25,00,0", en, "bad_grouping"],
    ["", en, "not_a_number"],
    ["0x10", en, "not_a_number"],
    ["1e3", en, "not_a_number"],
    ["Infinity", en, "not_a_number"],
    ["12 %", en, "not_a_number"],
    ["abc", de, "not_a_number"],
  ])("refuses %s", (text, signs, reason) => {
    expect(parseDecimal(text, signs)).toEqual({ ok: false, reason });
  });
});

describe("a commission rate (percentage)", () => {
  const rate = optionalPercentage(en);
  const rateDe = optionalPercentage(de);

  it.each([
    ["", "empty text"],
    [null, "null"],
    [undefined, "nothing"],
  ])("takes %j (%s) as no rate, not 0", (value, _what) => {
    expect(rate.parse(value)).toBeNull();
  });

  it.each([true, false, [50], { value: 50 }])("refuses %j instead of coercing it", (value) => {
    expect(message(rate.safeParse(value))).toBe("Enter a percentage as a number, like 12.5");
  });

  it("refuses hex instead of reading 0x10 as 16", () => {
    expect(message(rate.safeParse("0x10"))).toBe("Enter a percentage as a number, like 12.5");
    expect(message(rateDe.safeParse("0x10"))).toBe("Enter a percentage as a number, like 12,5");
  });

  it("refuses 99.999 instead of rounding it to 100", () => {
    expect(message(rate.safeParse("99.999"))).toBe("Use at most 2 decimals");
    expect(message(rate.safeParse(99.999))).toBe("Use at most 2 decimals");
    expect(message(rateDe.safeParse("99,999"))).toBe("Use at most 2 decimals");
  });

  it("keeps 0 to 100", () => {
    expect(message(rate.safeParse("100.01"))).toBe("Use a percentage from 0 to 100");
    expect(message(rate.safeParse("-1"))).toBe("Use a percentage from 0 to 100");
    expect(message(rate.safeParse(Number.NaN))).toBe("Enter a percentage as a number, like 12.5");
    expect(rate.parse("0")).toBe(0);
    expect(rate.parse("100")).toBe(100);
    expect(rate.parse(12.25)).toBe(12.25);
  });

  it("reads the org's signs: de-DE 12,5 and en-US 12.5", () => {
    expect(rateDe.parse("12,5")).toBe(12.5);
    expect(rate.parse("12.5")).toBe(12.5);
    expect(message(rateDe.safeParse("12.5"))).toBe('Use "," for decimals, like 12,5');
    expect(message(rate.safeParse("12,5"))).toBe('Use "." for decimals, like 12.5');
  });
});

describe("money", () => {
  it("reads grouped amounts in de-DE and en-US", () => {
    expect(positiveMoney(de).parse("25.000")).toBe(25000);
    expect(positiveMoney(de).parse("1.200,50")).toBe(1200.5);
    expect(positiveMoney(en).parse("25,000")).toBe(25000);
    expect(positiveMoney(en).parse("1,200.50")).toBe(1200.5);
    expect(optionalMoney(de).parse("0")).toBe(0);
    expect(optionalMoney(de).parse("")).toBeNull();
  });

  it("refuses what is not an amount", () => {
    const amount = positiveMoney(en);
    expect(message(amount.safeParse(""))).toBe("Enter an amount");
    expect(message(amount.safeParse("0"))).toBe("The amount must be above 0");
    expect(message(amount.safeParse("-3"))).toBe("The amount must be above 0");
    expect(message(amount.safeParse(true))).toBe("Enter an amount as a number, like 1200.5");
    expect(message(amount.safeParse("10.001"))).toBe("Use at most 2 decimals");
    expect(message(amount.safeParse("1234567890123"))).toBe("Use at most 12 digits before the decimal sign");
    expect(message(optionalMoney(en).safeParse("-1"))).toBe("Use a value of 0 or more");
    expect(message(optionalMoney(de).safeParse("1.5"))).toBe('Use "," for decimals, like 1200,5');
  });
});
