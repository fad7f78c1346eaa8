/**
 * Dollars for a person: to the cent (`$0.42`, `$1.19`), but a price under ten cents keeps up to
 * four digits (`$0.003` for a FLUX schnell image, `$0.025` a megapixel of FLUX dev, `$0.084` a
 * second of Kling) so a unit price never reads rounded or free.
 * @public
 */
export function usdText(usd: number): string {
  const digits = usd > 0 && usd < 0.1 ? 4 : 2
  return `$${usd.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: digits })}`
}
