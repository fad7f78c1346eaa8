import { ERROR_CODES, ShotchainError } from '@shotchain/errors'
import { LEASE_MS } from '../runs/lease-keeper.ts'

/** How this server process shares its home and runs with others (a team server). */
export interface TeamSettings {
  /**
   * Whether several server processes share the home (`SHOTCHAIN_TEAM=1`, or a
   * `SHOTCHAIN_DATABASE_URL`): then no process takes the home's server lock.
   */
  readonly shared: boolean
  /** How long a run's lease lasts unless renewed (`SHOTCHAIN_LEASE_MS`, default 6000). */
  readonly leaseMs: number
  /** How often leases are renewed and dead processes' runs looked for: a third of the lease. */
  readonly heartbeatMs: number
  /**
   * The `host[:port]` names browsers reach the server by through a proxy (`SHOTCHAIN_PUBLIC_URL`,
   * comma-separated URLs): requests naming them pass the Host and Origin checks.
   */
  readonly publicHosts: readonly string[]
}

/**
 * Reads the team settings from `env`. Throws a `validation` error naming the variable when
 * `SHOTCHAIN_LEASE_MS` is not a whole number of milliseconds from 300 to 600000, or
 * `SHOTCHAIN_TEAM` is neither `0` nor `1`, or `SHOTCHAIN_PUBLIC_URL` holds something other than
 * http(s) URLs.
 */
export function readTeamSettings(env: NodeJS.ProcessEnv): TeamSettings {
  const team = env.SHOTCHAIN_TEAM ?? '0'
  if (team !== '0' && team !== '1') {
    throw new ShotchainError(ERROR_CODES.validation, `SHOTCHAIN_TEAM: "${team}" is not 0 or 1`, {
      field: 'SHOTCHAIN_TEAM',
    })
  }
  const raw = env.SHOTCHAIN_LEASE_MS ?? String(LEASE_MS)
  const leaseMs = Number(raw)
  if (!Number.isSafeInteger(leaseMs) || leaseMs < 300 || leaseMs > 600_000) {
    throw new ShotchainError(
      ERROR_CODES.validation,
      `SHOTCHAIN_LEASE_MS: "${raw}" is not a lease length in milliseconds (300 to 600000)`,
      { field: 'SHOTCHAIN_LEASE_MS' },
    )
  }
  const shared = team === '1' || Boolean(env.SHOTCHAIN_DATABASE_URL)
  return {
    shared,
    leaseMs,
    heartbeatMs: Math.round(leaseMs / 3),
    publicHosts: readPublicHosts(env.SHOTCHAIN_PUBLIC_URL ?? ''),
  }
}

function readPublicHosts(raw: string): string[] {
  return raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const url = URL.canParse(part) ? new URL(part) : undefined
      if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
        throw new ShotchainError(
          ERROR_CODES.validation,
          `SHOTCHAIN_PUBLIC_URL: "${part}" is not an http(s) URL such as https://shotchain.example.com`,
          { field: 'SHOTCHAIN_PUBLIC_URL' },
        )
      }
      return url.host.toLowerCase()
    })
}
