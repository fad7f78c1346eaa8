import { ERROR_CODES, type RunContext, ShotchainError } from '@shotchain/graph'
import type { PlannedNode } from '../plan/types.ts'
import type { RunEventBody } from './events.ts'
import type { ExecuteOptions } from './execute-run.ts'

/** Whether the node journaled a submit during this attempt. */
export interface SubmitState {
  used: boolean
}

interface ContextParts {
  readonly inputs: Record<string, unknown>
  readonly resumeRequestId: string | undefined
  readonly submit: SubmitState
  readonly emit: (body: RunEventBody) => void
  readonly signal: AbortSignal
}

/** The {@link RunContext} one node attempt sees, wired to the run's journal and events. */
export function createNodeContext<S>(
  node: PlannedNode,
  options: ExecuteOptions<S>,
  parts: ContextParts,
): RunContext<unknown, S> {
  const { journal, now, runId } = options
  const { signal } = parts
  return {
    nodeId: node.id,
    params: node.params,
    inputs: parts.inputs,
    signal,
    services: options.services,
    resumeRequestId: parts.resumeRequestId,
    async submit(send) {
      if (parts.submit.used) throw new Error(`"${node.id}" submitted twice in one attempt`)
      if (signal.aborted) {
        throw new ShotchainError(ERROR_CODES.cancelled, 'the run was cancelled before submitting', {
          nodeId: node.id,
        })
      }
      parts.submit.used = true
      journal.begin(node.cacheKey, { nodeId: node.id, runId, at: now() })
      let requestId: string
      try {
        requestId = await send()
      } catch (error) {
        // Only an ambiguous submit (it may have reached the provider) stays for a person to decide.
        if ((error as { code?: unknown })?.code !== ERROR_CODES.ambiguousSubmit) {
          journal.clear(node.cacheKey)
        }
        throw error
      }
      journal.record(node.cacheKey, requestId, now())
      parts.emit({ type: 'node-submitted', nodeId: node.id, requestId })
      return requestId
    },
    progress(progress) {
      parts.emit({ type: 'node-progress', nodeId: node.id, progress })
    },
  }
}
