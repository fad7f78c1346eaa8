/**
 * The one catalogue of runtime error codes. Packages compare `code`, never `instanceof`,
 * because errors cross package (and process) boundaries.
 */
export const ERROR_CODES = {
  /** The input is wrong (a param, an image fal would refuse); fix it and run again. */
  validation: 'validation',
  /** The provider asked us to slow down. */
  rateLimited: 'rate-limited',
  /** The provider refused our credentials, or the account cannot pay (401/403). */
  unauthorized: 'unauthorized',
  /** The provider does not know the request (expired, or never existed). */
  notFound: 'not-found',
  /** The provider failed on its side (5xx). */
  server: 'server',
  timeout: 'timeout',
  /** The connection failed or dropped. */
  network: 'network',
  cancelled: 'cancelled',
  /** A paid submit may have reached the provider but its request id is unknown; a person decides. */
  ambiguousSubmit: 'ambiguous-submit',
  /** A paid submit would take the run past its budget; nothing was sent. */
  overBudget: 'over-budget',
  /** The graph cannot run (cycle, type error, missing input); nothing was started. */
  invalidGraph: 'invalid-graph',
  /** An input of this node failed, so the node did not run. */
  upstreamFailed: 'upstream-failed',
  /** A bug or an error without a code of its own. */
  internal: 'internal',
} as const

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES]

const KNOWN = new Set<string>(Object.values(ERROR_CODES))

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && KNOWN.has(value)
}
