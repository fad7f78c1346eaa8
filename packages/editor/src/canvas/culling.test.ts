import type { WorkflowDocument } from '@shotchain/graph'
import { describe, expect, it } from 'vitest'
import type { Box } from '../model/bounds.ts'
import { sceneOf } from '../model/scene.ts'
import { registry } from '../testing/documents.ts'
import { type CullingStore, createCulling } from './culling.ts'

/** `count` prompt nodes in a row, 300 px apart (each 260 wide), wired one to the next. */
function row(count: number, wired = false): WorkflowDocument {
  const ids = Array.from({ length: count }, (_, k) => `p${k}`)
  const edges = wired
    ? ids.slice(1).map((id, k) => ({
        id: `e${k}`,
        from: { node: `p${k}`, port: 'text' },
        to: { node: id, port: 'text' },
      }))
    : []
  return {
    version: 1,
    name: 'row',
    nodes: ids.map((id, k) => ({
      id,
      type: 'prompt',
      position: [k * 300, 0],
      params: { text: '' },
    })),
    edges,
  } as unknown as WorkflowDocument
}

/** The view over canvas x from `left` to `right` (a quarter of its size more counts as near). */
const over = (left: number, right: number): Box => ({ left, right, top: 0, bottom: 400 })

/** A store over fake elements: only `style.display` is read and written. */
function fakeStore(doc: WorkflowDocument, view: Box) {
  const element = () => ({ style: { display: '' } }) as HTMLElement
  const nodes = new Map(doc.nodes.map((n) => [n.id, element()]))
  const connections = new Map(doc.edges.map((e) => [e.id, element()]))
  let views = { nodes, connections }
  let viewport = view
  let mounted = { nodes: new Set<string>(), connections: new Set<string>() }
  const shown = new Set<string>()
  const store: CullingStore = {
    views: () => views,
    viewport: () => viewport,
    position: () => undefined,
    displaced: () => new Set(),
    isShown: (id) => shown.has(id),
    shownNodes: () => shown,
    setShown: (id, on) => void (on ? shown.add(id) : shown.delete(id)),
    forgetShown: (gone) => {
      for (const id of shown) if (gone(id)) shown.delete(id)
    },
    setMounted(n, c) {
      mounted = { nodes: new Set(n), connections: new Set(c) }
    },
  }
  /** Another view list (as Rete publishes on a change) holding only `ids` of the nodes. */
  const keepOnly = (ids: readonly string[]) => {
    views = { nodes: new Map([...nodes].filter(([id]) => ids.includes(id))), connections }
  }
  const look = (next: Box) => {
    viewport = next
  }
  return { store, nodes, connections, mounted: () => mounted, shown, keepOnly, look }
}

const displayed = (elements: Map<string, HTMLElement>) =>
  [...elements].filter(([, e]) => e.style.display !== 'none').map(([id]) => id)

describe('createCulling', () => {
  it('shows the nodes near the view once it is still; while it moves, the map draws them', () => {
    const doc = row(30)
    const fake = fakeStore(doc, over(900, 1500))
    const culling = createCulling(fake.store)
    const scene = sceneOf(doc, registry, {})
    // Moving: React draws nothing; p3 and p4 are on screen and wait, p2 and p5 are only near.
    expect(culling.update(scene, false, true)).toEqual({ waiting: 2, more: true })
    expect(displayed(fake.nodes)).toEqual([])
    expect(culling.update(scene, false, false)).toEqual({ waiting: 0, more: true })
    expect(displayed(fake.nodes)).toEqual(['p2', 'p3', 'p4', 'p5'])
    expect([...fake.mounted().nodes].slice(0, 4).sort()).toEqual(['p2', 'p3', 'p4', 'p5'])
  })

  it('draws far nodes in the background once the view is still, a dozen a frame, hidden', () => {
    const doc = row(30)
    const fake = fakeStore(doc, over(0, 200))
    const culling = createCulling(fake.store)
    const scene = sceneOf(doc, registry, {})
    expect(culling.update(scene, false, false)).toEqual({ waiting: 0, more: true })
    expect(fake.mounted().nodes.size).toBe(12)
    culling.update(scene, false, false)
    expect(culling.update(scene, false, false)).toEqual({ waiting: 0, more: false })
    expect(fake.mounted().nodes.size).toBe(30)
    expect(displayed(fake.nodes)).toEqual(['p0'])
  })

  it('shows drawn nodes a few a frame while the view moves, the rest once it is still', () => {
    const doc = row(100)
    const fake = fakeStore(doc, over(-2000, -1000))
    const culling = createCulling(fake.store)
    const scene = sceneOf(doc, registry, {})
    while (culling.update(scene, false, false).more) {}
    expect(fake.mounted().nodes.size).toBe(100)
    // Zoomed out over the whole row: all 100 come on screen at once.
    fake.look(over(0, 30_000))
    expect(culling.update(scene, false, true)).toEqual({ waiting: 92, more: false })
    expect(displayed(fake.nodes)).toHaveLength(8)
    culling.update(scene, false, false)
    expect(displayed(fake.nodes)).toHaveLength(72)
  })

  it('hides what leaves the view: a pan far away leaves nothing shown', () => {
    const doc = row(30, true)
    const fake = fakeStore(doc, over(0, 1000))
    const culling = createCulling(fake.store)
    const scene = sceneOf(doc, registry, {})
    culling.update(scene, false, false)
    // Near: x from −250 to 1,250. p4's wire to p5 starts right of that.
    expect(displayed(fake.nodes)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4'])
    expect(displayed(fake.connections)).toEqual(['e0', 'e1', 'e2', 'e3'])
    fake.look(over(20_000, 21_000))
    culling.update(scene, false, false)
    expect(displayed(fake.nodes)).toEqual([])
    expect(displayed(fake.connections)).toEqual([])
  })

  it('shows a wire near the view, and hides every node and wire when the map draws it', () => {
    const doc = row(3, true)
    const fake = fakeStore(doc, over(0, 1000))
    const culling = createCulling(fake.store)
    const scene = sceneOf(doc, registry, {})
    culling.update(scene, false, false)
    expect(displayed(fake.nodes)).toEqual(['p0', 'p1', 'p2'])
    expect(displayed(fake.connections)).toEqual(['e0', 'e1'])
    culling.update(scene, true, false)
    expect(displayed(fake.nodes)).toEqual([])
    expect(displayed(fake.connections)).toEqual([])
  })

  it('never hides the node holding the focus, even when the map draws the view', () => {
    const doc = row(30)
    const fake = fakeStore(doc, over(0, 200))
    const culling = createCulling(fake.store)
    const scene = sceneOf(doc, registry, {})
    culling.update(scene, false, false, 'p20')
    expect(displayed(fake.nodes)).toEqual(['p0', 'p20'])
    culling.update(scene, true, true, 'p20')
    expect(displayed(fake.nodes)).toEqual(['p20'])
  })

  it('forgets the nodes that left the canvas', () => {
    const doc = row(3)
    const fake = fakeStore(doc, over(0, 1000))
    const culling = createCulling(fake.store)
    const scene = sceneOf(doc, registry, {})
    culling.update(scene, false, false)
    expect([...fake.mounted().nodes]).toEqual(['p0', 'p1', 'p2'])
    fake.keepOnly(['p0'])
    culling.update(scene, false, false)
    expect([...fake.mounted().nodes]).toEqual(['p0'])
    expect([...fake.shown]).toEqual(['p0'])
  })
})
