import type { ImageFacts } from '@shotchain/kling'
import { probeImageBytes } from '@shotchain/media'

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
