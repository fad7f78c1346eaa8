/** Whether `value` is a plain object (`{}` or `Object.create(null)`), not an array or class instance. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/** A short description of a value for messages: `a list`, `the text "abc"`, `NaN`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  switch (typeof value) {
    case 'string':
      return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`
    case 'number':
    case 'boolean':
      return String(value)
    case 'undefined':
      return 'nothing'
    case 'object':
      return isPlainObject(value) ? 'an object' : describeObject(value)
    default:
      return `a ${typeof value}`
  }
}

/** What kind of object `value` is, for messages: `a Date`, `a Map`. */
export function describeObject(value: object): string {
  // Not `constructor.name`: data may carry a field called `constructor`.
  const tag = Object.prototype.toString.call(value).slice(8, -1)
  return `a ${tag === 'Object' ? 'class instance' : tag}`
}
