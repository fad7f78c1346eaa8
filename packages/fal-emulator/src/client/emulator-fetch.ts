import { FAL_HOSTS } from '../server/resolve-target.ts'

/**
 * Rewrites a fal URL to the emulator's host-prefixed form:
 * `https://queue.fal.run/X` → `<emulator>/queue.fal.run/X` (also `fal.run` and `rest.fal.ai`).
 * Any other URL (the emulator's own upload and CDN URLs included) is returned unchanged.
 */
export function rewriteFalUrl(url: string, emulatorUrl: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return url
  }
  if (parsed.protocol !== 'https:' || !(FAL_HOSTS as readonly string[]).includes(parsed.host)) {
    return url
  }
  return `${emulatorUrl.replace(/\/+$/, '')}/${parsed.host}${parsed.pathname}${parsed.search}`
}

/**
 * A `fetch` for `createFalClient({ fetch })` that sends every fal call to the emulator at
 * `emulatorUrl`, leaving the client itself untouched. Requests to other URLs pass through.
 *
 * @example
 * ```ts
 * const emulator = await startFalEmulator()
 * const fal = createFalClient({ credentials: 'test-key', fetch: emulatorFetch(emulator.url) })
 * ```
 */
export function emulatorFetch(emulatorUrl: string, baseFetch: typeof fetch = fetch): typeof fetch {
  return (input, init) => {
    if (typeof input === 'string' || input instanceof URL) {
      return baseFetch(rewriteFalUrl(String(input), emulatorUrl), init)
    }
    const rewritten = rewriteFalUrl(input.url, emulatorUrl)
    return baseFetch(rewritten === input.url ? input : new Request(rewritten, input), init)
  }
}
