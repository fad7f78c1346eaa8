import { hasAsciiAt, hasBytesAt } from './probe-image-bytes.ts'

/** The media types Shotchain moves around. */
export type SniffedMediaType = 'image/png' | 'image/jpeg' | 'image/webp' | 'image/gif' | 'video/mp4'

// ISO-BMFF brands that are still images or QuickTime rather than MP4 video.
const NOT_MP4_BRANDS = new Set([
  'avif',
  'avis',
  'heic',
  'heix',
  'heim',
  'heis',
  'hevc',
  'hevx',
  'mif1',
  'msf1',
  'qt  ',
])

/**
 * Tells the media type from a file's first bytes (its magic numbers), whatever its name or the
 * server's Content-Type say. Returns `undefined` for anything else; never throws. 12 bytes suffice.
 */
export function sniffMediaType(bytes: Uint8Array): SniffedMediaType | undefined {
  if (hasBytesAt(bytes, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (hasBytesAt(bytes, 0, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (hasAsciiAt(bytes, 0, 'GIF87a') || hasAsciiAt(bytes, 0, 'GIF89a')) return 'image/gif'
  if (hasAsciiAt(bytes, 0, 'RIFF') && hasAsciiAt(bytes, 8, 'WEBP')) return 'image/webp'
  if (hasAsciiAt(bytes, 4, 'ftyp') && bytes.length >= 12) {
    const brand = String.fromCharCode(...bytes.subarray(8, 12))
    return NOT_MP4_BRANDS.has(brand) ? undefined : 'video/mp4'
  }
  return undefined
}
