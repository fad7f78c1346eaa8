import { useEffect, useMemo, useRef, useState } from 'react'
import { canvasActions } from './canvas/canvas-actions.ts'
import { createCanvasStore } from './canvas/canvas-store.ts'
import { type Canvas, createCanvas } from './canvas/create-canvas.ts'
import { CanvasLayer } from './components/CanvasLayer.tsx'
import { ContextMenu, type MenuItem } from './components/ContextMenu.tsx'
import { EditorContext, type EditorContextValue } from './components/editor-context.ts'
import { Minimap } from './components/Minimap.tsx'
import { Notice } from './components/Notice.tsx'
import { Palette } from './components/Palette.tsx'
import { Toolbar } from './components/Toolbar.tsx'
import { useShortcuts } from './components/use-shortcuts.ts'
import type { WorkflowEditorProps } from './editor-props.ts'
import { nextShotCommands } from './model/next-shot.ts'
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
  const [palette, setPalette] = useState<{ at: [number, number] | undefined }>()

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
    })
    setCanvas(created)
    return () => {
      cancelSelect()
      created.destroy()
      element.replaceChildren()
    }
  }, [history, registry, views])

  const actions = useMemo(() => (canvas ? canvasActions(canvas) : undefined), [canvas])
  const { runStatus, onReady } = props
  useEffect(() => canvas?.store.setRunStatus(runStatus ?? new Map()), [canvas, runStatus])
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
  const openPalette = (at?: [number, number]) => {
    setMenu(undefined)
    setPalette({ at })
  }
  const arrange = () => void actions?.arrange()
  useShortcuts(root, canvas, actions, {
    openPalette: () => openPalette(),
    closeOverlays: () => {
      setMenu(undefined)
      setPalette(undefined)
    },
    ...(props.onSave ? { onSave: props.onSave } : {}),
    ...(props.onRun ? { onRun: props.onRun } : {}),
  })

  const menuItems = (open: Menu): MenuItem[] => {
    if (!actions || !canvas) return []
    if (open.nodeId === undefined) {
      return [
        { label: 'Add node…', shortcut: 'Shift+A', run: () => openPalette(open.at) },
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
      onDragOver={(e) => {
        if (props.onDropFiles && e.dataTransfer.types.includes('Files')) e.preventDefault()
      }}
      onDrop={(e) => {
        if (!props.onDropFiles || !canvas || e.dataTransfer.files.length === 0) return
        e.preventDefault()
        // The node under the pointer, not the event's target: a drop may be dispatched anywhere.
        const under = document.elementFromPoint(e.clientX, e.clientY)
        const onto = under?.closest<HTMLElement>('[data-testid="node"]')?.dataset.nodeId
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
          />
          <Minimap registry={registry} />
          <Notice />
          {menu ? (
            <ContextMenu
              x={menu.x}
              y={menu.y}
              items={menuItems(menu)}
              onClose={() => setMenu(undefined)}
            />
          ) : null}
          {palette && actions ? (
            <Palette
              registry={registry}
              Footer={props.paletteFooter}
              onClose={() => setPalette(undefined)}
              onPick={(type) => {
                actions.addNode(type, palette.at ?? actions.viewCentre())
                setPalette(undefined)
              }}
            />
          ) : null}
        </EditorContext.Provider>
      ) : null}
    </div>
  )
}
