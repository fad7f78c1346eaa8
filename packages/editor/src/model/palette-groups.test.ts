import type { AnyNodeSpec } from '@shotchain/graph'
import { usdText } from '@shotchain/graph'
import { builtInNodes } from '@shotchain/nodes'
import { describe, expect, it } from 'vitest'
import { paletteEntries, paletteGroups, priceText } from './palette-groups.ts'

const typesOf = (query: string) =>
  paletteEntries(paletteGroups(builtInNodes, query)).map((e) => e.spec.type)

/** Params whose defaults parse to `{}`, or never parse (a required param with no default). */
const params = (parses: boolean) =>
  ({
    safeParse: () => (parses ? { success: true, data: {} } : { success: false }),
  }) as unknown as AnyNodeSpec['params']

function spec(type: string, extra: Partial<AnyNodeSpec> = {}): AnyNodeSpec {
  return {
    type,
    version: 1,
    title: type,
    inputs: {},
    outputs: {},
    params: params(true),
    run: async () => ({}),
    ...extra,
  }
}

describe('paletteGroups', () => {
  it('with no query lists image, edit, video and audio models first, then the rest, every type once', () => {
    const groups = paletteGroups(builtInNodes, '')
    expect(groups.map((g) => g.heading).slice(0, 4)).toEqual(['Image', 'Edit', 'Video', 'Audio'])
    expect(groups.slice(4).map((g) => g.heading)).toEqual(['Sources', 'Outputs'])
    expect(groups[0]?.entries.map((e) => e.spec.type)).toContain('fal:fal-ai/flux/schnell')
    expect(typesOf('').sort()).toEqual(builtInNodes.map((s) => s.type).sort())
  })

  it('finds a model by a word of its endpoint id and prices it for its defaults', () => {
    const groups = paletteGroups(builtInNodes, 'schnell')
    expect(groups).toHaveLength(1)
    expect(groups[0]?.heading).toBe('Image')
    expect(groups[0]?.entries).toEqual([expect.objectContaining({ price: '$0.003' })])
    expect(groups[0]?.entries[0]?.spec.type).toBe('fal:fal-ai/flux/schnell')
  })

  it('puts the node whose title matches before models that only mention the word', () => {
    expect(typesOf('prompt')[0]).toBe('prompt')
    expect(typesOf('image')[0]).toBe('image-source')
    expect(typesOf('kling').slice(0, 2)).toEqual([
      'kling-o1-i2v',
      'fal:fal-ai/kling-video/v2.5-turbo/pro/image-to-video',
    ])
    expect(typesOf('v2.5-turbo')).toEqual(['fal:fal-ai/kling-video/v2.5-turbo/pro/image-to-video'])
  })

  it('lists a type with no category last, under Other', () => {
    const groups = paletteGroups([spec('loose'), spec('clip', { category: 'video' })], '')
    expect(groups.map((g) => g.heading)).toEqual(['Video', 'Other'])
  })

  it('finds nothing when a word is in no field', () => {
    expect(paletteGroups(builtInNodes, 'schnell zebra')).toEqual([])
  })
})

describe('priceText', () => {
  it('shows nothing for a free type and the Kling price for its defaults', () => {
    const kling = builtInNodes.find((s) => s.type === 'kling-o1-i2v')
    expect(priceText(spec('free'))).toBeUndefined()
    expect(kling && priceText(kling)).toBe('$0.42')
  })

  it('says the price is unknown when the defaults do not parse or cost cannot say', () => {
    const needsName = spec('named', { params: params(false), cost: () => 1 })
    expect(priceText(needsName)).toBe('price unknown')
    expect(priceText(spec('unpriced', { cost: () => undefined }))).toBe('price unknown')
  })

  it('keeps the digits of a price under a cent', () => {
    expect(usdText(0.003)).toBe('$0.003')
    expect(usdText(0.025)).toBe('$0.025')
    expect(usdText(0.42)).toBe('$0.42')
    expect(usdText(1.193)).toBe('$1.19')
    expect(usdText(1.2)).toBe('$1.20')
    expect(usdText(0)).toBe('$0.00')
  })
})
