import {
  createDocument,
  type WorkflowDocument,
  type WorkflowEdge,
  type WorkflowNode,
} from '@shotchain/graph'

/** Shots per row of the grid; 10 keeps the 100-shot workflow roughly as wide as it is tall. */
const SHOTS_PER_ROW = 10
/** Horizontal pitch of a column; a shot takes two (image and prompt, then Kling). */
const COLUMN_PX = 300
/** Vertical pitch of a node slot; a row of shots takes three. */
const ROW_PX = 220

/**
 * The editor benchmark's workflow (`pnpm bench:editor`; apps/web/e2e/editor-large.test.ts at 334
 * shots): `shots` chained Kling shots of three nodes each (an `image-source` for the end frame, a
 * `prompt`, a `kling-o1-i2v`), so 3 × `shots` nodes and as many edges. Each shot's clip
 * starts on the previous shot's last frame; the first shot starts on its own image. Nodes sit on
 * a grid, ten shots to a row. Pure: the same document every call.
 *
 * @example
 * const doc = benchWorkflow() // 300 nodes, 300 edges
 */
export function benchWorkflow(shots = 100): WorkflowDocument {
  const nodes: WorkflowNode[] = []
  const edges: WorkflowEdge[] = []
  const edge = (id: string, from: string, fromPort: string, to: string, toPort: string) =>
    edges.push({ id, from: { node: from, port: fromPort }, to: { node: to, port: toPort } })
  for (let k = 1; k <= shots; k++) {
    const x = ((k - 1) % SHOTS_PER_ROW) * 2 * COLUMN_PX
    const y = Math.floor((k - 1) / SHOTS_PER_ROW) * 3 * ROW_PX
    const image = `image-${k}`
    const prompt = `prompt-${k}`
    const shot = `shot-${k}`
    nodes.push(
      {
        id: image,
        type: 'image-source',
        position: [x, y],
        params: { url: `https://example.com/end-${k}.jpg` },
      },
      {
        id: prompt,
        type: 'prompt',
        position: [x, y + ROW_PX],
        params: { text: `Shot ${k}: @Image1 the camera drifts toward @Image2` },
      },
      {
        id: shot,
        type: 'kling-o1-i2v',
        position: [x + COLUMN_PX, y + ROW_PX / 2],
        params: { duration: 5, tier: 'standard' },
      },
    )
    edge(`end-${k}`, image, 'image', shot, 'end')
    edge(`prompt-${k}`, prompt, 'text', shot, 'prompt')
    if (k === 1) edge('start-1', image, 'image', shot, 'start')
    else edge(`start-${k}`, `shot-${k - 1}`, 'lastFrame', shot, 'start')
  }
  return { ...createDocument(`Editor benchmark, ${shots} shots`), nodes, edges }
}
