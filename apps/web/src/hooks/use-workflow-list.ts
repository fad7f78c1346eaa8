import { useCallback, useMemo, useState } from 'react'
import type { WorkflowStorage, WorkflowSummary } from '../storage/workflow-storage.ts'
import type { Notices } from './use-notices.ts'

export interface WorkflowList {
  /** Undefined until the first listing arrives. */
  readonly workflows: readonly WorkflowSummary[] | undefined
  /** Lists again; resolves with the new list (undefined when listing failed). */
  refresh(): Promise<readonly WorkflowSummary[] | undefined>
}

/** The saved workflows, as of the last `refresh`. */
export function useWorkflowList(storage: WorkflowStorage, notices: Notices): WorkflowList {
  const [workflows, setWorkflows] = useState<readonly WorkflowSummary[]>()
  const { show, dismiss } = notices
  const refresh = useCallback(async () => {
    const listed = await storage.list()
    if (!listed.ok) {
      show({
        key: 'list',
        tone: 'error',
        text: `Could not list workflows: ${listed.failure.message}`,
      })
      return undefined
    }
    dismiss('list')
    setWorkflows(listed.value)
    return listed.value
  }, [storage, show, dismiss])
  return useMemo(() => ({ workflows, refresh }), [workflows, refresh])
}
