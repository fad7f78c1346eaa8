import { ERROR_CODES, type ErrorInfo, ShotchainError } from '@shotchain/graph'
import type { PlannedNode } from '../plan/types.ts'

/**
 * Whether a failure is the provider's final word on the node's paid request: it ended without a
 * result and never will (`requestEnded: true` on the error). Only then may its journal entry go.
 */
export function isRequestEnded(error: unknown): boolean {
  return (error as { requestEnded?: unknown } | null)?.requestEnded === true
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
