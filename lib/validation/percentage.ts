import { optionalDecimalField, type DecimalRule } from "./decimal";
import { MACHINE_NUMBERS, type NumberSigns } from "./number-signs";

/** A percentage: 0 to 100 with at most two decimals (numeric(5,2)); 99.999 is refused, never rounded. */
export function percentageRule(signs: NumberSigns = MACHINE_NUMBERS): DecimalRule {
  return {
    signs,
    noun: "a percentage",
    example: 12.5,
    min: { value: 0, message: "Use a percentage from 0 to 100" },
    max: { value: 100, message: "Use a percentage from 0 to 100" },
    maxDecimals: 2,
  };
}

export const optionalPercentage = (signs: NumberSigns = MACHINE_NUMBERS) => optionalDecimalField(percentageRule(signs));
