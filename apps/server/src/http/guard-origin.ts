import type { MiddlewareHandler } from 'hono'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Keeps other web pages and rebinding DNS names away from a local server. Every request must name
 * one of `hosts()` (with the server's port) in `Host`; state-changing requests (POST, PUT, PATCH,
 * DELETE) that carry an `Origin` must come from `http://<one of those hosts>`. Anything else is a
 * 403 saying which header was refused.
 */
export function guardOrigin(hosts: () => readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    const allowed = hosts()
    const host = c.req.header('host')
    if (host === undefined || !allowed.includes(host.toLowerCase())) {
      return c.json(
        {
          error: `refused: the Host header "${host ?? ''}" is not this server (${allowed[0] ?? ''}); open the URL the server printed`,
        },
        403,
      )
    }
    const origin = c.req.header('origin')
    if (!SAFE_METHODS.has(c.req.method) && origin !== undefined) {
      const ok = allowed.some((h) => origin.toLowerCase() === `http://${h}`)
      if (!ok) {
        return c.json(
          {
            error: `refused: a ${c.req.method} from the page at ${origin} — only pages served by this server (http://${allowed[0] ?? ''}) may change its state`,
          },
          403,
        )
      }
    }
    await next()
  }
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]']

/** The `host:port` values a server bound to `host` on `port` answers to. */
export function allowedHosts(host: string, port: number): string[] {
  const names = new Set(LOOPBACK_NAMES)
  if (!isWildcard(host)) names.add(host.includes(':') ? `[${host}]` : host)
  return [...names].map((name) => `${name}:${port}`.toLowerCase())
}

/** Whether `host` is a loopback address or name. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host)
}

function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::'
}
