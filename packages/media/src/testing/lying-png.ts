import { crc32 } from 'node:zlib'

/**
 * A tiny PNG whose header claims `width`×`height` but holds one row of data: the file a
 * header-only check takes for a huge, valid image (≈ 70 bytes for 100000×100000).
 */
export function lyingPng(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: number[]) => {
    const body = Buffer.from([...Buffer.from(type, 'ascii'), ...data])
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr.set([8, 2, 0, 0, 0], 8) // 8-bit RGB, deflate, no filter method, no interlace
  // A zlib stream of one empty stored block: far fewer bytes than the claimed rows need.
  const idat = [0x78, 0x01, 0x01, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00, 0x00, 0x01]
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', [...ihdr]),
      chunk('IDAT', idat),
      chunk('IEND', []),
    ]),
  )
}
