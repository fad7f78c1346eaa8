import {
  type ApiRequest,
  type ApiResponse,
  type ApiRoute,
  type ErrorBody,
  pathOf,
  readAnswer,
} from '@shotchain/api'

/** `fetch` as the client calls it; injected so tests can point it at any server. */
export type Fetch = (url: string, init?: RequestInit) => Promise<Response>

/** The browser's fetch, called unbound-safe. */
export const browserFetch: Fetch = (url, init) => globalThis.fetch(url, init)

/**
 * Why a call of the API did not give its answer:
 * - `unreachable`: no answer at all (the server is gone, the network failed);
 * - `refused`: the server said no (status ≥ 400) with its error body — `body` is undefined when
 *   the answer was not one (a proxy's bare 500);
 * - `unexpected`: a success the API contract does not allow; `message` says which field, for
 *   a person (a page older than the server, reloading fixes it).
 */
export type ApiFailure =
  | { readonly kind: 'unreachable' }
  | { readonly kind: 'refused'; readonly status: number; readonly body: ErrorBody | undefined }
  | { readonly kind: 'unexpected'; readonly status: number; readonly message: string }

export type ApiCall<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly failure: ApiFailure }

/** A route's request: its JSON body, or (for a route that reads no JSON, e.g. an upload) bytes. */
type RequestOf<R extends ApiRoute> = [ApiRequest<R>] extends [undefined]
  ? Blob | undefined
  : ApiRequest<R>

/** Settings of one {@link callApi}. */
export interface CallOptions<R extends ApiRoute> {
  /** Values of the route's `:params`. */
  readonly params?: Readonly<Record<string, string>>
  readonly body?: RequestOf<R>
  readonly headers?: Readonly<Record<string, string>>
  readonly fetch?: Fetch
  /** The server's origin; empty (the default) for the page's own. */
  readonly base?: string
}

/**
 * Calls one route of the Shotchain server's API (`apiRoutes` of `@shotchain/api`) and parses its
 * answer with the route's schema: the answer typed by the contract, or why not. A `Blob` body is
 * sent as raw bytes with its own type, anything else as JSON. Never rejects.
 * @example
 * const run = await callApi(apiRoutes.getRun, { params: { id: runId } })
 * if (run.ok) show(run.value.status)
 */
export async function callApi<R extends ApiRoute>(
  route: R,
  options: CallOptions<R> = {},
): Promise<ApiCall<ApiResponse<R>>> {
  const fetch = options.fetch ?? browserFetch
  const url = `${options.base ?? ''}${pathOf(route, options.params)}`
  let response: Response
  let text: string
  try {
    response = await fetch(url, { method: route.method, ...requestOf(options) })
    text = await response.text()
  } catch {
    return { ok: false, failure: { kind: 'unreachable' } }
  }
  const answer = readAnswer(route, response.status, text)
  switch (answer.kind) {
    case 'ok':
      return { ok: true, value: answer.value }
    case 'refused':
      return { ok: false, failure: answer }
    case 'unexpected':
      return {
        ok: false,
        failure: {
          kind: 'unexpected',
          status: answer.status,
          message: `the server's answer was not what this page expects (${answer.problem}): reload the page`,
        },
      }
  }
}

function requestOf(options: CallOptions<ApiRoute>): RequestInit {
  const { body, headers } = options
  if (body === undefined) return headers ? { headers } : {}
  if (body instanceof Blob) {
    return {
      headers: { 'content-type': body.type || 'application/octet-stream', ...headers },
      body,
    }
  }
  return { headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }
}
