import type { WorkflowDocument } from '@shotchain/graph'
import { describe, expect, it } from 'vitest'
import type { Box } from '../model/bounds.ts'
import { sceneOf } from '../model/scene.ts'
import { registry } from '../testing/documents.ts'
import { type CullingStore, createCulling } from './culling.ts'

/** `count` prompt nodes in a row, 300 px apart, each wired to the next. */
function row(count: number): WorkflowDocument {
  const ids = Array.from({ length: count }, (_, k) => `p${k}`)
  return {
    version: 1,
    name: 'row',
    nodes: ids.map((id, k) => ({
      id,
      type: 'prompt',
      position: [k * 300, 0],
      params: { text: '' },
    })),
    edges: [],
  } as unknown as WorkflowDocument
}

/** A store over fake elements: only `style.display` is read and written. */
function fakeStore(doc: WorkflowDocument, visible: (id: string) => boolean, view?: Box) {
  const element = () => ({ style: { display: '' } }) as HTMLElement
  const nodes = new Map(doc.nodes.map((n) => [n.id, element()]))
  const connections = new Map(doc.edges.map((e) => [e.id, element()]))
  let mounted = { nodes: new Set<string>(), connections: new Set<string>() }
  const shown = new Set<string>()
  let views = { nodes, connections }
  const store: CullingStore = {
    views: () => views,
    isVisible: visible,
    viewport: () => view,
    position: () => undefined,
    isShown: (id) => shown.has(id),
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
  return { store, nodes, connections, mounted: () => mounted, shown, keepOnly }
}

const displayed = (elements: Map<string, HTMLElement>) =>
  [...elements].filter(([, e]) => e.style.display !== 'none').map(([id]) => id)

describe('createCulling', () => {
  it('shows the nodes near the view once it is still, drawing the near ones first', () => {
    const doc = row(30)
    const near = new Set(['p3', 'p4', 'p5'])
    const fake = fakeStore(doc, (id) => near.has(id))
    const culling = createCulling(fake.store)
    const scene = sceneOf(doc, registry, {})
    // While the view moves, React draws nothing: the map draws the near nodes meanwhile.
    expect(culling.update(scene, false, true)).toEqual({ waiting: 3, more: true })
    expect(displayed(fake.nodes)).toEqual([])
    expect(culling.update(scene, false, false)).toEqual({ waiting: 0, more: true })
    expect(displayed(fake.nodes)).toEqual(['p3', 'p4', 'p5'])
    expect([...fake.mounted().nodes].slice(0, 3)).toEqual(['p3', 'p4', 'p5'])
  })

  it('draws far nodes in the background once the view is still, a dozen a frame, hidden', () => {
    const doc = row(30)
    const fake = fakeStore(doc, (id) => id === 'p0')
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
    let near = false
    const fake = fakeStore(doc, () => near)
    const culling = createCulling(fake.store)
    const scene = sceneOf(doc, registry, {})
    while (culling.update(scene, false, false).more) {}
    expect(fake.mounted().nodes.size).toBe(100)
    // Zoomed in across the map zoom: all 100 come near at once.
    near = true
    expect(culling.update(scene, false, true)).toEqual({ waiting: 92, more: false })
    expect(displayed(fake.nodes)).toHaveLength(8)
    culling.update(scene, false, false)
    expect(displayed(fake.nodes)).toHaveLength(72)
  })

  it('shows a wire near the view, and hides every node and wire when the map draws it', () => {
    const doc = {
      ...row(3),
      edges: [{ id: 'e', from: { node: 'p0', port: 'text' }, to: { node: 'p1', port: 'text' } }],
    } as unknown as WorkflowDocument
    const view = { left: 0, top: 0, right: 1000, bottom: 600 }
    const fake = fakeStore(doc, () => true, view)
    const culling = createCulling(fake.store)
    const scene = sceneOf(doc, registry, {})
    culling.update(scene, false, false)
    expect(displayed(fake.nodes)).toEqual(['p0', 'p1', 'p2'])
    expect(displayed(fake.connections)).toEqual(['e'])
    culling.update(scene, true, false)
    expect(displayed(fake.nodes)).toEqual([])
    expect(displayed(fake.connections)).toEqual([])
  })

  it('never hides the node holding the focus, even when the map draws the view', () => {
    const doc = row(3)
    const fake = fakeStore(doc, (id) => id === 'p0')
    const culling = createCulling(fake.store)
    const scene = sceneOf(doc, registry, {})
    culling.update(scene, false, false, 'p2')
    expect(displayed(fake.nodes)).toEqual(['p0', 'p2'])
    culling.update(scene, true, true, 'p2')
    expect(displayed(fake.nodes)).toEqual(['p2'])
  })

  it('forgets the nodes that left the canvas: drawn again from the start when they come back', () => {
    const doc = row(3)
    const fake = fakeStore(doc, () => true)
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
