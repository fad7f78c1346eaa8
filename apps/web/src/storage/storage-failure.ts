import type { ApiFailure } from '../api/call-api.ts'
import type { ProblemDetail, StorageFailure } from './workflow-storage.ts'

const UNREACHABLE =
  'cannot reach the Shotchain server: is `pnpm start` still running? Your changes are still here; save again once it is back'

/**
 * A failed call of the workflow API as a storage failure, keeping the server's message: a stale
 * save is a `conflict` with the revision now stored, a refused document (400, 422) `refused` with
 * its issues' paths and messages, 404 `not-found`, and anything else `unavailable`.
 */
export function storageFailureOf(failure: ApiFailure): StorageFailure {
  switch (failure.kind) {
    case 'unreachable':
      return { kind: 'unavailable', message: UNREACHABLE }
    case 'unexpected':
      return { kind: 'unavailable', message: failure.message }
    case 'refused':
      return refusalOf(failure.status, failure.body)
  }
}

function refusalOf(
  status: number,
  body: Extract<ApiFailure, { kind: 'refused' }>['body'],
): StorageFailure {
  const error = body?.error
  if (status === 409 && body?.revision !== undefined) {
    return {
      kind: 'conflict',
      message: error ?? 'someone saved this workflow after you opened it',
      revision: body.revision,
    }
  }
  if (status === 400 || status === 422) {
    const issues: ProblemDetail[] = (body?.issues ?? []).map(({ path, message }) => ({
      path,
      message,
    }))
    return { kind: 'refused', message: error ?? 'the server refused the workflow', issues }
  }
  if (status === 404) return { kind: 'not-found', message: error ?? 'not found on the server' }
  // A bare 500 is what Vite's dev proxy answers when the server behind it is down.
  if (status === 500 && error === undefined) return { kind: 'unavailable', message: UNREACHABLE }
  return {
    kind: 'unavailable',
    message: error ?? `the server answered ${status}; its log may say why`,
  }
}
