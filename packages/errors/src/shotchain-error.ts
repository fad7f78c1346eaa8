import { ERROR_CODES, type ErrorCode, isErrorCode } from './error-codes.ts'

export interface ErrorDetails {
  readonly nodeId?: string
  readonly field?: string
  readonly cause?: unknown
  /** Whether trying the same thing again may succeed (rate limits, dropped connections). */
  readonly retryable?: boolean
  /**
   * The provider's final word on a paid request: it ended without a result and never will
   * (refused its input, cancelled, or no longer known). Only such a failure lets the engine
   * forget the request's journal entry; after any other failure the request stays journaled and
   * a later run re-attaches to it instead of paying again.
   */
  readonly requestEnded?: boolean
}

/** A runtime failure with a catalogue code, a message a person can act on, and where it happened. */
export class ShotchainError extends Error {
  readonly code: ErrorCode
  readonly nodeId: string | undefined
  readonly field: string | undefined
  readonly retryable: boolean
  readonly requestEnded: boolean

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    this.name = 'ShotchainError'
    this.code = code
    this.nodeId = details.nodeId
    this.field = details.field
    this.retryable = details.retryable ?? false
    this.requestEnded = details.requestEnded ?? false
  }
}

/** The plain, serialisable form of an error, as events and the API carry it. */
export interface ErrorInfo {
  readonly code: ErrorCode
  readonly message: string
  readonly nodeId?: string
  readonly field?: string
}

/**
 * Reads any thrown value as an {@link ErrorInfo}. Errors from other packages keep their
 * `code` when it is in the catalogue; anything else becomes `internal`.
 */
export function toErrorInfo(error: unknown, nodeId?: string): ErrorInfo {
  if (typeof error === 'object' && error !== null) {
    const e = error as { code?: unknown; message?: unknown; nodeId?: unknown; field?: unknown }
    const code = isErrorCode(e.code) ? e.code : ERROR_CODES.internal
    const message = typeof e.message === 'string' && e.message !== '' ? e.message : String(error)
    const node = typeof e.nodeId === 'string' ? e.nodeId : nodeId
    const info: ErrorInfo = { code, message }
    return {
      ...info,
      ...(node === undefined ? {} : { nodeId: node }),
      ...(typeof e.field === 'string' ? { field: e.field } : {}),
    }
  }
  return { code: ERROR_CODES.internal, message: String(error), ...(nodeId ? { nodeId } : {}) }
}
