import type { NodeSnapshot } from '../canvas/node-snapshots.ts'
import { useEditor } from '../components/editor-context.ts'
import type { NodeRunStatus } from '../editor-props.ts'
import { GenericBody } from './GenericBody.tsx'

/**
 * A node's body: its type's view from the host (`views` of `<WorkflowEditor>`), nothing when
 * the view has no body, the generic param line when the type has no view.
 */
export function NodeBody(props: { snapshot: NodeSnapshot; run: NodeRunStatus | undefined }) {
  const { canvas, nodeEditor } = useEditor()
  const { views } = canvas
  const { node, spec, into, issues } = props.snapshot
  if (spec === undefined) return null
  const view = Object.hasOwn(views, node.type) ? views[node.type] : undefined
  const Body = view ? view.Body : GenericBody
  if (Body === undefined) return null
  return (
    <Body node={node} spec={spec} into={into} issues={issues} run={props.run} editor={nodeEditor} />
  )
}
