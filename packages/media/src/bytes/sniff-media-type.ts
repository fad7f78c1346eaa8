import { hasAsciiAt, hasBytesAt } from './probe-image-bytes.ts'

/** The media types Shotchain moves around. */
export type SniffedMediaType =
  | 'image/png'
  | 'image/jpeg'
  | 'image/webp'
  | 'image/gif'
  | 'video/mp4'
  | 'audio/mpeg'
  | 'audio/wav'
  | 'audio/mp4'

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

// ISO-BMFF brands of audio-only MP4 (iTunes' M4A, audiobooks). Any other MP4 brand stays video:
// an audio-only file with a generic brand (`isom`) is told apart by probing, not by its bytes.
const AUDIO_MP4_BRANDS = new Set(['M4A ', 'M4B '])

/**
 * Tells the media type from a file's first bytes (its magic numbers), whatever its name or the
 * server's Content-Type say. Returns `undefined` for anything else; never throws. 12 bytes suffice.
 */
export function sniffMediaType(bytes: Uint8Array): SniffedMediaType | undefined {
  if (hasBytesAt(bytes, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (hasBytesAt(bytes, 0, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (hasAsciiAt(bytes, 0, 'GIF87a') || hasAsciiAt(bytes, 0, 'GIF89a')) return 'image/gif'
  if (hasAsciiAt(bytes, 0, 'RIFF') && hasAsciiAt(bytes, 8, 'WEBP')) return 'image/webp'
  if (hasAsciiAt(bytes, 0, 'RIFF') && hasAsciiAt(bytes, 8, 'WAVE')) return 'audio/wav'
  if (hasAsciiAt(bytes, 0, 'ID3') || isMp3FrameHeader(bytes)) return 'audio/mpeg'
  if (hasAsciiAt(bytes, 4, 'ftyp') && bytes.length >= 12) {
    const brand = String.fromCharCode(...bytes.subarray(8, 12))
    if (AUDIO_MP4_BRANDS.has(brand)) return 'audio/mp4'
    return NOT_MP4_BRANDS.has(brand) ? undefined : 'video/mp4'
  }
  return undefined
}

/**
 * An MPEG audio frame header without an ID3 tag: 11 sync bits, then a version, layer, bitrate and
 * sample rate that are not the reserved values (which also keeps AAC's ADTS, layer 0, out).
 */
function isMp3FrameHeader(bytes: Uint8Array): boolean {
  const [sync = 0, b1 = 0, b2 = 0] = bytes
  if (bytes.length < 3 || sync !== 0xff || (b1 & 0xe0) !== 0xe0) return false
  const version = (b1 >> 3) & 0b11
  const layer = (b1 >> 1) & 0b11
  const bitrate = b2 >> 4
  const sampleRate = (b2 >> 2) & 0b11
  return version !== 0b01 && layer !== 0b00 && bitrate !== 0b1111 && sampleRate !== 0b11
}
