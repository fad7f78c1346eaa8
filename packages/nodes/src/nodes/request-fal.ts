import { ERROR_CODES, type RunContext } from '@shotchain/graph'
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
 * never finish: it is submitted once more in its place (`ctx.submit`'s `replacing`), and the
 * node's logs say so. Nothing is submitted again after the run's own cancel or any other error:
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
  if (resumed === undefined) {
    const requestId = await submit()
    return { requestId, result: await wait(requestId) }
  }
  try {
    return { requestId: resumed, result: await wait(resumed) }
  } catch (error) {
    const dead = signal.aborted ? undefined : deadRequestNote(error, resumed)
    if (dead === undefined) throw error
    const requestId = await submit(resumed)
    ctx.progress({ logs: [`${dead}: submitted again as ${requestId}`] })
    return { requestId, result: await wait(requestId) }
  }
}

/** What fal said of a request it will never finish, when `error` is that; else undefined. */
function deadRequestNote(error: unknown, requestId: string): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  if (code === ERROR_CODES.cancelled) return `fal reports request ${requestId} cancelled`
  if (code === ERROR_CODES.notFound) return `fal no longer knows request ${requestId}`
  return undefined
}
