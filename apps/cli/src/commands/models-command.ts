import { catalogModels, type PriceRule, searchModels } from '@shotchain/fal-catalog'
import type { ModelsArgs } from '../cli-args.ts'
import { type CliIo, EXIT } from '../cli-io.ts'

/**
 * `shotchain models [TEXT]`: the bundled fal catalog, a line per model (kind, endpoint id, price
 * per unit, title), or those whose id, name, kind or description hold every word of TEXT.
 * Offline: the catalog ships with Shotchain. Exits 1 when nothing matches.
 */
export function modelsCommand(args: ModelsArgs, io: CliIo): number {
  const found = searchModels(catalogModels(), args.text)
  if (found.length === 0) {
    io.err(`shotchain: no model in the catalog matches "${args.text}"`)
    io.err('Any other fal endpoint can be added by its id in the app when FAL_KEY is set.')
    return EXIT.failed
  }
  const rows = found.map((m) => [m.kind, m.endpointId, priceText(m.price), m.title])
  const widths = [0, 1, 2].map((k) => Math.max(...rows.map((r) => (r[k] ?? '').length)))
  const line = (row: readonly string[]) =>
    row.map((cell, k) => (k < 3 ? cell.padEnd(widths[k] ?? 0) : cell)).join('  ')
  for (const row of rows) io.out(line(row))
  return EXIT.ok
}

/** `$0.084/s`, `$0.003/MP`, `$0.04/image`; rates that depend on params say "from". */
export function priceText(price: PriceRule | undefined): string {
  if (price === undefined) return 'price unknown'
  const usd = `$${price.usd.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 4 })}`
  if (price.unit === 'second') return `${price.rates ? 'from ' : ''}${usd}/s`
  return price.unit === 'megapixel' ? `${usd}/MP` : `${usd}/image`
}
