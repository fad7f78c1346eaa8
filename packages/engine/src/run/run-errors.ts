import { ERROR_CODES, type ErrorInfo, ShotchainError, toErrorInfo } from '@shotchain/errors'
import type { PlannedNode } from '../plan/types.ts'

/**
 * Whether a failure is the provider's final word on the node's paid request: it ended without a
 * result and never will (`requestEnded: true` on the error). Only then may its journal entry go.
 */
export function isRequestEnded(error: unknown): boolean {
  return (error as { requestEnded?: unknown } | null)?.requestEnded === true
}

/**
 * A node's failure as events carry it, with a provider's field name (`start_image_url`) read as
 * the node's own port or param (`start`) through its spec's `wireFields`.
 */
export function nodeErrorInfo(error: unknown, node: PlannedNode): ErrorInfo {
  const info = toErrorInfo(error, node.id)
  const field = info.field === undefined ? undefined : node.spec.wireFields?.[info.field]
  return field === undefined ? info : { ...info, field }
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

/**
 * The failure of a node whose earlier submit may have reached the provider, id unknown. Nothing
 * can look that request up (fal's queue API finds requests by id only), so the message says when
 * the submit began, for a person to check the provider's dashboard, and what deciding means.
 */
export function ambiguousSubmitError(
  nodeId: string,
  entry: { readonly runId: string; readonly at: number },
): ErrorInfo {
  return {
    code: ERROR_CODES.ambiguousSubmit,
    message:
      `"${nodeId}" may already have been submitted (run ${entry.runId}, at ` +
      `${new Date(entry.at).toISOString()}) but its request id was never saved, and the ` +
      "provider cannot be asked for it. Look in the provider's request history (fal.ai/dashboard) " +
      'for a request at that time: submit again (it is paid again) or leave it.',
    nodeId,
  }
}
