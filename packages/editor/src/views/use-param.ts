import { useEffect, useState } from 'react'
import { useEditor } from '../components/editor-context.ts'

/**
 * A param as an editable value: local while typing (the document updates after the canvas
 * syncs, which would move the caret), written through on every change as one undo entry per
 * burst, and replaced when the document changes it (undo, a remote edit). For node bodies,
 * inside `<WorkflowEditor>`.
 * @example
 * const [text, setText] = useParam(node.id, 'text', typeof node.params.text === 'string' ? node.params.text : '')
 * @throws Error when called outside `<WorkflowEditor>` (a bug).
 * @public
 */
export function useParam<T>(nodeId: string, key: string, value: T): [T, (next: T) => void] {
  const { apply } = useEditor()
  const [local, setLocal] = useState(value)
  useEffect(() => setLocal(value), [value])
  const set = (next: T) => {
    setLocal(next)
    apply({ type: 'setParam', node: nodeId, key, value: next }, `param:${nodeId}:${key}`)
  }
  return [local, set]
}
