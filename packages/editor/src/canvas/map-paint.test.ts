import { describe, expect, it } from 'vitest'
import { sceneOf } from '../model/scene.ts'
import { registry, threeShotChain } from '../testing/documents.ts'
import { type MapFrame, pictureOf } from './map-paint.ts'

const doc = threeShotChain()
const scene = sceneOf(doc, registry, {})
const frame = (over: Partial<MapFrame> = {}): MapFrame => ({
  scene,
  view: { left: -1000, top: -1000, right: 5000, bottom: 5000 },
  position: () => undefined,
  displaced: new Set(),
  isShown: () => false,
  isWireShown: () => false,
  isSelected: () => false,
  hasIssues: () => false,
  runState: () => undefined,
  ...over,
})

describe('pictureOf', () => {
  it('draws every node and wire on screen, wires grouped by the type they carry', () => {
    const picture = pictureOf(frame())
    expect(picture.cards).toHaveLength(doc.nodes.length)
    expect(picture.wireCount).toBe(doc.edges.length)
    expect([...picture.wires.keys()].sort()).toEqual(['image', 'text', 'video'])
  })

  it('leaves out what the DOM shows and what is off screen', () => {
    const shown = new Set(['shot1', 'shot2'])
    const view = { left: 0, top: 0, right: 1000, bottom: 800 }
    const onScreen = pictureOf(frame({ view, isShown: (id) => shown.has(id) }))
    const picture = pictureOf(
      frame({ view, isShown: (id) => shown.has(id), isWireShown: (id) => id === 'start2' }),
    )
    // On screen: image, prompt1, shot1, prompt2, shot2; the DOM shows two of them.
    expect(picture.cards.map((c) => c.left).sort((a, b) => a - b)).toEqual([40, 40, 640])
    // Wires between shot3, the sequence and the output lie right of the view.
    expect(onScreen.wireCount).toBeLessThan(doc.edges.length)
    expect(picture.wireCount).toBe(onScreen.wireCount - 1)
  })

  it('draws a dragged node where it is now, outlined when selected', () => {
    const picture = pictureOf(
      frame({
        position: (id) => (id === 'out' ? { x: 3000, y: 2000 } : undefined),
        isSelected: (id) => id === 'out',
      }),
    )
    const card = picture.cards.find((c) => c.left === 3000)
    expect(card?.top).toBe(2000)
    expect(picture.outlines).toEqual([['highlight', card]])
  })

  it('bands each header in its run state, the others plain', () => {
    const states: Record<string, string> = { shot1: 'succeeded', shot2: 'running' }
    const picture = pictureOf(frame({ runState: (id) => states[id] }))
    const lefts = (state: string) => (picture.headers.get(state) ?? []).map((b) => b.left)
    expect(lefts('succeeded')).toEqual([340])
    expect(lefts('running')).toEqual([940])
    expect(lefts('')).toHaveLength(doc.nodes.length - 2)
  })
})
