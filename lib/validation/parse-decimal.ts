import type { NumberSigns } from "./number-signs";

export type ParsedDecimal =
  | { ok: true; value: number; decimals: number; integerDigits: number }
  | { ok: false; reason: "not_a_number" | "wrong_decimal_sign" | "bad_grouping" };

// Spaces a person may type where the locale groups with a (narrow) no-break space.
const SPACES = /[\s\u00a0\u202f]/g;
const SPACE = /^[\s\u00a0\u202f]$/;
const MINUS = /^[-\u2212]/;

function escape(sign: string): string {
  return sign.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Reads a decimal number as typed in a locale: "12,5" and "25.000" in de-DE, "12.5" and
 * "25,000" in en-US. Only digits, one decimal sign, the locale's grouping sign in groups
 * of three (two before the last group, as Indian locales write), and a leading minus:
 * hex, exponents, "Infinity" and empty text are not numbers.
 */
export function parseDecimal(text: string, signs: NumberSigns): ParsedDecimal {
  let value = text.trim();
  const negative = MINUS.test(value);
  if (negative) value = value.slice(1);
  const group = signs.group && SPACE.test(signs.group) ? " " : signs.group;
  if (group === " ") value = value.replace(SPACES, " ");
  else if (group === "\u2019") value = value.replace(/'/g, "\u2019");
  if (value === "") return { ok: false, reason: "not_a_number" };

  const decimalAt = value.lastIndexOf(signs.decimal);
  const whole = decimalAt === -1 ? value : value.slice(0, decimalAt);
  const fraction = decimalAt === -1 ? "" : value.slice(decimalAt + signs.decimal.length);
  if (decimalAt !== -1 && !/^\d+$/.test(fraction)) return { ok: false, reason: "not_a_number" };

  let digits = whole;
  if (/^\d*$/.test(whole)) {
    if (whole === "" && fraction === "") return { ok: false, reason: "not_a_number" };
  } else if (group && new RegExp(`^\\d{1,3}(${escape(group)}\\d{2,3})*${escape(group)}\\d{3}$`).test(whole)) {
    digits = whole.split(group).join("");
  } else if (/^[\d.,'\u2019 ]+$/.test(whole) && /\d/.test(whole)) {
    // Digits with the wrong signs: someone used the other decimal mark, or grouped oddly.
    const other = signs.decimal === "," ? "." : ",";
    const looksDecimal = decimalAt === -1 && new RegExp(`^\\d+${escape(other)}\\d+$`).test(whole);
    return { ok: false, reason: looksDecimal ? "wrong_decimal_sign" : "bad_grouping" };
  } else {
    return { ok: false, reason: "not_a_number" };
  }

  const canonical = `${negative ? "-" : ""}${digits || "0"}${fraction ? `.${fraction}` : ""}`;
  const number = Number(canonical);
  if (!Number.isFinite(number)) return { ok: false, reason: "not_a_number" };
  return {
    ok: true,
    value: number === 0 ? 0 : number,
    decimals: fraction.length,
    integerDigits: digits.replace(/^0+(?=\d)/, "").length,
  };
}

/** Decimals of a number that arrived as a JSON number (0.1 + 0.2 style noise ignored). */
export function decimalsOf(value: number): number {
  for (let decimals = 0; decimals <= 15; decimals++) {
    const scaled = value * 10 ** decimals;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-7 * Math.max(1, Math.abs(scaled) / 1e8)) return decimals;
  }
  return 16;
}
