import { ApiError, ValidationError } from '@fal-ai/client'
import { ERROR_CODES, type ErrorCode, ShotchainError } from '@shotchain/errors'
import { SubmitFailure } from './submit-failure.ts'
import { isAbort } from './transport-error.ts'

/** One entry of fal's 422 `detail`. */
export interface FalErrorDetail {
  readonly loc?: readonly (string | number)[]
  readonly msg?: string
  readonly type?: string
}

/** The field a 422 entry blames: the last name in its `loc` (`['body', 'start_image_url']`). */
export function fieldOf(detail: FalErrorDetail): string | undefined {
  const names = (detail.loc ?? []).filter((part): part is string => typeof part === 'string')
  const last = names[names.length - 1]
  return last === 'body' ? undefined : last
}

/**
 * Reads whatever a fal call threw as a {@link ShotchainError} with a catalogue code: 422s name
 * the field at fault, passing failures (429, 5xx, dropped connections) are `retryable`.
 */
export function toShotchainError(error: unknown, what: string): ShotchainError {
  if (error instanceof ShotchainError) return error
  if (error instanceof SubmitFailure) {
    return new ShotchainError(error.code, `${what}: ${error.message}`, {
      retryable: error.retryable,
      cause: error,
    })
  }
  if (error instanceof ValidationError) {
    const details = error.fieldErrors as FalErrorDetail[]
    const first = details[0]
    const field = first ? fieldOf(first) : undefined
    const said = details.map((d) => `${fieldOf(d) ?? 'input'}: ${d.msg ?? d.type ?? 'invalid'}`)
    return new ShotchainError(
      ERROR_CODES.validation,
      `${what}: fal refused the input (${said.join('; ')})`,
      {
        ...(field === undefined ? {} : { field }),
        cause: error,
      },
    )
  }
  if (error instanceof ApiError) {
    const { code, retryable } = codeOfStatus(error.status, error.isUserTimeout)
    const detail = typeof error.body?.detail === 'string' ? `: ${error.body.detail}` : ''
    return new ShotchainError(code, `${what}: fal answered HTTP ${error.status}${detail}`, {
      retryable,
      cause: error,
    })
  }
  if (isAbort(error))
    return new ShotchainError(ERROR_CODES.cancelled, `${what}: cancelled`, { cause: error })
  const message = error instanceof Error ? error.message : String(error)
  if (/timed out/i.test(message)) {
    return new ShotchainError(ERROR_CODES.timeout, `${what}: ${message}`, {
      retryable: true,
      cause: error,
    })
  }
  return new ShotchainError(ERROR_CODES.network, `${what}: ${message}`, {
    retryable: true,
    cause: error,
  })
}

function codeOfStatus(
  status: number,
  userTimeout: boolean,
): { code: ErrorCode; retryable: boolean } {
  if (userTimeout) return { code: ERROR_CODES.timeout, retryable: false }
  if (status === 401 || status === 403) return { code: ERROR_CODES.unauthorized, retryable: false }
  if (status === 404) return { code: ERROR_CODES.notFound, retryable: false }
  // fal's answer for a job that was cancelled (client_cancelled).
  if (status === 499) return { code: ERROR_CODES.cancelled, retryable: false }
  if (status === 429) return { code: ERROR_CODES.rateLimited, retryable: true }
  if (status === 408 || status === 504) return { code: ERROR_CODES.timeout, retryable: true }
  if (status >= 500) return { code: ERROR_CODES.server, retryable: true }
  return { code: ERROR_CODES.validation, retryable: false }
}
