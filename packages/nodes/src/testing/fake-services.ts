import { ERROR_CODES, ShotchainError } from '@shotchain/errors'
import { catalogModel, secondsOf } from '@shotchain/fal-catalog'
import type { NodeProgress } from '@shotchain/graph'
import type {
  FalServices,
  MediaRef,
  MediaServices,
  NodeServices,
  SeamCheck,
  SequenceEditList,
} from '../services.ts'

/** A local file as the fake media store sees it: its content stands for its bytes. */
export interface FakeFile {
  content: string
  width?: number
  height?: number
  sizeBytes?: number
  contentType?: string
}

/** A paid request the fake fal accepted. */
export interface FakeJob {
  readonly requestId: string
  readonly endpoint: string
  readonly input: Readonly<Record<string, unknown>>
}

/** fal as the tests drive it: it counts submits and waits, and can hold or fail jobs. */
export interface FakeFal extends FalServices {
  readonly jobs: FakeJob[]
  /** Request ids `wait` was called with, in order. */
  readonly waits: string[]
  /** Media `urlOf` was asked for, in order. */
  readonly urlOfCalls: MediaRef[]
  /** While true, `wait` never resolves (a run killed while waiting); it rejects when aborted. */
  hold: boolean
  /** Thrown by the next submit. */
  submitError?: unknown
  /** Thrown by the next wait. */
  waitError?: unknown
  /** Called when a job is submitted, e.g. to abandon a run at that point. */
  onSubmit?: (job: FakeJob) => void
}

/** What the fake media tools were asked to do. */
export interface FakeMediaCalls {
  readonly hashFile: string[]
  readonly importFile: string[]
  readonly importUrl: string[]
  readonly extractFrame: { readonly video: MediaRef; readonly at: 'first' | 'last' | number }[]
  /** Every edit list a sequence stitched. */
  readonly stitch: SequenceEditList[]
}

/** In-memory {@link NodeServices}: media are made from strings, fal is a counter. */
export interface FakeServices extends NodeServices {
  readonly fal: FakeFal
  /** Local files by path; edit one to change its fingerprint. */
  readonly files: Map<string, FakeFile>
  /** Media that `importUrl` can download, by URL. */
  readonly urls: Map<string, MediaRef>
  readonly calls: FakeMediaCalls
  /**
   * What `seamFigures` answers for two stills; by default identical stills measure as the same
   * picture and any others as a clean cut (SSIM 0.99, ΔE 0.6). Set it to make a seam jump.
   */
  seams: (a: MediaRef, b: MediaRef) => SeamCheck
}

const CLEAN_SEAM: SeamCheck = { ssim: 0.99, psnr: 45, deltaE: 0.6, problems: [] }
const SAME_PICTURE: SeamCheck = { ssim: 1, psnr: null, deltaE: 0, problems: [] }

/** A stored image made from a string: its hash is `image:<content>`. */
export function fakeImage(content: string, options: Partial<FakeFile> = {}): MediaRef {
  return {
    kind: 'image',
    hash: `image:${content}`,
    contentType: options.contentType ?? 'image/png',
    sizeBytes: options.sizeBytes ?? 400_000,
    width: options.width ?? 1280,
    height: options.height ?? 720,
  }
}

export function createFakeServices(): FakeServices {
  const files = new Map<string, FakeFile>()
  const urls = new Map<string, MediaRef>()
  const calls: FakeMediaCalls = {
    hashFile: [],
    importFile: [],
    importUrl: [],
    extractFrame: [],
    stitch: [],
  }
  // The fake fal records the image each clip starts on, so a chained cut can be recognised.
  const clipStarts = new Map<string, string | undefined>()
  const readFile = (path: string): FakeFile => {
    const file = files.get(path)
    if (file === undefined) throw new Error(`no such file: ${path}`)
    return file
  }
  const media: MediaServices = {
    async hashFile(path) {
      calls.hashFile.push(path)
      return `sha:${readFile(path).content}`
    },
    async importFile(path) {
      calls.importFile.push(path)
      const file = readFile(path)
      const ref = fakeImage(file.content, file)
      if (ref.contentType.startsWith('image/')) return ref
      if (ref.contentType.startsWith('audio/'))
        return { ...ref, kind: 'audio', width: 0, height: 0, durationSec: 5 }
      return { ...ref, kind: 'video', durationSec: 5 }
    },
    async importBytes(bytes, name) {
      return fakeImage(`${name}:${bytes.byteLength}`)
    },
    async importUrl(url) {
      calls.importUrl.push(url)
      const ref = urls.get(url)
      if (ref === undefined) throw new Error(`${url} answered 404 Not Found`)
      return ref
    },
    async extractFrame(video, at) {
      calls.extractFrame.push({ video, at })
      return {
        ...fakeImage(`frame(${at}):${video.hash}`),
        width: video.width,
        height: video.height,
      }
    },
    async stitch(list) {
      calls.stitch.push(list)
      const first = (list.clips[0] as { media: MediaRef }).media
      const played = list.clips.reduce((sum, c) => sum + (c.out ?? c.frames) - (c.in ?? 0), 0)
      const fades = list.clips
        .slice(0, -1)
        .reduce((sum, c) => sum + (c.next?.kind === 'crossfade' ? c.next.frames : 0), 0)
      const frames = played - fades
      const hash = `stitch(${list.clips.map((c) => `${c.media.hash}[${c.in ?? 0},${c.out ?? c.frames})`).join('+')})`
      const durationSec = (frames * list.rate.denominator) / list.rate.numerator
      return { video: { ...first, hash, durationSec }, frames }
    },
    // Clips play at 24 fps for their whole duration.
    async countFrames(video) {
      return {
        frames: Math.round((video.durationSec ?? 0) * 24),
        rate: { numerator: 24, denominator: 1 },
      }
    },
    async repeatsAtCut(outgoing, incoming) {
      return clipStarts.get(incoming.hash) === `image:frame(last):${outgoing.hash}`
    },
    async seamFigures(a, b) {
      return services.seams(a, b)
    },
  }
  const fal = createFakeFal(urls, clipStarts)
  const services: FakeServices = {
    media,
    fal,
    files,
    urls,
    calls,
    seams: (a, b) => (a.hash === b.hash ? SAME_PICTURE : CLEAN_SEAM),
  }
  return services
}

