import type { PlannedNode, RunPlan } from '@shotchain/engine'
import { type Issue, type MediaFacts, type NodeRegistry, sourceFileOf } from '@shotchain/graph'
import type { LocalImageFacts, ReadImageFacts } from '../services/image-facts.ts'

/**
 * Finds, before anything is paid for, the local files a paid node of `plan` would refuse: for
 * every node the run will submit whose spec has `checkInputFile`, each source node with a file
 * param feeding it is read (`readFacts`: header, size, a real decode) and the paid node is asked
 * about it. One `node-check` error per source node at fault, on its file param, naming the nodes
 * that would refuse it. Only nodes the run submits count: cached, reused and re-attached ones pay
 * nothing. A file that cannot be read gives no issue here (fingerprinting already names it).
 *
 * Files made during the run (a url, an extracted frame) are checked by the node when it runs.
 */
export async function checkInputFiles(
  plan: RunPlan,
  registry: NodeRegistry,
  readFacts: ReadImageFacts,
): Promise<Issue[]> {
  const index = new Map(plan.doc.nodes.map((node, i) => [node.id, i]))
  // Source node id → the paid nodes it feeds and the port it reaches each on, in plan order.
  const fed = new Map<string, { node: PlannedNode; port: string }[]>()
  for (const node of plan.nodes) {
    if (!submits(node)) continue
    for (const input of node.inputs) {
      for (const source of input.sources) {
        const list = fed.get(source.node) ?? []
        list.push({ node, port: input.port })
        fed.set(source.node, list)
      }
    }
  }
  const checks = [...fed].map(async ([sourceId, readers]): Promise<Issue | undefined> => {
    const at = index.get(sourceId)
    const source = at === undefined ? undefined : plan.doc.nodes[at]
    const file = source === undefined ? undefined : sourceFileOf(registry, source)
    if (source === undefined || file === undefined) return undefined
    const facts = await readFacts(file.path).catch(() => undefined)
    if (facts === undefined) return undefined
    const problems = readers.flatMap(({ node, port }) => {
      const problem = node.spec.checkInputFile?.(port, mediaFacts(facts), node.params)
      return problem === undefined ? [] : [{ problem, by: node }]
    })
    const first = problems[0]
    if (first === undefined) return undefined
    const ids = [...new Set(problems.map((p) => p.by.id))]
    const who = `${first.by.spec.title} (${ids.length === 1 ? 'node' : 'nodes'} ${ids.join(', ')})`
    return {
      code: 'node-check',
      severity: 'error',
      nodeId: sourceId,
      field: file.param,
      path: `nodes[${at}].params.${file.param}`,
      message: `the ${whatIsRead(registry, source.type)} ${first.problem} — ${who} would refuse it`,
    }
  })
  return (await Promise.all(checks)).filter((issue) => issue !== undefined)
}

/** Whether the run submits the node (and so pays for it), and the node checks its input files. */
function submits(node: PlannedNode): boolean {
  return (
    node.spec.checkInputFile !== undefined &&
    node.action === 'run' &&
    node.resumeRequestId === undefined
  )
}

function mediaFacts(facts: LocalImageFacts): MediaFacts {
  return {
    ...(facts.header === undefined ? {} : { image: facts.header }),
    ...(facts.sizeBytes === undefined ? {} : { sizeBytes: facts.sizeBytes }),
    ...(facts.undecodable === undefined ? {} : { undecodable: facts.undecodable }),
  }
}

/** "image" for a source that reads only images, else "file". */
function whatIsRead(registry: NodeRegistry, type: string): string {
  const role = registry.get(type)?.role
  const accepts = role?.kind === 'source' ? (role.file?.accepts ?? []) : []
  return accepts.length > 0 && accepts.every((a) => a.startsWith('image/')) ? 'image' : 'file'
}
