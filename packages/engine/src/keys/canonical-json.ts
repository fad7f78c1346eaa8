/**
 * JSON with object keys sorted at every depth, so equal values always give equal text.
 * `undefined` object members are dropped (as JSON does); values JSON cannot hold
 * (functions, symbols, bigints, NaN, Infinity) throw, because a cache key must never be guessed.
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value)
    case 'boolean':
      return value ? 'true' : 'false'
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`cannot key the number ${value}`)
      return Object.is(value, -0) ? '0' : String(value)
    case 'object':
      if (value === null) return 'null'
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
      return canonicalObject(value as Record<string, unknown>)
    default:
      throw new TypeError(`cannot key a value of type ${typeof value}`)
  }
}

function canonicalObject(value: Record<string, unknown>): string {
  const keys = Object.keys(value).sort()
  let out = '{'
  let first = true
  for (const key of keys) {
    const member = value[key]
    if (member === undefined) continue
    out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(member)}`
    first = false
  }
  return `${out}}`
}
