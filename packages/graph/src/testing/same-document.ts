import { expect } from 'vitest'

/** Every own key path in a JSON tree (`nodes.0.params.x`), so that `{ a: undefined }` differs from `{}`. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return []
  return Object.keys(value).flatMap((key) => [
    `${prefix}${key}`,
    ...keyPaths((value as Record<string, unknown>)[key], `${prefix}${key}.`),
  ])
}

/**
 * Deep equality of two documents, keys included. Not `toStrictEqual`: it compares
 * `.constructor`, which a param named "constructor" turns into an ordinary value.
 */
export function expectSameDocument(actual: unknown, expected: unknown): void {
  expect(actual).toEqual(expected)
  expect(keyPaths(actual).sort()).toEqual(keyPaths(expected).sort())
}
