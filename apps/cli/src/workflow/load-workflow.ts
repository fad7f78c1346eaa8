import { readFile } from 'node:fs/promises'
import { formatIssue, type Issue, parseWorkflow, type WorkflowDocument } from '@shotchain/graph'

export type LoadResult =
  | { readonly ok: true; readonly doc: WorkflowDocument; readonly warnings: readonly Issue[] }
  | { readonly ok: false; readonly message: string }

/** Reads and parses a workflow file; a missing file or bad JSON is a message, never a stack trace. */
export async function loadWorkflow(path: string): Promise<LoadResult> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const missing = (error as { code?: string }).code === 'ENOENT'
    return { ok: false, message: `${path}: ${missing ? 'no such file' : 'cannot be read'}` }
  }
  const parsed = parseWorkflow(text)
  if (!parsed.ok) return { ok: false, message: describeIssues(path, parsed.issues) }
  return { ok: true, doc: parsed.doc, warnings: parsed.issues }
}

/** Issues as lines a person can act on, each naming the JSON path (and node) at fault. */
export function describeIssues(path: string, issues: readonly Issue[]): string {
  const lines = issues.map((issue) => {
    const node = issue.nodeId === undefined ? '' : ` [node ${issue.nodeId}]`
    return `  ${issue.severity === 'error' ? 'error' : 'warning'}${node} ${formatIssue(issue)}`
  })
  return `${path}: ${issues.length === 1 ? 'a problem' : `${issues.length} problems`}\n${lines.join('\n')}`
}
