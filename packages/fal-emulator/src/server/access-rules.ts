import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { isIP } from 'node:net'
import { falError, type Reply } from './reply.ts'

/**
 * Who may talk to the emulator. A page in the user's browser can reach a loopback port, so
 * without these rules any web site that finds the port could reconfigure the emulator or queue
 * jobs (a form POST needs no CORS preflight).
 */
export interface AccessRules {
  /** The only key accepted (`Authorization: Key <apiKey>`); any key when undefined. */
  readonly apiKey: string | undefined
  /** What `rest.fal.ai/tokens/` hands out and `fal_jwt_token` must be: random per process. */
  readonly streamToken: string
  /** Host header names (without port) accepted; `'any'` turns the Host check off. */
  readonly hosts: ReadonlySet<string> | 'any'
  /** Origins (`scheme://host[:port]`) accepted from browsers; `'loopback'` for any loopback one. */
  readonly origins: ReadonlySet<string>
}

/** Stands for every `http(s)://<loopback host>[:port]` origin in {@link AccessRules.origins}. */
export const LOOPBACK_ORIGINS = 'loopback'

/** Whether `hostname` (no port; IPv6 with or without brackets) names this machine. */
export function isLoopbackHost(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/^\[|\]$/g, '')
  if (name === 'localhost' || name.endsWith('.localhost')) return true
  if (isIP(name) === 4) return name.startsWith('127.')
  return name === '::1' || name === '::ffff:127.0.0.1'
}

/** The host name of a Host header value, without its port. */
function hostnameOf(host: string): string {
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1)
  return host.replace(/:\d*$/, '')
}

function isAllowedOrigin(origin: string, rules: AccessRules): boolean {
  if (rules.origins.has(origin)) return true
  if (!rules.origins.has(LOOPBACK_ORIGINS)) return false
  try {
    const url = new URL(origin)
    return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHost(url.hostname)
  } catch {
    return false
  }
}

/** Whether the request's Origin (if any) may read the answer: the CORS headers follow it. */
export function allowedOriginOf(req: IncomingMessage, rules: AccessRules): string | undefined {
  const origin = req.headers.origin
  return origin !== undefined && isAllowedOrigin(origin, rules) ? origin : undefined
}

/**
 * Checks Host and Origin before anything else runs; returns the 403 to answer, or undefined.
 * A request without Origin (Node, curl) passes the Origin rule, except a browser's cross-site
 * write that carries `Sec-Fetch-Site: cross-site` without one.
 */
export function refuseByHostOrOrigin(
  req: IncomingMessage,
  method: string,
  rules: AccessRules,
): Reply | undefined {
  const host = req.headers.host
  if (rules.hosts !== 'any') {
    const name = host === undefined ? undefined : hostnameOf(host).toLowerCase()
    if (name === undefined || !(isLoopbackHost(name) || rules.hosts.has(name))) {
      return falError(403, `Host "${host ?? ''}" is not allowed to reach the fal emulator`)
    }
  }
  const origin = req.headers.origin
  if (origin !== undefined && !isAllowedOrigin(origin, rules)) {
    return falError(403, `Origin "${origin}" is not allowed to reach the fal emulator`)
  }
  const site = req.headers['sec-fetch-site']
  if (origin === undefined && site === 'cross-site' && method !== 'GET' && method !== 'HEAD') {
    return falError(403, 'Cross-site requests are not allowed to reach the fal emulator')
  }
  return undefined
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * fal's key check: 401 `{detail}` without `Authorization: Key …`, and with an `apiKey` for any
 * other key (fal's words for an unknown key). Returns undefined when the key is fine.
 */
export function refuseByKey(req: IncomingMessage, rules: AccessRules): Reply | undefined {
  const match = /^Key\s+(\S+)\s*$/.exec(req.headers.authorization ?? '')
  if (match?.[1] === undefined) return falError(401, 'Authorization header is required')
  if (rules.apiKey !== undefined && !sameSecret(match[1], rules.apiKey)) {
    return falError(401, 'No user found for Key ID and Secret')
  }
  return undefined
}
