import { toErrorInfo } from '@shotchain/errors'
import type { Issue, NodeRegistry, WorkflowDocument } from '@shotchain/graph'

export interface FingerprintResult {
  /** Per node id, the fingerprint of what its result depends on outside the document. */
  readonly fingerprints: ReadonlyMap<string, string>
  /** One per node whose fingerprint could not be taken (a missing file, say). */
  readonly issues: readonly Issue[]
}

/**
 * Asks every node type that has a `fingerprint` for it (concurrently), so `planRun` can key
 * nodes by what they read from outside the document. Nodes with invalid params or unknown types
 * are skipped: validation reports them.
 */
export async function fingerprintDocument<S>(
  doc: WorkflowDocument,
  registry: NodeRegistry,
  services: S,
  signal: AbortSignal = new AbortController().signal,
): Promise<FingerprintResult> {
  const fingerprints = new Map<string, string>()
  const issues: Issue[] = []
  await Promise.all(
    doc.nodes.map(async (node, i) => {
      const spec = registry.get(node.type)
      if (spec?.fingerprint === undefined) return
      const parsed = spec.params.safeParse(node.params)
      if (!parsed.success) return
      try {
        fingerprints.set(node.id, await spec.fingerprint(parsed.data, services, signal))
      } catch (error) {
        const info = toErrorInfo(error, node.id)
        issues.push({
          code: 'node-check',
          path: info.field === undefined ? `nodes[${i}]` : `nodes[${i}].params.${info.field}`,
          message: info.message,
          severity: 'error',
          nodeId: node.id,
          ...(info.field === undefined ? {} : { field: info.field }),
        })
      }
    }),
  )
  return { fingerprints, issues }
}
