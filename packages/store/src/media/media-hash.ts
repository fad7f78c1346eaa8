import { storeError } from '../db/store-error.ts'

const SHA256_HEX = /^[0-9a-f]{64}$/

/** Whether `value` is a media hash: 64 lowercase hex digits (a SHA-256). */
export function isMediaHash(value: unknown): value is string {
  return typeof value === 'string' && SHA256_HEX.test(value)
}

/** Throws a `validation` error unless `hash` is a media hash, so no path can be built from it. */
export function assertMediaHash(hash: string): void {
  if (!isMediaHash(hash))
    throw storeError(
      'validation',
      `media: "${String(hash).slice(0, 80)}" is not a SHA-256 hex hash`,
      {
        field: 'hash',
      },
    )
}
