import type { AnyNodeSpec } from '@shotchain/graph'
import { type MouseEvent as ReactMouseEvent, useEffect, useMemo, useRef, useState } from 'react'
import { canvasActions } from './canvas/canvas-actions.ts'
import { createCanvasStore } from './canvas/canvas-store.ts'
import { type Canvas, createCanvas } from './canvas/create-canvas.ts'
import { CanvasLayer } from './components/CanvasLayer.tsx'
import { ContextMenu, type MenuItem } from './components/ContextMenu.tsx'
import { DragHint } from './components/DragHint.tsx'
import { EditorContext, type EditorContextValue } from './components/editor-context.ts'
import { Marquee } from './components/Marquee.tsx'
import { Minimap } from './components/Minimap.tsx'
import { Notice } from './components/Notice.tsx'
import { Palette } from './components/Palette.tsx'
import { ShortcutSheet } from './components/ShortcutSheet.tsx'
import { Toolbar } from './components/Toolbar.tsx'
import { useShortcuts } from './components/use-shortcuts.ts'
import type { WorkflowEditorProps } from './editor-props.ts'
import { nextShotCommands } from './model/next-shot.ts'
import { type PalettePlace, palettePlace } from './model/palette-place.ts'
import { pasteTarget } from './model/paste-target.ts'
import { acceptsWire, type LooseWire, wireWanted } from './model/wire-drop.ts'
import type { NodeViews } from './views/node-view.ts'
import './editor.css'

/** The views of a host that gives none: every node gets the generic body. */
const NO_VIEWS: NodeViews = {}

interface Menu {
  readonly x: number
  readonly y: number
  readonly at: [number, number]
  readonly nodeId: string | undefined
  /** The nodes a node's menu acts on: the selection when it holds that node, else the node. */
  readonly ids: readonly string[]
}

/** The open palette: where a picked node goes (the view's centre when absent), where it shows. */
interface OpenPalette {
  readonly at?: [number, number] | undefined
  readonly place?: PalettePlace | undefined
  /** A wire dropped on empty canvas: the pick is connected to it, and only types that can be. */
  readonly wire?: LooseWire | undefined
}

/** What the palette lists for a dropped wire: the types with a port for it. */
function wireFilter(wire: LooseWire) {
  return { accepts: (spec: AnyNodeSpec) => acceptsWire(spec, wire), label: wireWanted(wire) }
}

/**
 * The graph editor: a Rete canvas over a workflow history. Every canvas action becomes graph
 * commands on `history`; undo, redo, loads and remote changes redraw the canvas from it.
 *
 * @example
 * <WorkflowEditor history={createHistory(doc)} registry={registry} onSave={save} />
 */
