import type { Issue, WorkflowDocument } from '@shotchain/graph'
import { createTestStores, planWorkflow, type TestStores } from './run-workflow.ts'

/** Every issue planning `doc` reports: the refusal's issues, or the accepted plan's warnings. */
export async function planIssues(
  doc: WorkflowDocument,
  stores: TestStores = createTestStores(),
): Promise<readonly Issue[]> {
  const planned = await planWorkflow(doc, stores)
  return planned.ok ? planned.plan.warnings : planned.issues
}
