/**
 * Dollars for a person: to the cent (`$0.42`), but a price under a cent keeps its digits
 * (`$0.003` for one FLUX schnell image) so it never reads as free.
 */
export function usdText(usd: number): string {
  const digits = usd > 0 && usd < 0.01 ? 4 : 2
  return `$${usd.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: digits })}`
}
