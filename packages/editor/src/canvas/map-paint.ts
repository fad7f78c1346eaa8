import type { Box } from '../model/bounds.ts'
import { GEOMETRY, type Point, pullOf } from '../model/geometry.ts'
import { overlaps } from '../model/node-boxes.ts'
import { curveMeets, nodeBox, type Scene, wireEnds } from '../model/scene.ts'
import { sceneIn } from '../model/scene-grid.ts'

/** The colours the map paints with: the stylesheet's, read once from its custom properties. */
export interface MapColours {
  readonly card: string
  readonly header: string
  readonly line: string
  readonly highlight: string
  readonly danger: string
  /** Wire colour by port type; `wire` for any other. */
  readonly types: Readonly<Record<string, string>>
  readonly wire: string
  /** Header colour by run state (`running`, `failed`, …), as the cards' run badges. */
  readonly runs: Readonly<Record<string, string>>
}

/** What the map paints of the scene: live positions, and what the DOM draws instead. */
export interface MapFrame {
  readonly scene: Scene
  /** The part of the canvas on screen, in canvas coordinates. */
  readonly view: Box
  /** A node's live position (during a drag), else undefined for its document position. */
  position(id: string): Point | undefined
  /** The nodes away from their document position: looked at by id, not through the grid. */
  readonly displaced: ReadonlySet<string>
  /** The DOM draws this node: the map leaves it out. */
  isShown(id: string): boolean
  /** The DOM draws this connection: the map leaves it out. */
  isWireShown(id: string): boolean
  isSelected(id: string): boolean
  hasIssues(id: string): boolean
  /** The node's state in the run shown, if any. */
  runState(id: string): string | undefined
}

/** What a paint draws: the wires by colour key (port type), the cards and their outlines. */
export interface MapPicture {
  readonly wires: ReadonlyMap<string, readonly (readonly [Point, Point])[]>
  readonly cards: readonly Box[]
  /** Header bands by colour: the run state's, or `''` for the plain header. */
  readonly headers: ReadonlyMap<string, readonly Box[]>
  readonly outlines: readonly (readonly [colour: 'highlight' | 'danger', card: Box])[]
  /** How many wires and nodes it draws. */
  readonly wireCount: number
}

/**
 * What the map draws this frame: the nodes and wires the DOM does not show and that are on
 * screen, each wire the same curve as its `<svg>`, at live positions. What it looks at comes
 * from the scene's grid around the view, and the displaced nodes: the work grows with the view.
 */
export function pictureOf(frame: MapFrame): MapPicture {
  const { scene, view } = frame
  const found = sceneIn(scene, view, frame.displaced)
  const wires = new Map<string, (readonly [Point, Point])[]>()
  let wireCount = 0
  for (const wire of found.wires) {
    if (frame.isWireShown(wire.id)) continue
    const ends = wireEnds(scene, wire, frame.position)
    if (!ends || !curveMeets(ends[0], ends[1], view)) continue
    const [start, end] = ends
    const list = wires.get(wire.type)
    if (list) list.push([start, end])
    else wires.set(wire.type, [[start, end]])
    wireCount++
  }
  const cards: Box[] = []
  const headers = new Map<string, Box[]>()
  const outlines: [colour: 'highlight' | 'danger', card: Box][] = []
  for (const node of found.nodes) {
    if (frame.isShown(node.id)) continue
    const card = nodeBox(node, frame.position)
    if (!overlaps(card, view)) continue
    cards.push(card)
    const band = { ...card, bottom: Math.min(card.bottom, card.top + GEOMETRY.header) }
    const state = frame.runState(node.id) ?? ''
    const list = headers.get(state)
    if (list) list.push(band)
    else headers.set(state, [band])
    if (frame.isSelected(node.id)) outlines.push(['highlight', card])
    else if (frame.hasIssues(node.id)) outlines.push(['danger', card])
  }
  return { wires, cards, headers, outlines, wireCount }
}

/**
 * Paints `picture` onto `ctx`, already transformed to canvas coordinates: wires first, then each
 * card and its header band (in its run state's colour during a run). One path per colour, so a
 * frame costs a few draw calls however many nodes are on screen. `pixel` is one screen pixel in
 * canvas units (lines stay visible).
 */
export function paintPicture(
  ctx: CanvasRenderingContext2D,
  picture: MapPicture,
  colours: MapColours,
  pixel: number,
): void {
  ctx.lineWidth = Math.max(3, pixel)
  for (const [type, wires] of picture.wires) {
    ctx.beginPath()
    for (const [start, end] of wires) {
      const pull = pullOf(start, end)
      ctx.moveTo(start.x, start.y)
      ctx.bezierCurveTo(start.x + pull, start.y, end.x - pull, end.y, end.x, end.y)
    }
    ctx.strokeStyle = colours.types[type] ?? colours.wire
    ctx.stroke()
  }
  const { cards } = picture
  fillBoxes(ctx, cards, colours.card)
  for (const [state, bands] of picture.headers) {
    fillBoxes(ctx, bands, colours.runs[state] ?? colours.header)
  }
  ctx.lineWidth = pixel
  strokeBoxes(ctx, cards, colours.line)
  ctx.lineWidth = 2 * pixel
  for (const [colour, card] of picture.outlines) strokeBoxes(ctx, [card], colours[colour])
}

function fillBoxes(ctx: CanvasRenderingContext2D, boxes: readonly Box[], colour: string) {
  ctx.beginPath()
  for (const b of boxes) ctx.rect(b.left, b.top, b.right - b.left, b.bottom - b.top)
  ctx.fillStyle = colour
  ctx.fill()
}

function strokeBoxes(ctx: CanvasRenderingContext2D, boxes: readonly Box[], colour: string) {
  ctx.beginPath()
  for (const b of boxes) ctx.rect(b.left, b.top, b.right - b.left, b.bottom - b.top)
  ctx.strokeStyle = colour
  ctx.stroke()
}
