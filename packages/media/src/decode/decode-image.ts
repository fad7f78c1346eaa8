import { open } from 'node:fs/promises'
import { basename } from 'node:path'
import { type ImageHeader, probeImageBytes } from '../bytes/probe-image-bytes.ts'
import { assertInputFile } from '../files/media-files.ts'
import { runTool, stderrTail } from '../process/run-tool.ts'

/** The most pixels an image may have to be decoded (40 MP, e.g. 8000×5000), unless told otherwise. */
export const DEFAULT_MAX_IMAGE_PIXELS = 40_000_000

/** How much of the file is read for its header before the whole (≤ 10 MB) is tried. */
const HEADER_BYTES = 64 * 1024
/** The largest file whose header is looked for past the first bytes (fal's image limit). */
const WHOLE_FILE_BYTES = 10 * 1024 * 1024

/** The outcome of decoding an image: its real size, or a problem said for a person. */
export type ImageDecodeResult =
  | { readonly ok: true; readonly image: ImageHeader }
  | {
      readonly ok: false
      /** E.g. `is cut short or damaged (…)`; reads after "the image". */
      readonly problem: string
      /** The header, when there was one (a decoding failure of a real header). */
      readonly header?: ImageHeader
    }

/** Options of {@link decodeImage}. */
export interface DecodeImageOptions {
  /** The pixel cap; default {@link DEFAULT_MAX_IMAGE_PIXELS}. */
  readonly maxPixels?: number
  readonly signal?: AbortSignal | undefined
}

/**
 * Decodes an image file for real — not just its header — so an image that would be refused after
 * it was paid for is refused before. In order: the header (PNG, JPEG, WebP, GIF) must be there;
 * its pixel count must be within `maxPixels` (checked before decoding, so a 74-byte file that
 * claims 100000×100000 costs nothing); then ffprobe decodes every frame in a child process (the
 * event loop stays free, the memory is the child's, and ffprobe's own `max_pixels` refuses a
 * frame bigger than the cap whatever the header said): any decoder error (a truncated JPEG's
 * "overread", a cut GIF) or a size other than the header's is a problem. Resolves with the
 * problem rather than rejecting for a bad image; rejects with `validation` when the file is
 * missing, `internal` when ffprobe cannot run, `cancelled` on the signal.
 * @example
 * const decoded = await decodeImage(ffprobe, 'start.jpg')
 * if (!decoded.ok) refuse(`the image ${decoded.problem}`)
 */
export async function decodeImage(
  ffprobe: string,
  file: string,
  options: DecodeImageOptions = {},
): Promise<ImageDecodeResult> {
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_IMAGE_PIXELS
  await assertInputFile(file)
  const header = await readHeader(file)
  if (header === undefined) {
    return { ok: false, problem: 'is not an image Shotchain can read (PNG, JPEG, WebP or GIF)' }
  }
  const pixels = header.width * header.height
  if (pixels > maxPixels) {
    return {
      ok: false,
      header,
      problem: `is ${header.width}×${header.height} px (${megapixels(pixels)} MP); images of at most ${megapixels(maxPixels)} MP are taken`,
    }
  }
  const output = await runTool(
    ffprobe,
    [
      ...['-v', 'error', '-max_pixels', String(maxPixels), '-count_frames'],
      ...['-select_streams', 'v:0', '-show_entries', 'stream=width,height,nb_read_frames'],
      ...['-of', 'json', file],
    ],
    `decoding ${file}`,
    options.signal,
  )
  const stream = readStream(output.stdout)
  // At `-v error`, anything on stderr is the decoder failing somewhere in the picture.
  if (output.exitCode !== 0 || output.stderr.trim() !== '' || stream === undefined) {
    return {
      ok: false,
      header,
      // ffprobe names the file: the caller knows which it is, and its folder is nobody's business.
      problem: `cannot be decoded: it is cut short or damaged (${stderrTail(output.stderr.split(file).join(basename(file)), 2)})`,
    }
  }
  if (stream.frames < 1) return { ok: false, header, problem: 'holds no picture' }
  if (stream.width !== header.width || stream.height !== header.height) {
    return {
      ok: false,
      header,
      problem: `says ${header.width}×${header.height} px in its header but decodes to ${stream.width}×${stream.height}`,
    }
  }
  return { ok: true, image: header }
}

async function readHeader(file: string): Promise<ImageHeader | undefined> {
  const handle = await open(file)
  try {
    const { size } = await handle.stat()
    const head = new Uint8Array(Math.min(size, HEADER_BYTES))
    const { bytesRead } = await handle.read(head, 0, head.length, 0)
    const header = probeImageBytes(head.subarray(0, bytesRead))
    // EXIF data can push a JPEG's frame header past the first bytes.
    if (header !== undefined || bytesRead >= size || size > WHOLE_FILE_BYTES) return header
    return probeImageBytes(await handle.readFile())
  } finally {
    await handle.close()
  }
}

function readStream(
  stdout: string,
): { readonly width: number; readonly height: number; readonly frames: number } | undefined {
  try {
    const parsed = JSON.parse(stdout) as {
      streams?: { width?: unknown; height?: unknown; nb_read_frames?: unknown }[]
    }
    const stream = parsed.streams?.[0]
    if (stream === undefined) return undefined
    return {
      width: Number(stream.width),
      height: Number(stream.height),
      frames: Number(stream.nb_read_frames ?? 0),
    }
  } catch {
    return undefined
  }
}

function megapixels(pixels: number): string {
  return (pixels / 1e6).toFixed(pixels < 1e7 ? 1 : 0)
}
