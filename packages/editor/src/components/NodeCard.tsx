import { memo, useEffect, useMemo, useState } from 'react'
import { GEOMETRY, portLayout } from '../model/geometry.ts'
import { BODY_HEIGHT } from '../model/node-size.ts'
import { NodeBody } from '../nodes/NodeBody.tsx'
import { useEditor } from './editor-context.ts'
import { PortRows } from './PortRows.tsx'
import { useCanvasTopic, useNodeSnapshot, useNodeVisible } from './use-canvas-store.ts'
import { useCardPointer } from './use-card-pointer.ts'

/**
 * One node on the canvas: header, socket rows, and its type's body. At low zoom the body is
 * left out (level of detail) but keeps its height, so the card never changes size with zoom.
 */
const fullDetail = () => 'full' as const

export const NodeCard = memo(function NodeCard({ id }: { id: string }) {
  const { canvas } = useEditor()
  const snapshot = useNodeSnapshot(id)
  // Only a node still waiting for its detail follows the zoom and the view; once drawn, the
  // level of detail is a class on the editor (CSS), so a zoom re-renders no node.
  const [hasDetail, setHasDetail] = useState(false)
  const visible = useNodeVisible(id, !hasDetail)
  const detail = useCanvasTopic('detail', hasDetail ? fullDetail : canvas.store.detail)
  const wantDetail = detail === 'full' && visible
  // Port rows and bodies (thumbnails, text fields) are drawn a few nodes per frame, then kept:
  // crossing the detail zoom or panning onto new nodes never holds up the frame that moves the
  // view. Until then, and at low zoom, a node is its header over an empty box of its own size.
  useEffect(() => {
    if (wantDetail && !hasDetail) return canvas.bodies.request(() => setHasDetail(true))
  }, [wantDetail, hasDetail, canvas])
  const ref = useCardPointer(canvas)
  const layout = useMemo(
    () => (snapshot?.spec ? portLayout(snapshot.spec, snapshot.into) : undefined),
    [snapshot?.spec, snapshot?.into],
  )
  const faulty = useMemo(
    () => new Set((snapshot?.issues ?? []).flatMap((i) => (i.field ? [i.field] : []))),
    [snapshot?.issues],
  )
  if (snapshot === undefined) return null
  const detailHeight =
    (layout ? layout.portsBottom - GEOMETRY.header : 0) + (BODY_HEIGHT[snapshot.node.type] ?? 44)
  const { node, spec, issues, selected } = snapshot
  const errors = issues.filter((i) => i.severity === 'error' || i.code === 'node-check')
  const className = `sc-node sc-node--${node.type}${selected ? ' is-selected' : ''}${errors.length > 0 ? ' has-issues' : ''}`
  return (
    <div
      ref={ref}
      className={className}
      style={{ width: GEOMETRY.width }}
      data-testid="node"
      data-node-id={node.id}
      data-node-type={node.type}
    >
      <div className="sc-node__header" style={{ height: GEOMETRY.header }} data-testid="title">
        <span className="sc-node__title">{node.label ?? spec?.title ?? node.type}</span>
        <span className="sc-node__id">{node.id}</span>
        {errors.length > 0 ? (
          <span
            className="sc-node__badge"
            title={errors.map((i) => i.message).join('\n')}
            data-testid="node-issues"
          >
            !
          </span>
        ) : null}
      </div>
      <div className="sc-node__detail" style={{ height: detailHeight }}>
        {hasDetail && spec && layout ? (
          <>
            <PortRows
              nodeId={node.id}
              spec={spec}
              layout={layout}
              into={snapshot.into}
              faulty={faulty}
            />
            <div className="sc-node__body" style={{ height: BODY_HEIGHT[node.type] ?? 44 }}>
              <NodeBody snapshot={snapshot} />
            </div>
          </>
        ) : null}
        {spec === undefined ? (
          <div className="sc-node__unknown">
            Unknown node type “{node.type}”: no pack installed for it
          </div>
        ) : null}
      </div>
      {hasDetail && errors[0] ? (
        <div className="sc-node__issue" data-testid="node-issue">
          {errors[0].field ? `${errors[0].field}: ` : ''}
          {errors[0].message}
        </div>
      ) : null}
    </div>
  )
})
