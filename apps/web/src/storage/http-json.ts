import type { ProblemDetail, StorageFailure, StorageResult } from './workflow-storage.ts'

/** `fetch` as the storage calls it; injected so tests can point it at any server. */
export type Fetch = (url: string, init?: RequestInit) => Promise<Response>

/** The browser's fetch, called unbound-safe. */
export const browserFetch: Fetch = (url, init) => globalThis.fetch(url, init)

const UNREACHABLE =
  'cannot reach the Shotchain server: is `pnpm start` still running? Your changes are still here; save again once it is back'

/**
 * Sends one request and reads its JSON body. A network error, a non-JSON body or an error
 * status becomes a {@link StorageFailure} built from the server's `{ error, issues, revision }`.
 */
export async function requestJson(
  fetch: Fetch,
  url: string,
  init?: RequestInit,
): Promise<StorageResult<unknown>> {
  let response: Response
  try {
    response = await fetch(url, init)
  } catch {
    return { ok: false, failure: { kind: 'unavailable', message: UNREACHABLE } }
  }
  const text = await response.text().catch(() => '')
  const body = parseJson(text)
  if (response.ok) return { ok: true, value: body }
  return { ok: false, failure: failureOf(response.status, body) }
}

function parseJson(text: string): unknown {
  if (text === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** Maps an error response of the server's API to a failure, keeping its message. */
export function failureOf(status: number, body: unknown): StorageFailure {
  const fields = (typeof body === 'object' && body !== null ? body : {}) as {
    error?: unknown
    issues?: unknown
    revision?: unknown
  }
  const error = typeof fields.error === 'string' ? fields.error : undefined
  if (status === 409 && typeof fields.revision === 'number') {
    return {
      kind: 'conflict',
      message: error ?? 'someone saved this workflow after you opened it',
      revision: fields.revision,
    }
  }
  if (status === 400 || status === 422) {
    return {
      kind: 'refused',
      message: error ?? 'the server refused the workflow',
      issues: problemsOf(fields.issues),
    }
  }
  if (status === 404) return { kind: 'not-found', message: error ?? 'not found on the server' }
  // A bare 500 is what Vite's dev proxy answers when the server behind it is down.
  if (status === 500 && error === undefined) return { kind: 'unavailable', message: UNREACHABLE }
  return {
    kind: 'unavailable',
    message: error ?? `the server answered ${status}; its log may say why`,
  }
}

function problemsOf(value: unknown): ProblemDetail[] {
  if (!Array.isArray(value)) return []
  return value.flatMap((item: unknown) => {
    const issue = item as { path?: unknown; message?: unknown }
    if (typeof issue?.message !== 'string') return []
    return [{ path: typeof issue.path === 'string' ? issue.path : '', message: issue.message }]
  })
}
