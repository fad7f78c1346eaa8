import type { ProbeDetails } from '../probe/media-info.ts'

/** Size and frame rate of a concatenated sequence. */
export interface ConcatTarget {
  readonly width: number
  readonly height: number
  /** ffmpeg rational or decimal, e.g. `30000/1001` or `24`. */
  readonly frameRate: string
}

/** What the caller may impose on the sequence; the rest follows the first clip. */
export interface ConcatShape {
  readonly width?: number | undefined
  readonly height?: number | undefined
  readonly fps?: number | undefined
}

const even = (n: number) => Math.max(2, Math.round(n / 2) * 2)

function sarRatio(sar: string): number {
  const [num = 1, den = 1] = sar.split(':').map(Number)
  return num > 0 && den > 0 ? num / den : 1
}

/** The sequence's size and frame rate: the caller's, else the first clip's display size and rate. */
export function concatTarget(first: ProbeDetails, shape: ConcatShape): ConcatTarget {
  return {
    width: even(shape.width ?? first.width * sarRatio(first.sar)),
    height: even(shape.height ?? first.height),
    frameRate: shape.fps === undefined ? first.frameRate || '30' : String(shape.fps),
  }
}

/**
 * Whether the clips can be joined by the concat demuxer without re-encoding: all H.264 yuv420p in
 * MP4/MOV with identical codec parameters (extradata included), the same audio layout, and already
 * of the target's size and frame rate.
 */
export function canStreamCopy(clips: readonly ProbeDetails[], target: ConcatTarget): boolean {
  const [first] = clips
  if (first === undefined) return false
  const sameRate =
    first.frameRate !== '' && Math.abs(rate(first.frameRate) - rate(target.frameRate)) < 1e-6
  return (
    sameRate &&
    first.width === target.width &&
    first.height === target.height &&
    clips.every(
      (c) =>
        c.codec === 'h264' &&
        c.pixFmt === 'yuv420p' &&
        c.sar === '1:1' &&
        /(^|,)mp4(,|$)/.test(c.formatName) &&
        c.videoSignature === first.videoSignature &&
        c.audioSignature === first.audioSignature,
    )
  )
}

function rate(text: string): number {
  const [num = 0, den = 1] = text.split('/').map(Number)
  return num / den
}

/**
 * The filter graph that scales each clip to fit the target (letterboxed, centred), resamples it to
 * the target frame rate and joins them; with `audio`, clips without sound get silence of their
 * video's length. Outputs `[v]` and, with audio, `[a]`.
 */
export function concatFilter(
  clips: readonly ProbeDetails[],
  target: ConcatTarget,
  audio: boolean,
): string {
  const { width: w, height: h, frameRate } = target
  const parts: string[] = []
  const joins: string[] = []
  clips.forEach((clip, i) => {
    parts.push(`[${i}:v:0]${letterbox(clip, w, h)},fps=${frameRate},format=yuv420p[v${i}]`)
    if (audio) {
      parts.push(
        clip.hasAudio
          ? `[${i}:a:0]aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo[a${i}]`
          : `anullsrc=r=48000:cl=stereo,atrim=duration=${clip.videoEndSec.toFixed(6)}[a${i}]`,
      )
    }
    joins.push(audio ? `[v${i}][a${i}]` : `[v${i}]`)
  })
  const outs = audio ? '[v][a]' : '[v]'
  parts.push(`${joins.join('')}concat=n=${clips.length}:v=1:a=${audio ? 1 : 0}${outs}`)
  return parts.join(';')
}

/**
 * The filters that fit a clip inside w×h: square pixels first (an anamorphic clip is widened),
 * scaled down to fit, centred on black bars.
 */
export function letterbox(clip: Pick<ProbeDetails, 'sar'>, w: number, h: number): string {
  const square = clip.sar === '1:1' ? '' : 'scale=trunc(iw*sar/2)*2:ih,setsar=1,'
  return (
    `${square}scale=${w}:${h}:force_original_aspect_ratio=decrease,` +
    `pad=${w}:${h}:(ow-iw)/2:(oh-ih)/2:black,setsar=1`
  )
}

/** A concat-demuxer list file naming each clip, quoted for ffmpeg. */
export function concatList(files: readonly string[]): string {
  return files.map((f) => `file '${f.replaceAll("'", "'\\''")}'\n`).join('')
}
