/** Format and pixel size of an image, read from its first bytes. */
export interface ImageHeader {
  readonly format: 'png' | 'jpeg' | 'webp' | 'gif'
  readonly width: number
  readonly height: number
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/** Whether `bytes` holds `expected` starting at `offset`. */
export function hasBytesAt(
  bytes: Uint8Array,
  offset: number,
  expected: readonly number[],
): boolean {
  if (bytes.length < offset + expected.length) return false
  return expected.every((value, i) => bytes[offset + i] === value)
}

/** Whether `bytes` holds the ASCII text `text` starting at `offset`. */
export function hasAsciiAt(bytes: Uint8Array, offset: number, text: string): boolean {
  return hasBytesAt(
    bytes,
    offset,
    Array.from(text, (c) => c.charCodeAt(0)),
  )
}

function u16be(b: Uint8Array, i: number): number {
  return ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0)
}
function u16le(b: Uint8Array, i: number): number {
  return (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8)
}
function u24le(b: Uint8Array, i: number): number {
  return u16le(b, i) | ((b[i + 2] ?? 0) << 16)
}
function u32be(b: Uint8Array, i: number): number {
  return u16be(b, i) * 0x10000 + u16be(b, i + 2)
}

function sized(format: ImageHeader['format'], width: number, height: number) {
  return width > 0 && height > 0 ? { format, width, height } : undefined
}

function readPng(b: Uint8Array): ImageHeader | undefined {
  // Signature, then the IHDR chunk: length 13, "IHDR", width, height (big-endian).
  if (b.length < 24 || !hasAsciiAt(b, 12, 'IHDR')) return undefined
  return sized('png', u32be(b, 16), u32be(b, 20))
}

function readGif(b: Uint8Array): ImageHeader | undefined {
  // "GIF87a"/"GIF89a", then the logical screen width and height (little-endian).
  if (b.length < 10) return undefined
  return sized('gif', u16le(b, 6), u16le(b, 8))
}

function readWebp(b: Uint8Array): ImageHeader | undefined {
  // RIFF container; the first chunk after "WEBP" says which bitstream follows.
  if (hasAsciiAt(b, 12, 'VP8 ')) {
    // Lossy: 3-byte frame tag, start code 9d 01 2a, then 14-bit width and height.
    if (!hasBytesAt(b, 23, [0x9d, 0x01, 0x2a]) || b.length < 30) return undefined
    return sized('webp', u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff)
  }
  if (hasAsciiAt(b, 12, 'VP8L')) {
    // Lossless: signature 0x2f, then width-1 and height-1 in 14 bits each.
    if (b[20] !== 0x2f || b.length < 25) return undefined
    const bits = u16le(b, 21) | (u16le(b, 23) << 16)
    return sized('webp', (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1)
  }
  if (hasAsciiAt(b, 12, 'VP8X')) {
    // Extended: flags and reserved bytes, then canvas width-1 and height-1 in 24 bits each.
    if (b.length < 30) return undefined
    return sized('webp', u24le(b, 24) + 1, u24le(b, 27) + 1)
  }
  return undefined
}

// Start-of-frame markers: baseline, extended, progressive, lossless, and their arithmetic forms.
// 0xc4 (DHT), 0xc8 (JPG) and 0xcc (DAC) share the range but are not frame headers.
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc
}

function readJpeg(b: Uint8Array): ImageHeader | undefined {
  let i = 2
  while (i < b.length) {
    if (b[i] !== 0xff) return undefined
    // Any number of 0xff fill bytes may precede a marker.
    while (b[i] === 0xff) i++
    const marker = b[i]
    if (marker === undefined) return undefined
    i++
    // Markers without a length: TEM, RST0-7, SOI; EOI or SOS before a frame header means none.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) continue
    if (marker === 0xd9 || marker === 0xda) return undefined
    if (i + 2 > b.length) return undefined
    const length = u16be(b, i)
    if (length < 2) return undefined
    if (isStartOfFrame(marker)) {
      // Length, sample precision, then height and width (big-endian).
      if (length < 7 || i + 7 > b.length) return undefined
      return sized('jpeg', u16be(b, i + 5), u16be(b, i + 3))
    }
    i += length
  }
  return undefined
}

/**
 * Reads an image's format and pixel size from its header alone (PNG IHDR, JPEG start-of-frame
 * including progressive, WebP VP8/VP8L/VP8X, GIF), so a caller can check a remote image from its
 * first bytes. Never throws: returns `undefined` for anything else, truncated headers included.
 * JPEG needs the bytes up to its frame header, which EXIF data can push past the first 64 KiB.
 *
 * @example
 * probeImageBytes(firstBytes) // → { format: 'png', width: 1280, height: 720 }
 */
export function probeImageBytes(bytes: Uint8Array): ImageHeader | undefined {
  if (hasBytesAt(bytes, 0, PNG_SIGNATURE)) return readPng(bytes)
  if (hasBytesAt(bytes, 0, [0xff, 0xd8, 0xff])) return readJpeg(bytes)
  if (hasAsciiAt(bytes, 0, 'GIF87a') || hasAsciiAt(bytes, 0, 'GIF89a')) return readGif(bytes)
  if (hasAsciiAt(bytes, 0, 'RIFF') && hasAsciiAt(bytes, 8, 'WEBP')) return readWebp(bytes)
  return undefined
}
