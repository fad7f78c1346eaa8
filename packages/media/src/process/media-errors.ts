import { ERROR_CODES, ShotchainError } from '@shotchain/errors'

/** A user's input is wrong: a missing file, a file that is not media, a bad size. */
export function validationError(message: string, cause?: unknown): ShotchainError {
  return new ShotchainError(ERROR_CODES.validation, message, cause === undefined ? {} : { cause })
}

/** ffmpeg or ffprobe failed in a way the input does not explain. */
export function internalError(message: string, cause?: unknown): ShotchainError {
  return new ShotchainError(ERROR_CODES.internal, message, cause === undefined ? {} : { cause })
}

/** The caller's AbortSignal fired. */
export function cancelledError(what: string, reason?: unknown): ShotchainError {
  return new ShotchainError(
    ERROR_CODES.cancelled,
    `${what} was cancelled`,
    reason === undefined ? {} : { cause: reason },
  )
}

/** Throws the `cancelled` error when the signal has already fired. */
export function throwIfAborted(signal: AbortSignal | undefined, what: string): void {
  if (signal?.aborted) throw cancelledError(what, signal.reason)
}
