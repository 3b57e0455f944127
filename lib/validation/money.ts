import { decimalField, optionalDecimalField, type DecimalRule } from "./decimal";
import { MACHINE_NUMBERS, type NumberSigns } from "./number-signs";

// numeric(14, 2): twelve digits before the decimal sign, two after.
const MONEY_INTEGER_DIGITS = 12;

function moneyRule(signs: NumberSigns, min: DecimalRule["min"]): DecimalRule {
  return { signs, noun: "an amount", example: 1200.5, min, maxDecimals: 2, maxIntegerDigits: MONEY_INTEGER_DIGITS };
}

/** A required amount above 0 (a commission). */
export const positiveMoney = (signs: NumberSigns = MACHINE_NUMBERS) =>
  decimalField(
    moneyRule(signs, { value: 0, exclusive: true, message: "The amount must be above 0" }),
    "Enter an amount",
  );

/** An optional amount of 0 or more ("" means none). */
export const optionalMoney = (signs: NumberSigns = MACHINE_NUMBERS) =>
  optionalDecimalField(moneyRule(signs, { value: 0, message: "Use a value of 0 or more" }));
