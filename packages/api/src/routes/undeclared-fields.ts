/**
 * The paths of fields in `raw` that `parsed` (what a zod schema made of it) dropped: the fields
 * a schema does not declare. Loose objects keep their fields, so nothing under them is reported.
 * @example
 * undeclaredFields({ a: 1, b: { c: 2, d: 3 } }, { a: 1, b: { c: 2 } }) // → ['b.d']
 * @internal
 */
export function undeclaredFields(raw: unknown, parsed: unknown, at = ''): string[] {
  const join = (key: string | number) => (at === '' ? String(key) : `${at}.${key}`)
  if (Array.isArray(raw) && Array.isArray(parsed)) {
    return raw.flatMap((item, i) => undeclaredFields(item, parsed[i], join(i)))
  }
  if (!isRecord(raw) || !isRecord(parsed)) return []
  return Object.keys(raw).flatMap((key) =>
    key in parsed ? undeclaredFields(raw[key], parsed[key], join(key)) : [join(key)],
  )
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
