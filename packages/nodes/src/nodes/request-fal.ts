import { ERROR_CODES } from '@shotchain/errors'
import type { RunContext } from '@shotchain/graph'
import type { NodeServices } from '../services.ts'

/** The request that produced a fal result, and the result. */
export interface FalOutcome {
  readonly requestId: string
  readonly result: unknown
}

/**
 * Gets a paid fal job's result: re-attaches to the request a resumed run hands the node, or
 * submits `prepare()`'s input through the journal, then waits, reporting progress.
 *
 * A resumed request fal itself reports cancelled or unknown (`cancelled`, `not-found`) will
 * never finish, nor will one fal refused because an input upload had expired: it is submitted
 * once more in its place (`ctx.submit`'s `replacing`), and the node's logs say so. Nothing is submitted again after the run's own cancel or any other error:
 * the job may still finish, and it stays journaled for a later run. Rejects with the wait's or
 * the submit's error.
 */
export async function requestFal(
  ctx: RunContext<unknown, NodeServices>,
  endpoint: string,
  prepare: () => Promise<Record<string, unknown>>,
): Promise<FalOutcome> {
  const { fal } = ctx.services
  const { signal } = ctx
  const submit = async (replacing?: string) => {
    const input = await prepare()
    return ctx.submit(() => fal.submit(endpoint, input, signal), { replacing })
  }
  const wait = (requestId: string) =>
    fal.wait(endpoint, requestId, { signal, onProgress: (progress) => ctx.progress(progress) })

  const resumed = ctx.resumeRequestId
  const requestId = resumed ?? (await submit())
  try {
    return { requestId, result: await wait(requestId) }
  } catch (error) {
    const ended = signal.aborted ? undefined : endedRequestNote(error, requestId, resumed)
    if (ended === undefined) throw error
    const fresh = await submit(requestId)
    ctx.progress({ logs: [`${ended}: submitted again as ${fresh}`] })
    return { requestId: fresh, result: await wait(fresh) }
  }
}

/**
 * What fal said of a request that will never finish and is worth one more submit, when `error`
 * is that; else undefined. A resumed request fal reports cancelled or unknown; or any request
 * fal refused because it could not download an input we had uploaded earlier (the gateway has
 * forgotten that upload, so the next submit uploads it again; fal billed nothing for it).
 */
function endedRequestNote(
  error: unknown,
  requestId: string,
  resumed: string | undefined,
): string | undefined {
  const e = error as { code?: unknown; requestEnded?: unknown; retryable?: unknown } | null
  if (e?.code === ERROR_CODES.validation && e.requestEnded === true && e.retryable === true) {
    return `fal could not download an input of request ${requestId} (an expired upload)`
  }
  if (requestId !== resumed) return undefined
  if (e?.code === ERROR_CODES.cancelled) return `fal reports request ${requestId} cancelled`
  if (e?.code === ERROR_CODES.notFound) return `fal no longer knows request ${requestId}`
  return undefined
}
