import type { ProbeDetails } from './media-info.ts'

interface FfprobeStream {
  codec_type?: string
  codec_name?: string
  profile?: string
  width?: number
  height?: number
  pix_fmt?: string
  sample_aspect_ratio?: string
  avg_frame_rate?: string
  r_frame_rate?: string
  time_base?: string
  start_time?: string
  duration?: string
  extradata_hash?: string
  sample_rate?: string
  channels?: number
  disposition?: { attached_pic?: number }
}

interface FfprobeJson {
  streams?: FfprobeStream[]
  format?: { format_name?: string; duration?: string; start_time?: string; size?: string }
}

const IMAGE_FORMATS = /(^|,)(image2|gif|apng|webp)(,|$)|_pipe(,|$)/

/** Parses `30000/1001` or `25` as a number; 0 for `0/0` and garbage. */
export function parseRate(rate: string | undefined): number {
  if (rate === undefined) return 0
  const [num, den = '1'] = rate.split('/')
  const value = Number(num) / Number(den)
  return Number.isFinite(value) && value > 0 ? value : 0
}

function seconds(text: string | undefined): number | undefined {
  const value = Number(text)
  return text !== undefined && Number.isFinite(value) ? value : undefined
}

/**
 * Reads `ffprobe -print_format json -show_format -show_streams` output. Returns `undefined` when
 * the file has no picture stream (text, audio only), which the caller reports as a user error.
 */
export function readProbeJson(text: string, sizeBytes: number): ProbeDetails | undefined {
  let json: FfprobeJson
  try {
    json = JSON.parse(text) as FfprobeJson
  } catch {
    return undefined
  }
  const streams = json.streams ?? []
  const video = streams.find((s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1)
  if (video === undefined || !video.width || !video.height) return undefined
  const audio = streams.find((s) => s.codec_type === 'audio')
  const formatName = json.format?.format_name ?? ''
  const kind = IMAGE_FORMATS.test(formatName) ? 'image' : 'video'
  const formatStart = seconds(json.format?.start_time) ?? 0
  const durationSec = kind === 'image' ? 0 : (seconds(json.format?.duration) ?? 0)
  const frameRate = pickRate(video)
  const streamStart = seconds(video.start_time) ?? formatStart
  const streamDuration = seconds(video.duration)
  const sar =
    video.sample_aspect_ratio && video.sample_aspect_ratio !== '0:1'
      ? video.sample_aspect_ratio
      : '1:1'
  const pixFmt = video.pix_fmt ?? ''
  const timeBase = video.time_base ?? ''
  return {
    kind,
    durationSec,
    width: video.width,
    height: video.height,
    fps: kind === 'image' ? 0 : parseRate(frameRate),
    codec: video.codec_name ?? 'unknown',
    sizeBytes,
    hasAudio: audio !== undefined,
    formatName,
    frameRate,
    sar,
    pixFmt,
    timeBase,
    videoSignature: [
      video.codec_name,
      video.profile,
      video.width,
      video.height,
      pixFmt,
      sar,
      frameRate,
      timeBase,
      video.extradata_hash,
    ].join('|'),
    audioSignature:
      audio === undefined
        ? ''
        : [
            audio.codec_name,
            audio.profile,
            audio.sample_rate,
            audio.channels,
            audio.extradata_hash,
          ].join('|'),
    videoEndSec:
      streamDuration === undefined ? durationSec : streamStart - formatStart + streamDuration,
  }
}

function pickRate(stream: FfprobeStream): string {
  if (parseRate(stream.avg_frame_rate) > 0) return stream.avg_frame_rate ?? ''
  if (parseRate(stream.r_frame_rate) > 0) return stream.r_frame_rate ?? ''
  return ''
}
