import { type ImageHeader, probeImageBytes } from '@shotchain/media'
import { KLING_O1_LIMITS } from '../kling/kling-o1.ts'

/** What pre-flight knows of an image: its header, and its size in bytes when known. */
export interface ImageFacts {
  readonly header: ImageHeader | undefined
  readonly sizeBytes: number | undefined
}

/** The first problem fal would find with this image, said for a person, or undefined. */
export function imageProblem(facts: ImageFacts): string | undefined {
  const { header, sizeBytes } = facts
  const limits = KLING_O1_LIMITS
  if (sizeBytes !== undefined && sizeBytes > limits.maxImageBytes) {
    return `is ${(sizeBytes / 1024 / 1024).toFixed(1)} MB; fal accepts at most 10 MB`
  }
  if (header === undefined) return 'is not an image fal can read (PNG, JPEG, WebP or GIF)'
  const { width, height } = header
  if (width < limits.minImageSide || height < limits.minImageSide) {
    return `is ${width}×${height} px; fal needs both sides at least ${limits.minImageSide} px`
  }
  const aspect = Math.min(width, height) / Math.max(width, height)
  if (aspect < limits.minAspect) {
    return `is ${width}×${height} px; fal needs an aspect ratio between 0.4 and 2.5`
  }
  return undefined
}

/** The facts of an image in memory. */
export function factsOfBytes(bytes: Uint8Array): ImageFacts {
  return { header: probeImageBytes(bytes), sizeBytes: bytes.byteLength }
}

/**
 * The facts of an image behind a URL, from its first 64 KiB (a range request) and the size its
 * headers give. Throws a message for a person when the URL cannot be read.
 */
export async function factsOfUrl(
  url: string,
  fetchFn: typeof fetch,
  signal?: AbortSignal,
): Promise<ImageFacts> {
  const response = await fetchFn(url, {
    headers: { range: 'bytes=0-65535' },
    ...(signal ? { signal } : {}),
  })
  if (!response.ok) {
    await response.body?.cancel()
    throw new Error(`could not be downloaded (HTTP ${response.status})`)
  }
  const bytes = new Uint8Array(await response.arrayBuffer())
  const total = response.headers.get('content-range')?.match(/\/(\d+)$/)?.[1]
  const length = response.status === 206 ? total : response.headers.get('content-length')
  return { header: probeImageBytes(bytes), sizeBytes: length ? Number(length) : undefined }
}
