import { deflateSync } from 'node:zlib'

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'ascii')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}

/** What {@link makePng} paints: a diagonal gradient of `hue`, or random noise (incompressible). */
export interface PngOptions {
  readonly hue?: 'red' | 'green' | 'blue'
  readonly noise?: boolean
  /** Darkens every other square of this many pixels, so motion shows; none when left out. */
  readonly checker?: number
}

/**
 * Encodes an RGB PNG of `width`×`height` in memory — test inputs made at test time, so nothing
 * binary is committed and no ffmpeg run is needed just to draw a picture.
 */
export function makePng(width: number, height: number, options: PngOptions = {}): Buffer {
  const channel = { red: 0, green: 1, blue: 2 }[options.hue ?? 'red']
  const rows = Buffer.alloc((width * 3 + 1) * height)
  let seed = 12345
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1)
    for (let x = 0; x < width; x++) {
      const at = row + 1 + x * 3
      for (let c = 0; c < 3; c++) {
        if (options.noise) {
          seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
          rows[at + c] = seed >>> 24
        } else {
          const ramp = Math.round((255 * (x + y)) / (width + height))
          const value = c === channel ? 255 - ramp / 2 : ramp / 3
          const cell = options.checker ?? 0
          const dark = cell > 0 && (Math.floor(x / cell) + Math.floor(y / cell)) % 2 === 1
          rows[at + c] = dark ? value / 3 : value
        }
      }
    }
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  const level = options.noise ? 0 : 6
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level })),
    chunk('IEND', new Uint8Array()),
  ])
}
