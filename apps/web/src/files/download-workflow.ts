import { serializeWorkflow, type WorkflowDocument } from '@shotchain/graph'
import { workflowFileName } from './workflow-file-name.ts'

/** Makes the browser download `doc` as its workflow file (`serializeWorkflow`'s JSON). */
export function downloadWorkflow(doc: WorkflowDocument): void {
  const blob = new Blob([serializeWorkflow(doc)], { type: 'application/json' })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = workflowFileName(doc.name)
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked later, not now: some browsers read the URL only after click() has returned.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
