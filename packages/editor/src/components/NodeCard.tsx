import { memo, useEffect, useMemo, useState } from 'react'
import type { NodeRunStatus } from '../editor-props.ts'
import { GEOMETRY, portLayout } from '../model/geometry.ts'
import { issueText, marksNode } from '../model/issue-text.ts'
import { NodeBody } from '../views/NodeBody.tsx'
import { bodyHeightOf } from '../views/node-view.ts'
import { useEditor } from './editor-context.ts'
import { PortRows } from './PortRows.tsx'
import { RunBadge } from './RunBadge.tsx'
import {
  useCanvasTopic,
  useNodeRunStatus,
  useNodeShown,
  useNodeSnapshot,
} from './use-canvas-store.ts'
import { useCardPointer } from './use-card-pointer.ts'

const fullDetail = () => 'full' as const

/**
 * One node on the canvas: header, socket rows, and its type's body. At low zoom the body is
 * left out (level of detail) but keeps its height, so the card never changes size with zoom.
 */
export const NodeCard = memo(function NodeCard({ id }: { id: string }) {
  const { canvas } = useEditor()
  const snapshot = useNodeSnapshot(id)
  const run = useNodeRunStatus(id)
  // Only a node still waiting for its detail follows the zoom and the view; once drawn, the
  // level of detail is a class on the editor (CSS), so a zoom re-renders no node.
  const [hasDetail, setHasDetail] = useState(false)
  const visible = useNodeShown(id, !hasDetail)
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
  const faulty = useMemo(() => {
    const fields = (snapshot?.issues ?? []).flatMap((i) => (i.field ? [i.field] : []))
    return new Set(run?.field ? [...fields, run.field] : fields)
  }, [snapshot?.issues, run?.field])
  if (snapshot === undefined) return null
  const { node, spec, issues, selected } = snapshot
  const bodyHeight = bodyHeightOf(canvas.views, node, spec)
  const detailHeight = (layout ? layout.portsBottom - GEOMETRY.header : 0) + bodyHeight
  const errors = issues.filter(marksNode)
  const className = `sc-node sc-node--${node.type}${selected ? ' is-selected' : ''}${errors.length > 0 ? ' has-issues' : ''}`
  return (
    <div
      ref={ref}
      className={className}
      style={{ width: GEOMETRY.width }}
      data-testid="node"
      data-node-id={node.id}
      data-node-type={node.type}
      data-run-state={run?.state}
      data-run-changed={run?.changed ? '' : undefined}
      data-fault-fields={faulty.size > 0 ? [...faulty].join(' ') : undefined}
    >
      <div className="sc-node__header" style={{ height: GEOMETRY.header }} data-testid="title">
        <span className="sc-node__title">{node.label ?? spec?.title ?? node.type}</span>
        <span className="sc-node__id">{node.id}</span>
        {errors.length > 0 ? (
          <span
            className="sc-node__badge"
            title={errors.map((i) => issueText(i, spec)).join('\n')}
            data-testid="node-issues"
          >
            !
          </span>
        ) : null}
        {run ? <RunBadge status={run} /> : null}
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
              inputImages={run?.inputImages}
            />
            <div className="sc-node__body" style={{ height: bodyHeight }}>
              <NodeBody snapshot={snapshot} run={run} />
            </div>
          </>
        ) : null}
        {spec === undefined ? (
          <div className="sc-node__unknown">
            Unknown node type “{node.type}”: no pack installed for it
          </div>
        ) : null}
      </div>
      <NodeNote run={run} issue={errors[0] && issueText(errors[0], spec)} />
    </div>
  )
})

/**
 * The line under a card: what went wrong in the run (or why it skipped, or what stops it
 * running), else the document's first problem with the node, else the running node's latest log
 * line. One line: a problem is said once, where it is.
 */
function NodeNote({ run, issue }: { run: NodeRunStatus | undefined; issue: string | undefined }) {
  const problem =
    run?.state === 'failed' || run?.state === 'skipped' || run?.state === 'invalid'
      ? run.detail
      : undefined
  const text = problem ?? issue ?? run?.detail
  if (text === undefined) return null
  const tone = problem !== undefined || (issue !== undefined && text === issue) ? 'problem' : 'info'
  return (
    <div
      className={`sc-node__issue is-${tone}`}
      data-testid={tone === 'problem' ? 'node-issue' : 'node-note'}
    >
      {text}
    </div>
  )
}
