import type { JobContext } from './endpoint.ts'

/** Outcome of fetching an input URL. */
export type Download =
  | { readonly kind: 'ok'; readonly bytes: Uint8Array; readonly contentType: string | undefined }
  | { readonly kind: 'too-large' }
  | { readonly kind: 'failed'; readonly reason: string }

/**
 * Downloads `url` (http, https or data:) within the job's download timeout, reading at most
 * `maxBytes` + 1 bytes. Rejects only when the job itself is aborted.
 */
export async function downloadInput(
  url: string,
  ctx: JobContext,
  maxBytes: number,
): Promise<Download> {
  const signal = AbortSignal.any([ctx.signal, AbortSignal.timeout(ctx.knobs.downloadTimeoutMs)])
  try {
    const res = await ctx.fetch(url, { signal })
    if (!res.ok || res.body === null) {
      await res.body?.cancel()
      return { kind: 'failed', reason: `HTTP ${res.status}` }
    }
    const chunks: Uint8Array[] = []
    let size = 0
    const reader = res.body.getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.length
      if (size > maxBytes) {
        await reader.cancel()
        return { kind: 'too-large' }
      }
      chunks.push(value)
    }
    return {
      kind: 'ok',
      bytes: Buffer.concat(chunks),
      contentType: res.headers.get('content-type') ?? undefined,
    }
  } catch (error) {
    if (ctx.signal.aborted) throw error
    return { kind: 'failed', reason: error instanceof Error ? error.message : String(error) }
  }
}
