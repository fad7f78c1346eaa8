import type { AnyNodeSpec, WorkflowDocument, WorkflowEdge } from '@shotchain/graph'
import { socketAttributes } from '../canvas/socket-dom.ts'
import { GEOMETRY, orderedListEdges, type PortLayout } from '../model/geometry.ts'
import { moveClipCommands } from '../model/reorder-clips.ts'
import { useEditor } from './editor-context.ts'

interface PortRowsProps {
  readonly nodeId: string
  readonly spec: AnyNodeSpec
  readonly layout: PortLayout
  readonly into: readonly WorkflowEdge[]
  /** Fields issues point at, drawn in red. */
  readonly faulty: ReadonlySet<string>
  /** The image arriving at an input port in the run shown (the shot before's last frame). */
  readonly inputImages?: Readonly<Record<string, string>> | undefined
}

/**
 * The socket rows under a node's header, each at the exact height the geometry says (sockets
 * are absolutely placed, so fonts and bodies cannot move them). A list input shows one row per
 * edge, in order, with buttons to move it, and a free row to drop a new one on.
 */
export function PortRows({ nodeId, spec, layout, into, faulty, inputImages }: PortRowsProps) {
  const rows = []
  for (const [port, centres] of layout.inputs) {
    const input = spec.inputs[port]
    if (input === undefined) continue
    const list = input.list === true ? orderedListEdges(into, port) : []
    centres.forEach((y, rank) => {
      const edge = list[rank]
      const label =
        input.list === true ? listLabel(input.label ?? port, rank, edge) : (input.label ?? port)
      rows.push(
        <div
          key={`in:${port}:${rank}`}
          className={`sc-port sc-port--in${faulty.has(port) ? ' is-faulty' : ''}`}
          style={{ top: y - GEOMETRY.header - GEOMETRY.row / 2 }}
          data-testid={`input-${port}`}
        >
          <span
            className={`sc-socket sc-socket--${input.type}`}
            data-testid="input-socket"
            {...socketAttributes({ node: nodeId, side: 'input', port })}
          />
          <span className="sc-port__label">
            {label}
            {input.required === true && input.list !== true ? (
              <i className="sc-required">*</i>
            ) : null}
          </span>
          {inputImages?.[port] && input.list !== true ? (
            <img
              className="sc-port__frame"
              src={inputImages[port]}
              alt=""
              data-testid="input-frame"
            />
          ) : null}
          {edge ? (
            <ClipButtons
              edgeId={edge.id}
              clip={edge.from.node}
              first={rank === 0}
              last={rank === list.length - 1}
            />
          ) : null}
        </div>,
      )
    })
  }
  for (const [port, y] of layout.outputs) {
    const output = spec.outputs[port]
    if (output === undefined) continue
    rows.push(
      <div
        key={`out:${port}`}
        className="sc-port sc-port--out"
        style={{ top: y - GEOMETRY.header - GEOMETRY.row / 2 }}
        data-testid={`output-${port}`}
      >
        <span className="sc-port__label">{output.label ?? port}</span>
        <span
          className={`sc-socket sc-socket--${output.type}`}
          data-testid="output-socket"
          {...socketAttributes({ node: nodeId, side: 'output', port })}
        />
      </div>,
    )
  }
  return (
    <div className="sc-ports" style={{ height: layout.portsBottom - GEOMETRY.header }}>
      {rows}
    </div>
  )
}

function listLabel(label: string, rank: number, edge: WorkflowEdge | undefined): string {
  if (edge === undefined) return rank === 0 ? `${label}: connect a clip` : '+ next clip'
  return `${rank + 1}. ${edge.from.node}`
}

interface ClipButtonsProps {
  readonly edgeId: string
  /** The node the clip comes from, to name the buttons ("Play shot2 earlier"). */
  readonly clip: string
  readonly first: boolean
  readonly last: boolean
}

function ClipButtons({ edgeId, clip, first, last }: ClipButtonsProps) {
  const { canvas, apply } = useEditor()
  const move = (delta: -1 | 1) => {
    const commands = moveClipCommands(canvas.history.doc as WorkflowDocument, edgeId, delta)
    if (commands) apply(commands)
  }
  return (
    <span className="sc-clip-buttons">
      <button
        type="button"
        disabled={first}
        title="Play earlier"
        aria-label={`Play ${clip} earlier`}
        onClick={() => move(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        disabled={last}
        title="Play later"
        aria-label={`Play ${clip} later`}
        onClick={() => move(1)}
      >
        ↓
      </button>
    </span>
  )
}
