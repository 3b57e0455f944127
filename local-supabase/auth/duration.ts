/** Go's time.ParseDuration, for `ban_duration` ("876000h", "1h30m", "none" is handled by callers) and `max_frequency`. */
const UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

export function parseGoDuration(input: string): number {
  const invalid = () => new Error(`time: invalid duration ${JSON.stringify(input)}`);
  let rest = input;
  let sign = 1;
  if (rest.startsWith("-") || rest.startsWith("+")) {
    sign = rest.startsWith("-") ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === "0") return 0;
  if (rest === "") throw invalid();
  let total = 0;
  while (rest !== "") {
    const number = /^(\d*\.?\d*)/.exec(rest)![1]!;
    if (number === "" || number === ".") throw invalid();
    rest = rest.slice(number.length);
    const unit = /^([^\d.]*)/.exec(rest)![1]!;
    if (unit === "") throw new Error(`time: missing unit in duration ${JSON.stringify(input)}`);
    const factor = UNITS[unit];
    if (factor === undefined)
      throw new Error(`time: unknown unit ${JSON.stringify(unit)} in duration ${JSON.stringify(input)}`);
    rest = rest.slice(unit.length);
    total += Number(number) * factor;
  }
  return sign * total;
}