export function WorkflowEditor(props: WorkflowEditorProps) {
  const { history, registry } = props
  const views = props.views ?? NO_VIEWS
  const root = useRef<HTMLDivElement>(null)
  const container = useRef<HTMLDivElement>(null)
  const [canvas, setCanvas] = useState<Canvas>()
  const [menu, setMenu] = useState<Menu>()
  const [palette, setPalette] = useState<OpenPalette>()
  const [sheet, setSheet] = useState(false)
  /** Where the pointer last was over the editor: a pasted image fills the node under it. */
  const pointer = useRef<{ x: number; y: number }>(undefined)

  useEffect(() => {
    const element = container.current
    if (element === null) return
    const store = createCanvasStore(registry)
    /** Stops the pending select-on-pointerup of the last node menu. */
    let cancelSelect = () => {}
    const created = createCanvas({
      container: element,
      history,
      registry,
      views,
      store,
      onContextMenu(event, nodeId) {
        const box = root.current?.getBoundingClientRect()
        const at = created.toCanvas(event.clientX, event.clientY)
        const selected = created.selected()
        const ids = nodeId === undefined ? [] : selected.includes(nodeId) ? selected : [nodeId]
        // Selected once the button is up: the area clears the selection on that pointerup.
        cancelSelect()
        if (nodeId !== undefined) {
          const select = () => void created.select(ids)
          window.addEventListener('pointerup', select, { once: true })
          cancelSelect = () => window.removeEventListener('pointerup', select)
        }
        setMenu({
          ids,
          x: event.clientX - (box?.left ?? 0),
          y: event.clientY - (box?.top ?? 0),
          at,
          nodeId,
        })
      },
      onWireDropped(wire, event) {
        const box = root.current?.getBoundingClientRect()
        setMenu(undefined)
        setPalette({
          at: created.toCanvas(event.clientX, event.clientY),
          place: box && palettePlace(box, event.clientX, event.clientY),
          wire,
        })
      },
    })
    setCanvas(created)
    return () => {
      cancelSelect()
      created.destroy()
      element.replaceChildren()
    }
  }, [history, registry, views])

  const actions = useMemo(() => (canvas ? canvasActions(canvas) : undefined), [canvas])
  const { runStatus, onReady, onSelectionChange } = props
  useEffect(() => canvas?.store.setRunStatus(runStatus ?? new Map()), [canvas, runStatus])
  useEffect(() => {
    if (canvas === undefined || onSelectionChange === undefined) return
    // Only when the set of selected nodes changed: Rete re-renders a node for other reasons too.
    let told: string | undefined
    const tell = () => {
      const ids = canvas.selected()
      const key = ids.join('\n')
      if (key === told) return
      told = key
      onSelectionChange(ids)
    }
    tell()
    return canvas.store.subscribe('selection', tell)
  }, [canvas, onSelectionChange])
  useEffect(() => {
    if (canvas === undefined || onReady === undefined) return
    onReady({
      focus(ids) {
        void canvas.ready().then(async () => {
          await canvas.select(ids)
          await canvas.fit(ids)
        })
      },
      selected: () => canvas.selected(),
    })
  }, [canvas, onReady])
  const context = useMemo<EditorContextValue | undefined>(() => {
    if (canvas === undefined) return undefined
    const imageUrl = props.imageUrl ?? (() => undefined)
    const apply: EditorContextValue['apply'] = (commands, mergeKey) =>
      void canvas.apply(commands, mergeKey ? { mergeKey } : {})
    const onDropFiles = props.onDropFiles
    const takeFiles = onDropFiles
      ? (nodeId: string, files: readonly File[]) => {
          const at = history.doc.nodes.find((n) => n.id === nodeId)?.position ?? [0, 0]
          onDropFiles(files, [at[0], at[1]], nodeId)
        }
      : undefined
    const nodeEditor = { apply, imageUrl, document: () => history.doc, registry, takeFiles }
    return { canvas, imageUrl, apply, nodeEditor }
  }, [canvas, props.imageUrl, props.onDropFiles, history, registry])
  const openPalette = (open: OpenPalette = {}) => {
    setMenu(undefined)
    setPalette(open)
  }
  /** A double-click on empty canvas searches for a node to put there. */
  const onDoubleClick = (event: ReactMouseEvent) => {
    const target = event.target as Element
    const box = root.current?.getBoundingClientRect()
    if (!canvas || !box || !container.current?.contains(target)) return
    if (canvas.nodeAt(event.clientX, event.clientY) !== undefined) return
    openPalette({
      at: canvas.toCanvas(event.clientX, event.clientY),
      place: palettePlace(box, event.clientX, event.clientY),
    })
  }
  const only = useMemo(() => palette?.wire && wireFilter(palette.wire), [palette?.wire])
  const arrange = () => void actions?.arrange()
  useShortcuts(root, canvas, actions, {
    openPalette: () => openPalette(),
    toggleShortcuts: () => setSheet((open) => !open),
    closeOverlays: () => {
      setMenu(undefined)
      setPalette(undefined)
      setSheet(false)
    },
    pasteFiles(files, focused) {
      if (!props.onDropFiles || !canvas || !actions) return
      const at = pointer.current
      const hovered = at && canvas.nodeAt(at.x, at.y)
      const candidates = [focused, ...canvas.selected(), hovered]
      const onto = pasteTarget(history.doc, registry, candidates, files[0]?.type ?? '')
      props.onDropFiles(files, actions.viewCentre(), onto)
    },
    ...(props.onSave ? { onSave: props.onSave } : {}),
    ...(props.onRun ? { onRun: props.onRun } : {}),
  })

  const menuItems = (open: Menu): MenuItem[] => {
    if (!actions || !canvas) return []
    if (open.nodeId === undefined) {
      return [
        { label: 'Add node…', shortcut: 'Shift+A', run: () => openPalette({ at: open.at }) },
        { label: 'Paste', shortcut: 'Ctrl+V', run: () => void actions.paste(open.at) },
        { label: 'Zoom to fit', shortcut: 'F', run: () => void canvas.fit() },
        { label: 'Arrange', run: arrange },
      ]
    }
    const items: MenuItem[] = [
      { label: 'Duplicate', shortcut: 'Ctrl+D', run: () => actions.duplicate(open.ids) },
      { label: 'Copy', shortcut: 'Ctrl+C', run: () => void actions.copy(open.ids) },
      { label: 'Delete', shortcut: 'Del', run: () => actions.deleteSelected(open.ids) },
    ]
    const node = history.doc.nodes.find((n) => n.id === open.nodeId)
    const view = node && Object.hasOwn(views, node.type) ? views[node.type] : undefined
    if (node && view?.actions && context) items.unshift(...view.actions(node, context.nodeEditor))
    const next = nextShotCommands(history.doc, registry, open.nodeId)
    if (next) items.unshift({ label: 'Add next shot', run: () => context?.apply(next) })
    return items
  }

  return (
    <div
      ref={root}
      className="sc-editor"
      role="application"
      aria-label="Workflow editor"
      data-testid="editor"
      onPointerDown={() => setMenu(undefined)}
      onPointerMove={(e) => {
        pointer.current = { x: e.clientX, y: e.clientY }
      }}
      onPointerLeave={() => {
        pointer.current = undefined
      }}
      onDoubleClick={onDoubleClick}
      onDragOver={(e) => {
        if (props.onDropFiles && e.dataTransfer.types.includes('Files')) e.preventDefault()
      }}
      onDrop={(e) => {
        if (!props.onDropFiles || !canvas || e.dataTransfer.files.length === 0) return
        e.preventDefault()
        // The node under the pointer, not the event's target: a drop may be dispatched anywhere.
        const onto = canvas.nodeAt(e.clientX, e.clientY)
        const at = canvas.toCanvas(e.clientX, e.clientY)
        props.onDropFiles([...e.dataTransfer.files], at, onto)
      }}
    >
      <div ref={container} className="sc-canvas" data-testid="canvas" />
      {context ? (
        <EditorContext.Provider value={context}>
          <CanvasLayer />
          <Toolbar
            history={history}
            onAddNode={() => openPalette()}
            onFit={() => void canvas?.fit()}
            onArrange={arrange}
            onShortcuts={() => setSheet(true)}
          />
          <Minimap registry={registry} />
          <DragHint />
          <Marquee />
          <Notice />
          {menu ? (
            <ContextMenu
              x={menu.x}
              y={menu.y}
              items={menuItems(menu)}
              onClose={() => setMenu(undefined)}
            />
          ) : null}
          {sheet ? <ShortcutSheet onClose={() => setSheet(false)} /> : null}
          {palette && actions ? (
            <Palette
              registry={registry}
              place={palette.place}
              only={only}
              Footer={props.paletteFooter}
              onClose={() => setPalette(undefined)}
              onPick={(type) => {
                const at = palette.at ?? actions.viewCentre()
                if (palette.wire) actions.addOnWire(type, palette.wire, at)
                else if (palette.at) actions.addNode(type, palette.at)
                // Opened by key or button, not at a point: beside the selection, if any.
                else actions.addNodeInView(type, canvas?.selected() ?? [])
                setPalette(undefined)
              }}
            />
          ) : null}
        </EditorContext.Provider>
      ) : null}
    </div>
  )
}
