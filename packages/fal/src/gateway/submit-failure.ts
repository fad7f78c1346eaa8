import type { ErrorCode } from '@shotchain/errors'

/**
 * Thrown by the guarded fetch in place of a failed submit. It carries no transport `code` in a
 * `cause` chain and is no `TypeError`, so `@fal-ai/client` does not retry it: a submit that may
 * have reached fal is never sent twice behind our back.
 */
export class SubmitFailure extends Error {
  readonly code: ErrorCode
  readonly retryable: boolean
  /** The HTTP status fal answered with, when it answered. */
  readonly status: number | undefined
  /** What the transport threw, kept off `cause` on purpose (see above). */
  readonly transportError: unknown

  constructor(
    code: ErrorCode,
    message: string,
    details: { retryable: boolean; status?: number; transportError?: unknown },
  ) {
    super(message)
    this.name = 'SubmitFailure'
    this.code = code
    this.retryable = details.retryable
    this.status = details.status
    this.transportError = details.transportError
  }
}
