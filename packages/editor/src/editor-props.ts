import type { NodeRegistry, WorkflowHistory } from '@shotchain/graph'
import type { ComponentType } from 'react'
import type { NodeViews } from './views/node-view.ts'

/** Where a dropped file landed, in canvas coordinates (what a node's `position` holds). */
export type CanvasPoint = readonly [number, number]

/** What the editor tells its host, and what it asks of it. */
export interface WorkflowEditorProps {
  /**
   * The document and its undo stack. The editor applies every canvas action to it as graph
   * commands and redraws from it when it changes (load, undo, redo, a remote change).
   */
  readonly history: WorkflowHistory
  /** The node types the palette offers and the canvas draws. */
  readonly registry: NodeRegistry
  /**
   * How each node type's body is drawn, by type (a pack's UI entry, as React Flow takes
   * `nodeTypes`); a type without a view shows its params on one line. Keep its identity stable,
   * as the registry's: a new object rebuilds the canvas.
   */
  readonly views?: NodeViews
  /**
   * The URL of a source node's file for its view (a picture's thumbnail, a sound to play), or
   * undefined when it has none.
   */
  readonly imageUrl?: (params: Readonly<Record<string, unknown>>) => string | undefined
  /** Ctrl/Cmd+S. */
  readonly onSave?: () => void
  /** Ctrl/Cmd+Enter: run towards the selected nodes (empty: the whole workflow). */
  readonly onRun?: (selected: readonly string[]) => void
  /**
   * Files dropped on the canvas (images, workflow files), with where they landed and the node
   * they landed on (`onto`), if any; also files a node's body picked (its file input), `onto` it.
   */
  readonly onDropFiles?: (files: readonly File[], at: CanvasPoint, onto?: string) => void
  /** Each node's state in the run being shown; nodes absent from it show no run state. */
  readonly runStatus?: ReadonlyMap<string, NodeRunStatus>
  /**
   * The selected node ids, whenever the selection changes (e.g. to estimate Run to selected);
   * called again with the same ids is possible.
   */
  readonly onSelectionChange?: (ids: readonly string[]) => void
  /** Called once the canvas is up, with what the app can ask of it. */
  readonly onReady?: (api: EditorApi) => void
  /**
   * What the host shows under the palette's list, e.g. a way to add a node type the registry
   * does not have yet (a fal model by endpoint id); it may register a type and then `pick` it.
   */
  readonly paletteFooter?: ComponentType<PaletteFooterProps>
}

/** What a palette footer is drawn from. @public */
export interface PaletteFooterProps {
  /** What the person typed in the palette's search. */
  readonly query: string
  /** Adds a node of `type` (registered by now) where the palette was opened, and closes it. */
  readonly pick: (type: string) => void
}

/**
 * Where a node is in the run the app shows, said for the node's card: the engine's words for a
 * node's state (`NodeStatus` in @shotchain/engine; a node waiting for its inputs shows as queued,
 * a submitted one as running); `stale` for a node an edit since the run has changed, and
 * `invalid` for one with a problem in the document that stops a run (nothing ran: not `failed`).
 */
export interface NodeRunStatus {
  readonly state:
    | 'queued'
    | 'running'
    | 'cached'
    | 'succeeded'
    | 'failed'
    | 'skipped'
    | 'cancelled'
    | 'stale'
    | 'invalid'
  /** One line under the state: a queue position, the latest log line, the error, why it skipped. */
  readonly detail?: string
  /** When it started running (epoch ms): the card shows the time since. */
  readonly since?: number
  /** The param or input port at fault, drawn in red (a failure). */
  readonly field?: string
  /**
   * The clip and still shown are from before an edit (the node is stale, or invalid now): the
   * card still shows them, dimmed and marked changed.
   */
  readonly changed?: boolean
  /** The clip the node made, played in its card. */
  readonly videoUrl?: string
  /** A still for the card: the frame or image the node made. */
  readonly imageUrl?: string
  /** The image arriving at an input port (e.g. the last frame of the shot before), by port. */
  readonly inputImages?: Readonly<Record<string, string>>
  /**
   * A node made several times (`WorkflowNode.takes`): each take in order, take 1 first. The
   * node's own `videoUrl` is the picked take's.
   */
  readonly takes?: readonly TakeRunStatus[]
}

/** One take of a node made several times, in the run shown. @public */
export interface TakeRunStatus {
  /** 1-based. */
  readonly take: number
  readonly state: NodeRunStatus['state'] | 'not run'
  readonly videoUrl?: string
  readonly imageUrl?: string
}

/** What the app can ask of a mounted editor. */
export interface EditorApi {
  /** Selects these nodes and brings them into view. */
  focus(ids: readonly string[]): void
  /** The selected node ids. */
  selected(): string[]
}
