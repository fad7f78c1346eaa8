import { ERROR_CODES, type ErrorInfo, ShotchainError } from '@shotchain/graph'
import type { PlannedNode } from '../plan/types.ts'

/**
 * Whether a failure may be passing (a dropped connection while waiting, a rate limit, a 5xx):
 * then the provider's job may still finish, and its journal entry is kept for the next run.
 * Errors say so with `retryable: true`; an ambiguous submit is kept for a person to decide.
 */
export function isTransient(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const e = error as { retryable?: unknown; code?: unknown }
  return e.retryable === true || e.code === ERROR_CODES.ambiguousSubmit
}

/** An error when a node's result lacks one of its declared outputs (a bug in the node). */
export function missingOutput(node: PlannedNode, outputs: unknown): ShotchainError | undefined {
  if (typeof outputs !== 'object' || outputs === null) {
    return new ShotchainError(ERROR_CODES.internal, `"${node.id}" returned no outputs`, {
      nodeId: node.id,
    })
  }
  for (const port of Object.keys(node.spec.outputs)) {
    if ((outputs as Record<string, unknown>)[port] === undefined) {
      return new ShotchainError(
        ERROR_CODES.internal,
        `"${node.id}" (${node.spec.type}) finished without a value for its output "${port}"`,
        { nodeId: node.id, field: port },
      )
    }
  }
  return undefined
}

/** The failure of a node whose earlier submit may have reached the provider, id unknown. */
export function ambiguousSubmitError(nodeId: string, runId: string): ErrorInfo {
  return {
    code: ERROR_CODES.ambiguousSubmit,
    message:
      `"${nodeId}" may already have been submitted (run ${runId}) but its request id was never ` +
      'saved. Check the provider for the job, then choose to submit it again or not.',
    nodeId,
  }
}
