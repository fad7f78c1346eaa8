import { hash } from 'node:crypto'
import { fingerprintDocument, type PlanMemo, planRun, type RunPlan } from '@shotchain/engine'
import type { Issue, NodeRegistry, WorkflowDocument } from '@shotchain/graph'
import type { NodeServices } from '@shotchain/nodes'
import type { Store } from '@shotchain/store'
import type { ReadImageFacts } from '../services/image-facts.ts'
import { checkInputFiles } from './check-input-files.ts'

/** SHA-256 through node:crypto: the same keys as the engine's portable default, faster. */
export const nodeHash = (text: string): string => hash('sha256', text, 'hex')

export type PlanWorkflowResult =
  | {
      readonly ok: true
      readonly plan: RunPlan
      readonly fingerprints: ReadonlyMap<string, string>
    }
  | { readonly ok: false; readonly issues: readonly Issue[] }

/**
 * Fingerprints what the document reads from outside (image files) and plans a run against the
 * store's cache and journal. Refuses, with issues naming node and field, when the plan is invalid
 * or a node the run needs cannot read its input; problems in nodes the run does not need are left
 * out. With `imageFacts`, it also refuses local images a shot the run submits would send to fal
 * and fal would refuse (the issue is on the image node's `path`; see `checkInputFiles`). Nothing
 * is paid for.
 * @example
 * const media = createMediaServices(store, tools, { baseDir })
 * const planned = await planWorkflow({
 *   doc, registry, services: { media, fal }, store, imageFacts: media.readImageFacts,
 * })
 * if (!planned.ok) return refuse(planned.issues) // e.g. nodes[0].params.path: the image is 200×200 px…
 */
export async function planWorkflow(options: {
  readonly doc: WorkflowDocument
  readonly registry: NodeRegistry
  readonly services: NodeServices
  readonly store: Pick<Store, 'cache' | 'journal'>
  readonly targets?: readonly string[]
  readonly memo?: PlanMemo
  readonly signal?: AbortSignal
  /** Reads local images for the plan-time check; without it, shots check them as they run. */
  readonly imageFacts?: ReadImageFacts
  /** Nodes a person chose to submit again (`executeRun`'s `resubmit`): priced as fresh submits. */
  readonly resubmit?: ReadonlySet<string>
}): Promise<PlanWorkflowResult> {
  const { doc, registry, services, store } = options
  const { fingerprints, issues } = await fingerprintDocument(
    doc,
    registry,
    services,
    options.signal,
  )
  const plan = planRun(doc, registry, {
    cache: store.cache,
    journal: store.journal,
    hash: nodeHash,
    fingerprints,
    ...(options.targets && options.targets.length > 0 ? { targets: options.targets } : {}),
    ...(options.memo ? { memo: options.memo } : {}),
    ...(options.resubmit ? { resubmit: options.resubmit } : {}),
  })
  const needed = plan.ok ? new Set(plan.plan.nodes.map((n) => n.id)) : undefined
  const blocking = issues.filter((i) => needed === undefined || needed.has(i.nodeId ?? ''))
  if (!plan.ok) return { ok: false, issues: [...plan.issues, ...blocking] }
  const images = options.imageFacts
    ? await checkInputFiles(plan.plan, registry, options.imageFacts)
    : []
  if (blocking.length + images.length > 0) return { ok: false, issues: [...blocking, ...images] }
  return { ok: true, plan: plan.plan, fingerprints }
}
