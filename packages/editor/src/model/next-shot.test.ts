import { createHistory, type WorkflowDocument, type WorkflowEdge } from '@shotchain/graph'
import { describe, expect, it } from 'vitest'
import { listOrder, registry, threeShotChain } from '../testing/documents.ts'
import { nextShotCommands, SHOT_SPACING } from './next-shot.ts'

/** The new nodes and edges of `after` that `before` lacks. */
function added(before: WorkflowDocument, after: WorkflowDocument) {
  const nodes = after.nodes.filter((n) => !before.nodes.some((b) => b.id === n.id))
  const edges = after.edges.filter((e) => !before.edges.some((b) => b.id === e.id))
  return { nodes, edges }
}

function into(edges: readonly WorkflowEdge[], node: string, port: string) {
  return edges.find((e) => e.to.node === node && e.to.port === port)
}

/** Adds the next shot after `shotId` in a history over the three-shot chain. */
function addNextShot(shotId: string, params?: Record<string, unknown>) {
  const history = createHistory(threeShotChain())
  for (const [key, value] of Object.entries(params ?? {})) {
    history.apply({ type: 'setParam', node: shotId, key, value })
  }
  const before = history.doc
  const commands = nextShotCommands(before, registry, shotId)
  if (commands === undefined) throw new Error(`${shotId} is not a shot`)
  const result = history.apply(commands, { registry })
  if (!result.ok) throw new Error(`refused: ${result.issues[0]?.message}`)
  const after = history.doc
  const fresh = added(before, after)
  const shot = fresh.nodes.find((n) => n.type === 'kling-o1-i2v')
  if (shot === undefined) throw new Error('no new shot')
  return { history, before, after, fresh, shot }
}

describe('nextShotCommands', () => {
  it('adds a shot that starts from this shot’s last frame, with a prompt of its own', () => {
    const { after, fresh, shot } = addNextShot('shot2')
    expect(fresh.nodes.map((n) => n.type).sort()).toEqual(['kling-o1-i2v', 'prompt'])
    const prompt = fresh.nodes.find((n) => n.type === 'prompt')
    expect(into(after.edges, shot.id, 'start')?.from).toEqual({ node: 'shot2', port: 'lastFrame' })
    expect(into(after.edges, shot.id, 'prompt')?.from).toEqual({ node: prompt?.id, port: 'text' })
  })

  it('keeps every existing node and edge, moving only the nodes right of the shot to make room', () => {
    const { before, after } = addNextShot('shot2')
    const shot2 = before.nodes.find((n) => n.id === 'shot2')
    const x = shot2?.position[0] ?? 0
    const kept = (doc: WorkflowDocument) => ({
      nodes: doc.nodes
        .filter((n) => before.nodes.some((b) => b.id === n.id))
        .map((n) => ({
          ...n,
          position: [n.position[0] > x ? 'moved' : n.position[0], n.position[1]],
        })),
      edges: doc.edges.filter((e) => before.edges.some((b) => b.id === e.id)),
    })
    expect(kept(after)).toEqual(kept(before))
    for (const node of before.nodes) {
      const now = after.nodes.find((n) => n.id === node.id)
      const shift = node.position[0] > x ? SHOT_SPACING : 0
      expect(now?.position).toEqual([node.position[0] + shift, node.position[1]])
    }
    const added = after.nodes.filter((n) => !before.nodes.some((b) => b.id === n.id))
    const others = after.nodes.filter((n) => !added.includes(n))
    for (const a of added) {
      for (const o of others) expect(a.position).not.toEqual(o.position)
    }
  })

  it('copies the duration and tier of the shot it follows', () => {
    const { shot } = addNextShot('shot2', { duration: 10, tier: 'pro' })
    expect(shot.params).toEqual({ duration: 10, tier: 'pro' })
  })

  it('puts its clip right after this shot’s in the sequence', () => {
    const { after, shot } = addNextShot('shot2')
    const clip = after.edges.find((e) => e.from.node === shot.id && e.from.port === 'video')
    expect(listOrder(after, 'sequence', 'clips')).toEqual(['clip1', 'clip2', clip?.id, 'clip3'])
  })

  it('puts the clip of a shot added after the last one at the end', () => {
    const { after, shot } = addNextShot('shot3')
    const clip = after.edges.find((e) => e.from.node === shot.id && e.from.port === 'video')
    expect(listOrder(after, 'sequence', 'clips')).toEqual(['clip1', 'clip2', 'clip3', clip?.id])
  })

  it('adds a second next shot between this shot and the first one added', () => {
    const { history, after, shot: first } = addNextShot('shot2')
    const commands = nextShotCommands(after, registry, 'shot2')
    expect(commands && history.apply(commands, { registry }).ok).toBe(true)
    const second = added(after, history.doc).nodes.find((n) => n.type === 'kling-o1-i2v')
    const clipOf = (id: string | undefined) =>
      history.doc.edges.find((e) => e.from.node === id && e.from.port === 'video')?.id
    expect(listOrder(history.doc, 'sequence', 'clips')).toEqual([
      'clip1',
      'clip2',
      clipOf(second?.id),
      clipOf(first.id),
      'clip3',
    ])
  })

  it('is one undo entry: one undo gives back the document before', () => {
    const { history, before } = addNextShot('shot2')
    expect(history.undo()).toBe(true)
    expect(history.doc).toEqual(before)
    expect(history.canUndo).toBe(false)
  })

  it('is undefined for a node that is not a Kling shot, or no node', () => {
    const doc = threeShotChain()
    expect(nextShotCommands(doc, registry, 'prompt2')).toBeUndefined()
    expect(nextShotCommands(doc, registry, 'sequence')).toBeUndefined()
    expect(nextShotCommands(doc, registry, 'nowhere')).toBeUndefined()
  })
})
