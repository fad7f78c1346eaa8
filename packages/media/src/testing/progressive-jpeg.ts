/**
 * Encodes a real progressive JPEG (SOF2) of a flat mid-grey picture: one component, a DC scan in
 * which every block's DC difference is 0, then an AC scan (coefficients 1–63) in which every block
 * is empty. ffmpeg has no progressive JPEG encoder, and this is small enough to write by hand;
 * tests decode it with ffmpeg to prove it is valid.
 */
export function progressiveJpeg(width: number, height: number): Uint8Array {
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8)
  const segment = (marker: number, body: number[]) => [
    0xff,
    marker,
    (body.length + 2) >> 8,
    (body.length + 2) & 0xff,
    ...body,
  ]
  const jfif = [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]
  const quant = [0, ...new Array<number>(64).fill(1)]
  const frame = [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]
  // A one-bit code ("0") for symbol 0: DC difference category 0, or AC end-of-block.
  const oneCode = [1, ...new Array<number>(15).fill(0), 0]
  const huffman = [0x00, ...oneCode, 0x10, ...oneCode]
  // One "0" bit per block; the last partial byte is padded with 1-bits, as the standard asks.
  const data = new Array<number>(Math.floor(blocks / 8)).fill(0)
  if (blocks % 8 !== 0) data.push((1 << (8 - (blocks % 8))) - 1)
  return Uint8Array.from([
    0xff,
    0xd8,
    ...segment(0xe0, jfif),
    ...segment(0xdb, quant),
    ...segment(0xc2, frame),
    ...segment(0xc4, huffman),
    ...segment(0xda, [1, 1, 0x00, 0, 0, 0x00]),
    ...data,
    ...segment(0xda, [1, 1, 0x00, 1, 63, 0x00]),
    ...data,
    0xff,
    0xd9,
  ])
}
