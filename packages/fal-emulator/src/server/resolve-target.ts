/** The fal hosts the emulator impersonates. */
export const FAL_HOSTS = ['queue.fal.run', 'fal.run', 'rest.fal.ai'] as const

/** One of {@link FAL_HOSTS}. */
export type FalHost = (typeof FAL_HOSTS)[number]

/** Where a request was meant to go: a fal host, or the emulator's own routes. */
export interface Target {
  readonly host: FalHost | 'local'
  /** Path on that host, starting with `/`. */
  readonly path: string
  readonly query: URLSearchParams
  /** How the request reached us, for logs. */
  readonly via: 'proxy' | 'host-prefix' | 'direct'
}

function isFalHost(host: string): host is FalHost {
  return (FAL_HOSTS as readonly string[]).includes(host)
}

/**
 * Works out a request's real target. (a) A `x-fal-target-url` header (the client's `proxyUrl`
 * mode, on any path) names the full original URL. (b) A path starting with a fal host, as
 * `emulatorFetch` rewrites it: `/queue.fal.run/fal-ai/...`. Anything else is one of the
 * emulator's own routes (`/storage/upload/...`, `/cdn/...`, `/_emulator/...`).
 * Returns `undefined` for a target URL that cannot be parsed.
 */
export function resolveTarget(
  requestUrl: string,
  targetUrlHeader: string | undefined,
): Target | undefined {
  if (targetUrlHeader !== undefined && targetUrlHeader !== '') {
    let url: URL
    try {
      url = new URL(targetUrlHeader)
    } catch {
      return undefined
    }
    const host = isFalHost(url.host) ? url.host : 'local'
    return { host, path: url.pathname, query: url.searchParams, via: 'proxy' }
  }
  const url = new URL(requestUrl, 'http://emulator.invalid')
  const [, first = '', ...rest] = url.pathname.split('/')
  if (isFalHost(first)) {
    return { host: first, path: `/${rest.join('/')}`, query: url.searchParams, via: 'host-prefix' }
  }
  return { host: 'local', path: url.pathname, query: url.searchParams, via: 'direct' }
}
