/**
 * The work of a bench node, shared by both engines so they compute the same values: a small
 * string derived from the node's param and its input values (missing inputs count as empty).
 */
export function noopValue(n: number, inputs: readonly unknown[]): string {
  let sum = n
  for (const value of inputs)
    if (typeof value === 'string') sum += value.length + value.charCodeAt(0)
  return String(sum % 9973)
}