function createFakeFal(
  urls: Map<string, MediaRef>,
  clipStarts: Map<string, string | undefined>,
): FakeFal {
  const byUrl = new Map<string, MediaRef>()
  const fal: FakeFal = {
    mode: 'emulator',
    jobs: [],
    waits: [],
    urlOfCalls: [],
    hold: false,
    async urlOf(media) {
      fal.urlOfCalls.push(media)
      const url = media.sourceUrl ?? `https://fake.fal/storage/${encodeURIComponent(media.hash)}`
      byUrl.set(url, media)
      return url
    },
    async submit(endpoint, input) {
      const error = fal.submitError
      fal.submitError = undefined
      if (error !== undefined) throw error
      const job = { requestId: `req-${fal.jobs.length + 1}`, endpoint, input }
      fal.jobs.push(job)
      fal.onSubmit?.(job)
      return job.requestId
    },
    async wait(endpoint, requestId, { signal, onProgress }) {
      fal.waits.push(requestId)
      onProgress({ status: 'queued', queuePosition: 0 } satisfies NodeProgress)
      if (fal.hold) await heldUntilAborted(signal)
      const error = fal.waitError
      fal.waitError = undefined
      if (error !== undefined) throw error
      const job = fal.jobs.find((j) => j.requestId === requestId && j.endpoint === endpoint)
      if (job === undefined) {
        throw new ShotchainError(ERROR_CODES.notFound, `fal does not know request ${requestId}`)
      }
      return fakeResult(job, urls, byUrl, clipStarts)
    },
  }
  return fal
}

/**
 * What fal returns for a job: images for a catalog model that makes images (the first input
 * image's size, else 1024×768), a WAV of the asked `seconds_total` for one that makes a sound,
 * else a clip of the asked duration at the start image's size.
 */
function fakeResult(
  job: {
    readonly requestId: string
    readonly endpoint: string
    readonly input: Record<string, unknown>
  },
  urls: Map<string, MediaRef>,
  byUrl: ReadonlyMap<string, MediaRef>,
  clipStarts: Map<string, string | undefined>,
): unknown {
  const { requestId, input } = job
  const model = catalogModel(job.endpoint)
  const firstUrl = [input.start_image_url, input.image_url, input.first_frame_url, input.image_urls]
    .map((v) => (Array.isArray(v) ? v[0] : v))
    .find((v) => v !== undefined)
  const start = byUrl.get(String(firstUrl))
  if (model?.outputs[0]?.media === 'image') {
    const url = `https://fake.fal/files/${requestId}.png`
    const image = {
      ...fakeImage(`image:${requestId}`),
      width: start?.width ?? 1024,
      height: start?.height ?? 768,
      sourceUrl: url,
    }
    urls.set(url, image)
    return { images: [{ url, width: image.width, height: image.height }] }
  }
  const sound = model?.outputs[0]?.media === 'audio' ? model.outputs[0] : undefined
  if (sound !== undefined) {
    const url = `https://fake.fal/files/${requestId}.wav`
    const seconds =
      input.seconds_total ?? model?.inputs.find((f) => f.name === 'seconds_total')?.default
    urls.set(url, {
      kind: 'audio',
      hash: `sound:${requestId}`,
      contentType: 'audio/wav',
      sizeBytes: 88_200 * Number(seconds),
      width: 0,
      height: 0,
      durationSec: Number(seconds),
      sourceUrl: url,
    })
    return { [sound.name]: { url, content_type: 'audio/wav' } }
  }
  const url = `https://fake.fal/files/${requestId}.mp4`
  clipStarts.set(`clip:${requestId}`, start?.hash)
  urls.set(url, {
    kind: 'video',
    hash: `clip:${requestId}`,
    contentType: 'video/mp4',
    sizeBytes: 2_000_000,
    width: start?.width ?? 1280,
    height: start?.height ?? 720,
    durationSec: secondsOf(
      input.duration ?? model?.inputs.find((f) => f.name === 'duration')?.default,
    ),
    sourceUrl: url,
  })
  return { video: { url, content_type: 'video/mp4' } }
}

function heldUntilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    const abort = () =>
      reject(new ShotchainError(ERROR_CODES.cancelled, 'the run was cancelled while waiting'))
    if (signal.aborted) abort()
    else signal.addEventListener('abort', abort, { once: true })
  })
}
