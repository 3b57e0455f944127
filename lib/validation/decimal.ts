import { z } from "zod";
import { formatNumberInput, type NumberSigns } from "./number-signs";
import { decimalsOf, parseDecimal } from "./parse-decimal";

export type DecimalRule = {
  signs: NumberSigns;
  /** What the field asks for, in the sentence "Enter …" ("a percentage", "an amount"). */
  noun: string;
  /** An example written in the locale when the text is not a number (12.5 → "12,5" in de-DE). */
  example: number;
  min?: { value: number; exclusive?: boolean; message: string };
  max?: { value: number; message: string };
  maxDecimals: number;
  maxIntegerDigits?: number;
};

function typed(rule: DecimalRule) {
  return formatNumberInput(rule.example, rule.signs);
}

/** Checks one value against the rule: a message, or the number. Only strings and finite numbers are numbers. */
export function checkDecimal(
  value: unknown,
  rule: DecimalRule,
): { ok: true; value: number } | { ok: false; message: string } {
  const notANumber = `Enter ${rule.noun} as a number, like ${typed(rule)}`;
  let number: number;
  let decimals: number;
  let integerDigits: number;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { ok: false, message: notANumber };
    number = value;
    decimals = decimalsOf(value);
    integerDigits = Math.trunc(Math.abs(value)).toString().length;
  } else if (typeof value === "string") {
    const parsed = parseDecimal(value, rule.signs);
    if (!parsed.ok) {
      if (parsed.reason === "wrong_decimal_sign")
        return { ok: false, message: `Use "${rule.signs.decimal}" for decimals, like ${typed(rule)}` };
      if (parsed.reason === "bad_grouping" && rule.signs.group)
        return {
          ok: false,
          message: `Use "${rule.signs.decimal}" for decimals; "${rule.signs.group}" only between groups of three digits`,
        };
      return { ok: false, message: notANumber };
    }
    ({ value: number, decimals, integerDigits } = parsed);
  } else {
    return { ok: false, message: notANumber };
  }
  const { min, max } = rule;
  if (min && (min.exclusive ? number <= min.value : number < min.value)) return { ok: false, message: min.message };
  if (max && number > max.value) return { ok: false, message: max.message };
  if (decimals > rule.maxDecimals)
    return {
      ok: false,
      message:
        rule.maxDecimals === 0
          ? "Use a whole number"
          : `Use at most ${rule.maxDecimals} decimal${rule.maxDecimals === 1 ? "" : "s"}`,
    };
  if (rule.maxIntegerDigits !== undefined && integerDigits > rule.maxIntegerDigits)
    return { ok: false, message: `Use at most ${rule.maxIntegerDigits} digits before the decimal sign` };
  return { ok: true, value: number };
}

// Problems are reported in superRefine, not in the transform: an issue raised inside a transform
// aborts the object, so its cross-field rules ("closed after referred") would stay silent.
function valueOf(value: string | number, rule: DecimalRule): number {
  const checked = checkDecimal(value, rule);
  return checked.ok ? checked.value : Number.NaN;
}

/** A required decimal number: a string typed in the locale or a JSON number, never a boolean, array or "". */
export function decimalField(rule: DecimalRule, required: string) {
  return z
    .union([z.string(), z.number()], { error: `Enter ${rule.noun} as a number, like ${typed(rule)}` })
    .superRefine((value, ctx) => {
      if (typeof value === "string" && value.trim() === "") ctx.addIssue({ code: "custom", message: required });
      else {
        const checked = checkDecimal(value, rule);
        if (!checked.ok) ctx.addIssue({ code: "custom", message: checked.message });
      }
    })
    .transform((value) => valueOf(value, rule));
}

const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === "string" && value.trim() === "");

/** The same, where an empty field (or null) means none. */
export function optionalDecimalField(rule: DecimalRule) {
  return z
    .union([z.string(), z.number(), z.null()], { error: `Enter ${rule.noun} as a number, like ${typed(rule)}` })
    .optional()
    .superRefine((value, ctx) => {
      if (isBlank(value)) return;
      const checked = checkDecimal(value, rule);
      if (!checked.ok) ctx.addIssue({ code: "custom", message: checked.message });
    })
    .transform((value): number | null => (isBlank(value) ? null : valueOf(value as string | number, rule)));
}
