import type { Box } from '../model/bounds.ts'
import {
  curveMeets,
  type LivePosition,
  type Scene,
  type SceneWire,
  wireEnds,
} from '../model/scene.ts'

/** Hides an element (`display: none`: out of layout, paint and hit testing). */
export function hide(element: HTMLElement): void {
  if (element.style.display !== 'none') element.style.display = 'none'
}

/** Shows or hides an element. */
export function display(element: HTMLElement, on: boolean): void {
  if (on) element.style.display = ''
  else hide(element)
}

/**
 * The connections half of culling (`createCulling`): which connections React draws (those
 * whose two nodes it draws) and which of them the DOM shows (those whose curve can pass near
 * the view, unless the map draws the whole view).
 */
export function createWireCulling() {
  const shown = new Set<string>()
  let mounted = new Set<string>()

  return {
    /** The connections React draws. */
    mounted: (): ReadonlySet<string> => mounted,
    /** Whether the DOM shows the connection (else the map draws it). */
    isShown: (id: string) => shown.has(id),

    /** A new view list: forgets what left, hides new elements, draws wires between drawn nodes. */
    renew(connections: ReadonlyMap<string, HTMLElement>, scene: Scene, nodes: ReadonlySet<string>) {
      mounted = new Set([...mounted].filter((id) => connections.has(id)))
      for (const id of shown) if (!connections.has(id)) shown.delete(id)
      for (const [id, element] of connections) if (!shown.has(id)) hide(element)
      for (const wire of scene.wires) {
        if (nodes.has(wire.from) && nodes.has(wire.to)) mounted.add(wire.id)
      }
    },

    /** The nodes `ids` were just drawn: their wires to drawn nodes are drawn too. */
    mountAt(ids: readonly string[], scene: Scene, nodes: ReadonlySet<string>): boolean {
      const more: string[] = []
      for (const id of ids) {
        for (const wire of scene.wiresAt.get(id) ?? []) {
          const both = nodes.has(wire.from) && nodes.has(wire.to)
          if (both && !mounted.has(wire.id)) more.push(wire.id)
        }
      }
      if (more.length > 0) mounted = new Set([...mounted, ...more])
      return more.length > 0
    },

    /**
     * Shows the drawn `wires` (what the grid found near the view) whose curve meets `near`, and
     * hides every other shown one; none while the map draws the view (`near` undefined).
     */
    cull(
      scene: Scene,
      connections: ReadonlyMap<string, HTMLElement>,
      wires: Iterable<SceneWire>,
      near: Box | undefined,
      position: LivePosition,
    ) {
      const looked = new Set<string>()
      for (const wire of wires) {
        const element = connections.get(wire.id)
        if (element === undefined) continue
        looked.add(wire.id)
        const ends = mounted.has(wire.id) && near ? wireEnds(scene, wire, position) : undefined
        const want = ends !== undefined && near !== undefined && curveMeets(ends[0], ends[1], near)
        if (want !== shown.has(wire.id)) display(element, want)
        if (want) shown.add(wire.id)
        else shown.delete(wire.id)
      }
      for (const id of [...shown]) {
        if (looked.has(id)) continue
        const element = connections.get(id)
        if (element) hide(element)
        shown.delete(id)
      }
    },
  }
}
