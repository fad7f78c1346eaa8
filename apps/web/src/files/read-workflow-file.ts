import { connectionIssues } from '@shotchain/editor'
import {
  type Issue,
  type NodeRegistry,
  parseWorkflow,
  type WorkflowDocument,
} from '@shotchain/graph'

/** A workflow file read whole, or refused with every issue and no document. */
export type WorkflowFileResult =
  | {
      readonly ok: true
      readonly doc: WorkflowDocument
      /** What was dropped or changed on load (unknown fields): worth showing, not blocking. */
      readonly warnings: readonly Issue[]
    }
  | { readonly ok: false; readonly message: string; readonly issues: readonly Issue[] }

/**
 * Reads the text of a workflow file through `parseWorkflow`: either the whole document, or a
 * message naming the file and the issues (each with its path) — never half a document. With a
 * registry, edges the editor refuses (type mismatch, a taken input, a cycle…) refuse the file.
 * @example
 * const read = readWorkflowFile(file.name, await file.text())
 * if (read.ok) history.reset(read.doc)
 */
export function readWorkflowFile(
  fileName: string,
  text: string,
  registry?: NodeRegistry,
): WorkflowFileResult {
  const parsed = parseWorkflow(text)
  const refused = parsed.ok && registry ? connectionIssues(parsed.doc, registry) : []
  if (parsed.ok && refused.length === 0) {
    return { ok: true, doc: parsed.doc, warnings: parsed.issues }
  }
  const issues = parsed.ok ? refused : parsed.issues
  const count = issues.filter((i) => i.severity === 'error').length
  return {
    ok: false,
    message: `${fileName} was not imported: ${count === 1 ? 'one problem' : `${count} problems`} to fix in the file first`,
    issues,
  }
}
