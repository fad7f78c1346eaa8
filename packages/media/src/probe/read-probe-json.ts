import type { AudioStreamInfo, ProbeDetails } from './media-info.ts'

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
 * Reads `ffprobe -print_format json -show_format -show_streams` output: a file with a picture
 * stream is a video or an image, one with only sound is `audio`. Returns `undefined` when the
 * file has neither (text, garbage), which the caller reports as a user error.
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
  const audio = streams.find((s) => s.codec_type === 'audio')
  const formatName = json.format?.format_name ?? ''
  if (video === undefined && audio !== undefined) {
    return audioDetails(json, audio, formatName, sizeBytes)
  }
  if (video === undefined || !video.width || !video.height) return undefined
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
    ...(audio === undefined ? {} : { audio: audioInfo(audio) }),
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
    audioSignature: audio === undefined ? '' : audioSignature(audio),
    videoEndSec:
      streamDuration === undefined ? durationSec : streamStart - formatStart + streamDuration,
  }
}

function pickRate(stream: FfprobeStream): string {
  if (parseRate(stream.avg_frame_rate) > 0) return stream.avg_frame_rate ?? ''
  if (parseRate(stream.r_frame_rate) > 0) return stream.r_frame_rate ?? ''
  return ''
}

function audioInfo(stream: FfprobeStream): AudioStreamInfo {
  const sampleRate = Number(stream.sample_rate)
  return {
    codec: stream.codec_name ?? 'unknown',
    sampleRate: Number.isFinite(sampleRate) ? sampleRate : 0,
    channels: stream.channels ?? 0,
  }
}

function audioSignature(audio: FfprobeStream): string {
  const { codec_name, profile, sample_rate, channels, extradata_hash } = audio
  return [codec_name, profile, sample_rate, channels, extradata_hash].join('|')
}

/** A file with sound and no picture: no size, no frame rate, its sound's codec. */
function audioDetails(
  json: FfprobeJson,
  audio: FfprobeStream,
  formatName: string,
  sizeBytes: number,
): ProbeDetails {
  const sound = audioInfo(audio)
  const durationSec = seconds(json.format?.duration) ?? seconds(audio.duration) ?? 0
  return {
    kind: 'audio',
    durationSec,
    width: 0,
    height: 0,
    fps: 0,
    codec: sound.codec,
    sizeBytes,
    hasAudio: true,
    audio: sound,
    formatName,
    frameRate: '',
    sar: '1:1',
    pixFmt: '',
    timeBase: audio.time_base ?? '',
    videoSignature: '',
    audioSignature: audioSignature(audio),
    videoEndSec: 0,
  }
}
