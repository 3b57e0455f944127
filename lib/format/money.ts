/** Money in the org's currency. Amounts arrive from Postgres numerics as numbers or strings. */
export function formatMoney(
  amount: number | string | null | undefined,
  currency: string,
  options: { compact?: boolean } = {},
): string {
  const value = typeof amount === "string" ? Number(amount) : (amount ?? 0);
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency,
    notation: options.compact ? "compact" : "standard",
    maximumFractionDigits: options.compact ? 1 : 2,
  }).format(Number.isFinite(value) ? value : 0);
}
