import type { FalModel, ModelField, PriceRule } from '../model/fal-model.ts'

/** fal's `image_size` presets in pixels (fal's docs name them; sizes as fal's runners make them). */
export const IMAGE_SIZE_PRESETS: Readonly<Record<string, readonly [number, number]>> = {
  square_hd: [1024, 1024],
  square: [512, 512],
  portrait_4_3: [768, 1024],
  portrait_16_9: [576, 1024],
  landscape_4_3: [1024, 768],
  landscape_16_9: [1024, 576],
}

/** Params as they go on the wire, keyed by fal's field names. */
export type WireParams = Readonly<Record<string, unknown>>

/**
 * What one request with these params costs in US dollars, rounded to whole micro-dollars;
 * undefined when the catalog does not know the endpoint's price. Missing params take the
 * schema's defaults, as fal would.
 */
export function priceOf(model: FalModel, params: WireParams): number | undefined {
  const rule = model.price
  if (rule === undefined) return undefined
  const value = (name: string) => params[name] ?? defaultOf(model.inputs, name)
  const usd = unitsOf(rule, value) * rateOf(rule, value)
  return Math.round(usd * 1e6) / 1e6
}

/** How many of the rule's units one request is billed. */
export function unitsOf(rule: PriceRule, value: (name: string) => unknown): number {
  switch (rule.unit) {
    case 'second':
      return secondsOf(value(rule.seconds))
    case 'image':
      return countOf(rule.count === undefined ? 1 : value(rule.count))
    case 'megapixel': {
      const [width, height] = pixelsOf(value(rule.size))
      return megapixels(width, height) * countOf(rule.count === undefined ? 1 : value(rule.count))
    }
  }
}

/** Whole megapixels billed for one image: 1 MP = 1024 × 1024 px, rounded up. */
export function megapixels(width: number, height: number): number {
  return Math.max(1, Math.ceil((width * height) / (1024 * 1024)))
}

function rateOf(rule: PriceRule, value: (name: string) => unknown): number {
  if (rule.unit !== 'second' || rule.rates === undefined) return rule.usd
  const match = rule.rates.find((rate) =>
    Object.entries(rate.when).every(([name, wanted]) => value(name) === wanted),
  )
  return match?.usd ?? rule.usd
}

/** Seconds from a duration value: `5`, `"5"` or `"4s"`. NaN when it is none of those. */
export function secondsOf(duration: unknown): number {
  if (typeof duration === 'number') return duration
  if (typeof duration === 'string') return Number(duration.replace(/s$/, ''))
  return Number.NaN
}

function countOf(count: unknown): number {
  return typeof count === 'number' && count >= 1 ? Math.floor(count) : 1
}

/** `image_size` as pixels: a preset name or `{width, height}`; fal's default when unreadable. */
export function pixelsOf(size: unknown): readonly [number, number] {
  if (typeof size === 'string') return IMAGE_SIZE_PRESETS[size] ?? [1024, 768]
  const { width, height } = (size ?? {}) as { width?: unknown; height?: unknown }
  if (typeof width === 'number' && typeof height === 'number') return [width, height]
  return [1024, 768]
}

function defaultOf(fields: readonly ModelField[], name: string): unknown {
  return fields.find((f) => f.name === name)?.default
}
