/**
 * A count and its noun for a person, with the plural right: `countText(1, 'shot')` is "1 shot",
 * `countText(3, 'shot')` is "3 shots", `countText(0, 'shot')` is "0 shots". A noun whose plural
 * is not the noun plus "s" takes it as `plural`: `countText(2, 'property', 'properties')`.
 * @public
 */
export function countText(count: number, noun: string, plural = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : plural}`
}
