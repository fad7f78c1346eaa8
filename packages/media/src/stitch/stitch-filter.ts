import { letterbox } from '../concat/concat-plan.ts'
import type { FrameRate } from '../edit-list/edit-list.ts'
import type { SequenceTimes } from '../edit-list/sequence-times.ts'
import type { ProbeDetails } from '../probe/media-info.ts'

/** What the stitch graph needs besides the edit list's times: each clip's facts and the target. */
export interface StitchShape {
  readonly clips: readonly ProbeDetails[]
  readonly width: number
  readonly height: number
  readonly rate: FrameRate
}

const rateText = (rate: FrameRate) => `${rate.numerator}/${rate.denominator}`

/** Seconds of `frames` frames at `rate`, as ffmpeg reads them. */
export function framesToSeconds(frames: number, rate: FrameRate): string {
  return ((frames * rate.denominator) / rate.numerator).toFixed(6)
}

/**
 * One clip letterboxed to the target, resampled to the list's rate and trimmed to its frames.
 * Frames are counted after the resampling (an edit list counts every clip at the list's rate);
 * a clip of another rate may resample a frame short of the length it was given, so its last frame
 * is held (`tpad`) long enough for the trim always to find its out point.
 */
function clipChain(k: number, clip: ProbeDetails, shape: StitchShape, from: number, to: number) {
  return (
    `[${k}:v:0]${letterbox(clip, shape.width, shape.height)},fps=${rateText(shape.rate)},format=yuv420p,` +
    `tpad=stop_mode=clone:stop=2,trim=start_frame=${from}:end_frame=${to},setpts=PTS-STARTPTS`
  )
}

const piece = (from: number, to: number) =>
  `trim=start_frame=${from}:end_frame=${to},setpts=PTS-STARTPTS`

/**
 * The ffmpeg filter graph that plays the clips as `times` lays them out: each trimmed to its
 * frames, cut into the frames it shares with the previous clip (head), its own (body) and those
 * it shares with the next (tail); each tail is blended with the next head, weight rising by
 * 1/(n+1) a frame so neither clip shows whole inside an n-frame crossfade; the pieces are joined
 * in order and re-timed to the list's rate. Outputs `[v]`.
 */
export function stitchVideoFilter(times: SequenceTimes, shape: StitchShape): string {
  const parts: string[] = []
  const joins: string[] = []
  times.clips.forEach((t, k) => {
    const length = t.sourceOut - t.sourceIn
    const pieces = [
      { name: `h${k}`, from: 0, to: t.overlapIn },
      { name: `b${k}`, from: t.overlapIn, to: length - t.overlapOut },
      { name: `t${k}`, from: length - t.overlapOut, to: length },
    ].filter((p) => p.to > p.from)
    const clip = clipChain(k, shape.clips[k] as ProbeDetails, shape, t.sourceIn, t.sourceOut)
    parts.push(`${clip},split=${pieces.length}${pieces.map((p) => `[s${k}${p.name}]`).join('')}`)
    for (const p of pieces) parts.push(`[s${k}${p.name}]${piece(p.from, p.to)}[${p.name}]`)
    if (t.overlapIn > 0) {
      // The weight comes from the frame's time, not blend's frame counter N, whose first value
      // differs between ffmpeg versions (1 in the bundled 2018 build).
      const { numerator, denominator } = shape.rate
      const w = `(T*${numerator}/${denominator}+1)/${t.overlapIn + 1}`
      const mix = `A*(1-${w})+B*${w}`
      parts.push(`[t${k - 1}][h${k}]blend=all_expr='${mix}'[x${k}]`)
      joins.push(`[x${k}]`)
    }
    if (pieces.some((p) => p.name === `b${k}`)) joins.push(`[b${k}]`)
  })
  const { numerator, denominator } = shape.rate
  parts.push(
    `${joins.join('')}concat=n=${joins.length}:v=1:a=0,` +
      `setpts=N*${denominator}/(${numerator}*TB),format=yuv420p[v]`,
  )
  return parts.join(';')
}

/**
 * The soundtrack (input `input`) under the picture: resampled to 48 kHz stereo, cut to the
 * frames it plays, faded out over its last `fadeOutFrames` of them, then padded with silence
 * (or cut) to the picture's exact length. Outputs `[a]`; empty without a soundtrack.
 */
export function stitchAudioFilter(times: SequenceTimes, rate: FrameRate, input: number): string {
  const sound = times.soundtrack
  if (sound === undefined) return ''
  const played = framesToSeconds(sound.frames, rate)
  const fade =
    sound.fadeOutFrames > 0
      ? `afade=t=out:st=${framesToSeconds(sound.frames - sound.fadeOutFrames, rate)}:` +
        `d=${framesToSeconds(sound.fadeOutFrames, rate)},`
      : ''
  return (
    `[${input}:a:0]aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo,` +
    `atrim=end=${played},asetpts=PTS-STARTPTS,${fade}apad,` +
    `atrim=end=${framesToSeconds(times.totalFrames, rate)}[a]`
  )
}
