import type { WorkflowDocument, WorkflowEdge, WorkflowNode } from '@shotchain/graph'

/** A node of a test workflow. */
export function node(id: string, type: string, params: Record<string, unknown> = {}): WorkflowNode {
  return { id, type, position: [0, 0], params }
}

/** An edge `from.port → to.port`; `order` for list inputs. */
export function link(from: string, to: string, order?: number): WorkflowEdge {
  const [fromNode = '', fromPort = ''] = from.split('.')
  const [toNode = '', toPort = ''] = to.split('.')
  return {
    id: `${from}->${to}`,
    from: { node: fromNode, port: fromPort },
    to: { node: toNode, port: toPort },
    ...(order === undefined ? {} : { order }),
  }
}

export function workflow(
  nodes: readonly WorkflowNode[],
  edges: readonly WorkflowEdge[],
): WorkflowDocument {
  return { format: 'shotchain.workflow', version: 1, name: 'test', nodes, edges }
}

export interface ChainOptions {
  readonly shots: number
  /** Seconds per shot (default 5). */
  readonly duration?: number
  readonly tier?: 'standard' | 'pro'
  /** The image file the first shot starts from. */
  readonly imagePath?: string
  /** Prompt text of shot k (1-based). */
  readonly prompt?: (k: number) => string
}

/**
 * `img` → `shot1` → … → `shotN`, each shot's `lastFrame` feeding the next one's `start`, prompt
 * `p<k>` into shot k, every clip into `seq` in order, `seq` into the output `out`.
 */
export function chainWorkflow(options: ChainOptions): WorkflowDocument {
  const prompt = options.prompt ?? ((k) => `@Image1 shot ${k}: the camera drifts forward`)
  const shotParams = { duration: options.duration ?? 5, tier: options.tier ?? 'standard' }
  const nodes = [node('img', 'image-source', { path: options.imagePath ?? 'frames/start.png' })]
  const edges: WorkflowEdge[] = []
  for (let k = 1; k <= options.shots; k++) {
    nodes.push(
      node(`p${k}`, 'prompt', { text: prompt(k) }),
      node(`shot${k}`, 'kling-o1-i2v', shotParams),
    )
    edges.push(
      link(k === 1 ? 'img.image' : `shot${k - 1}.lastFrame`, `shot${k}.start`),
      link(`p${k}.text`, `shot${k}.prompt`),
      link(`shot${k}.video`, 'seq.clips', k),
    )
  }
  nodes.push(node('seq', 'sequence'), node('out', 'output', { name: 'sequence' }))
  edges.push(link('seq.video', 'out.video'))
  return workflow(nodes, edges)
}
