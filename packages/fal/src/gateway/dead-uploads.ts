import { ValidationError } from '@fal-ai/client'
import { ShotchainError } from '@shotchain/errors'
import { type FalErrorDetail, fieldOf } from './to-shotchain-error.ts'
import type { UploadOnce } from './upload-once.ts'

/** The input fields of a job and the URLs they were given, as submitted. */
export type SubmittedUrls = ReadonlyMap<string, string>

/** The string fields of a submit's input: where a URL that fal fails to download came from. */
export function urlsOf(input: Record<string, unknown>): SubmittedUrls {
  return new Map(
    Object.entries(input).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  )
}

function validationErrorIn(error: unknown): ValidationError | undefined {
  for (let at = error; at instanceof Error; at = at.cause) {
    if (at instanceof ValidationError) return at
  }
  return undefined
}

/**
 * When fal refused a job because it could not download an input we uploaded
 * (`file_download_error`), forgets those uploads, so the next upload of the same content sends
 * the bytes again instead of handing out the dead URL for hours. Returns the error to throw: the
 * same one, or (when an upload was forgotten) one marked `retryable` that says so — the request
 * itself is over and cost nothing (fal bills 0 units for a 422); a new submit with the same
 * inputs, uploaded again, may succeed.
 */
export function forgetDeadUploads(
  error: unknown,
  submitted: SubmittedUrls | undefined,
  uploads: UploadOnce,
): unknown {
  const refused = validationErrorIn(error)
  if (!(error instanceof ShotchainError) || refused === undefined) return error
  const dead = (refused.fieldErrors as FalErrorDetail[] & { input?: unknown }[]).filter(
    (d) => d.type === 'file_download_error',
  )
  const fields: string[] = []
  for (const detail of dead) {
    const field = fieldOf(detail)
    const input = (detail as { input?: unknown }).input
    const url = typeof input === 'string' ? input : field && submitted?.get(field)
    if (url && uploads.forget(url)) fields.push(field ?? 'input')
  }
  if (fields.length === 0) return error
  return new ShotchainError(
    error.code,
    `${error.message}; fal could not download the upload of ${fields.join(', ')}: it is uploaded again on the next try`,
    {
      ...(error.field === undefined ? {} : { field: error.field }),
      cause: error,
      retryable: true,
      requestEnded: error.requestEnded,
    },
  )
}
