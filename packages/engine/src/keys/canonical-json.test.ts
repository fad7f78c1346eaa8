import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalJson } from './canonical-json.ts'

function shuffleKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shuffleKeys)
  if (typeof value !== 'object' || value === null) return value
  const entries = Object.entries(value).reverse()
  return Object.fromEntries(entries.map(([k, v]) => [k, shuffleKeys(v)]))
}

describe('canonicalJson', () => {
  it('gives the same text whatever the key order, and parses back to the value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value)
        expect(canonicalJson(shuffleKeys(value))).toBe(text)
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)))
      }),
    )
  })

  it('refuses values JSON cannot hold rather than guess a key', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/NaN/)
    expect(() => canonicalJson([() => 1])).toThrow(/function/)
    expect(canonicalJson({ b: undefined, a: -0 })).toBe('{"a":0}')
  })
})
