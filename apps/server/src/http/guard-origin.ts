import type { MiddlewareHandler } from 'hono'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** `Sec-Fetch-Site` values of a request a page of another origin made (other ports are same-site). */
const FOREIGN_SITES = new Set(['cross-site', 'same-site'])

/**
 * Keeps other web pages and rebinding DNS names away from a local server. Every request must name
 * one of `hosts()` (with the server's port) in `Host`; state-changing requests (POST, PUT, PATCH,
 * DELETE) that carry an `Origin` must come from `http://<one of those hosts>`, and those without
 * an `Origin` must not say `Sec-Fetch-Site: cross-site` (or `same-site`: another port of this
 * machine). A request without a `Host` is a 400; anything else refused is a 403 saying which
 * header was refused.
 */
export function guardOrigin(hosts: () => readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    const allowed = hosts()
    const host = c.req.header('host')
    if (host === undefined || host === '') {
      return c.json(
        {
          error: `bad request: no Host header; open the URL the server printed (http://${allowed[0] ?? ''})`,
        },
        400,
      )
    }
    if (!allowed.includes(host.toLowerCase())) {
      return c.json(
        {
          error: `refused: the Host header "${host}" is not this server (${allowed[0] ?? ''}); open the URL the server printed`,
        },
        403,
      )
    }
    const origin = c.req.header('origin')
    if (!SAFE_METHODS.has(c.req.method) && origin !== undefined) {
      // https: a page served through a TLS proxy under one of the names (SHOTCHAIN_PUBLIC_URL).
      const from = origin.toLowerCase()
      const ok = allowed.some((h) => from === `http://${h}` || from === `https://${h}`)
      if (!ok) {
        return c.json(
          {
            error: `refused: a ${c.req.method} from the page at ${origin} — only pages served by this server (http://${allowed[0] ?? ''}) may change its state`,
          },
          403,
        )
      }
    }
    const site = c.req.header('sec-fetch-site')?.toLowerCase()
    if (!SAFE_METHODS.has(c.req.method) && origin === undefined && FOREIGN_SITES.has(site ?? '')) {
      return c.json(
        {
          error: `refused: a ${c.req.method} from a ${site} page — only pages served by this server (http://${allowed[0] ?? ''}) may change its state`,
        },
        403,
      )
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
