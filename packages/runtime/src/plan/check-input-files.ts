import type { PlannedNode, RunPlan } from '@shotchain/engine'
import { imageProblem } from '@shotchain/fal/kling'
import type { Issue } from '@shotchain/graph'
import { imageSourceNode, klingO1I2vNode } from '@shotchain/nodes'
import type { ReadImageFacts } from '../services/image-facts.ts'

/**
 * Finds, before anything is paid for, the local images a Kling node of `plan` would refuse (too
 * small, too narrow or too wide, over 10 MB, not an image) or that do not decode (over the pixel
 * cap, cut short, damaged — when `readFacts` decodes): one `node-check` error per
 * `image-source` node at fault, on its `path`, naming the Kling nodes it feeds directly. Only
 * shots the run will submit count: cached, reused and re-attached shots pay nothing. A file that
 * cannot be read gives no issue here (fingerprinting already names it).
 *
 * Images made during the run (a url, an extracted frame) are checked when the shot runs.
 */
export async function checkShotImages(plan: RunPlan, readFacts: ReadImageFacts): Promise<Issue[]> {
  const index = new Map(plan.doc.nodes.map((node, i) => [node.id, i]))
  // Image node id → the Kling nodes it feeds, in plan order.
  const shotsOf = new Map<string, string[]>()
  for (const node of plan.nodes) {
    if (!submitsShot(node)) continue
    for (const input of node.inputs) {
      if (node.spec.inputs[input.port]?.type !== 'image') continue
      for (const source of input.sources) {
        const shots = shotsOf.get(source.node) ?? []
        if (!shots.includes(node.id)) shots.push(node.id)
        shotsOf.set(source.node, shots)
      }
    }
  }
  const checks = [...shotsOf].map(async ([imageId, shots]): Promise<Issue | undefined> => {
    const at = index.get(imageId)
    const image = at === undefined ? undefined : plan.doc.nodes[at]
    const path = (image?.params as { path?: unknown } | undefined)?.path
    if (image?.type !== imageSourceNode.type || typeof path !== 'string') return undefined
    const facts = await readFacts(path).catch(() => undefined)
    const problem = facts === undefined ? undefined : (imageProblem(facts) ?? facts.undecodable)
    if (problem === undefined) return undefined
    const who = `${shots.length === 1 ? 'node' : 'nodes'} ${shots.join(', ')}`
    return {
      code: 'node-check',
      severity: 'error',
      nodeId: imageId,
      field: 'path',
      path: `nodes[${at}].params.path`,
      message: `the image ${problem} — Kling (${who}) would refuse it`,
    }
  })
  return (await Promise.all(checks)).filter((issue) => issue !== undefined)
}

/** Whether the node is a Kling shot this run submits (and so pays for). */
function submitsShot(node: PlannedNode): boolean {
  return (
    node.spec.type === klingO1I2vNode.type &&
    node.action === 'run' &&
    node.resumeRequestId === undefined
  )
}
