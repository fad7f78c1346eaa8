import { memo, useMemo } from 'react'
import { GEOMETRY, portLayout } from '../model/geometry.ts'
import { BODY_HEIGHT } from '../model/node-size.ts'
import { NodeBody } from '../nodes/NodeBody.tsx'
import { useEditor } from './editor-context.ts'
import { PortRows } from './PortRows.tsx'
import { useCanvasTopic, useNodeSnapshot } from './use-canvas-store.ts'
import { useCardPointer } from './use-card-pointer.ts'

/**
 * One node on the canvas: header, socket rows, and its type's body. At low zoom the body is
 * left out (level of detail) but keeps its height, so the card never changes size with zoom.
 */
export const NodeCard = memo(function NodeCard({ id }: { id: string }) {
  const { canvas } = useEditor()
  const snapshot = useNodeSnapshot(id)
  const detail = useCanvasTopic('detail', canvas.store.detail)
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
      {spec && layout ? (
        <PortRows
          nodeId={node.id}
          spec={spec}
          layout={layout}
          into={snapshot.into}
          faulty={faulty}
        />
      ) : (
        <div className="sc-node__unknown">
          Unknown node type “{node.type}”: no pack installed for it
        </div>
      )}
      <div className="sc-node__body" style={{ height: BODY_HEIGHT[node.type] ?? 44 }}>
        {detail === 'full' && spec ? <NodeBody snapshot={snapshot} /> : null}
      </div>
      {detail === 'full' && errors[0] ? (
        <div className="sc-node__issue" data-testid="node-issue">
          {errors[0].field ? `${errors[0].field}: ` : ''}
          {errors[0].message}
        </div>
      ) : null}
    </div>
  )
})
