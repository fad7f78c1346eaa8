import type { Box } from './bounds.ts'
import type { Scene, SceneNode, SceneWire } from './scene.ts'

/** The side of a scene's grid cell, canvas px: a few nodes across. */
export const CELL = 1024

/** What lies in one grid cell of a scene. */
export interface Cell {
  readonly nodes: SceneNode[]
  readonly wires: SceneWire[]
}

/** The cells a box covers, as inclusive column and row ranges. */
function span(box: Box) {
  return {
    cols: [Math.floor(box.left / CELL), Math.floor(box.right / CELL)] as const,
    rows: [Math.floor(box.top / CELL), Math.floor(box.bottom / CELL)] as const,
  }
}

/** An empty grid; `put` files a node or wire under every cell its box covers. */
export function createGrid() {
  const cells = new Map<string, Cell>()
  return {
    cells,
    put(box: Box, item: SceneNode | SceneWire) {
      const { cols, rows } = span(box)
      for (let col = cols[0]; col <= cols[1]; col++) {
        for (let row = rows[0]; row <= rows[1]; row++) {
          const key = `${col},${row}`
          let cell = cells.get(key)
          if (cell === undefined) {
            cell = { nodes: [], wires: [] }
            cells.set(key, cell)
          }
          if ('from' in item) cell.wires.push(item)
          else cell.nodes.push(item)
        }
      }
    },
  }
}

/**
 * The nodes and wires whose document boxes may meet `box`, from the scene's grid, plus the
 * `displaced` nodes (away from their document position: being dragged) and their wires: the
 * work is proportional to the cells the box covers, not to the document.
 */
export function sceneIn(
  scene: Scene,
  box: Box,
  displaced: Iterable<string> = [],
): { nodes: Set<SceneNode>; wires: Set<SceneWire> } {
  const nodes = new Set<SceneNode>()
  const wires = new Set<SceneWire>()
  for (const id of displaced) {
    const node = scene.nodes.get(id)
    if (node) nodes.add(node)
    for (const wire of scene.wiresAt.get(id) ?? []) wires.add(wire)
  }
  const take = (cell: Cell) => {
    for (const node of cell.nodes) nodes.add(node)
    for (const wire of cell.wires) wires.add(wire)
  }
  const { cols, rows } = span(box)
  if ((cols[1] - cols[0] + 1) * (rows[1] - rows[0] + 1) > scene.cells.size) {
    // A box wider than the drawing: walk the cells there are, not the ones asked for.
    for (const [key, cell] of scene.cells) {
      const [col = 0, row = 0] = key.split(',').map(Number)
      if (col >= cols[0] && col <= cols[1] && row >= rows[0] && row <= rows[1]) take(cell)
    }
    return { nodes, wires }
  }
  for (let col = cols[0]; col <= cols[1]; col++) {
    for (let row = rows[0]; row <= rows[1]; row++) {
      const cell = scene.cells.get(`${col},${row}`)
      if (cell) take(cell)
    }
  }
  return { nodes, wires }
}
