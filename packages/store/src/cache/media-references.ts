import { isMediaHash } from '../media/media-hash.ts'

const MEDIA_KINDS = new Set<unknown>(['image', 'video', 'audio'])

/**
 * The hashes of every media value (an object with `kind` 'image', 'video' or 'audio' and a 64-hex
 * `hash`, like `MediaRef` in @shotchain/nodes) anywhere inside a node's outputs, nested or in lists.
 */
export function findMediaHashes(value: unknown, found: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) findMediaHashes(item, found)
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>
    if (MEDIA_KINDS.has(record.kind) && isMediaHash(record.hash)) found.add(record.hash)
    for (const child of Object.values(record)) findMediaHashes(child, found)
  }
  return found
}
