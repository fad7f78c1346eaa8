import { useEffect, useRef } from 'react'
import { readHashId } from '../session/location-hash.ts'
import type { Notices } from './use-notices.ts'
import type { WorkflowActions } from './use-workflow-actions.ts'
import type { WorkflowList } from './use-workflow-list.ts'

/**
 * On first mount: lists the saved workflows and opens the one the address names (`#<id>`),
 * else the most recently saved one, else keeps the empty new workflow. Later, an address
 * edited by hand (`#<other id>`) opens that workflow.
 */
export function useStartup(list: WorkflowList, actions: WorkflowActions, notices: Notices): void {
  const started = useRef(false)
  const { refresh } = list
  const { openById } = actions
  const { show } = notices
  useEffect(() => {
    if (started.current) return
    started.current = true
    void (async () => {
      const workflows = await refresh()
      if (workflows === undefined) return
      const wanted = readHashId()
      const found = workflows.find((w) => w.id === wanted) ?? workflows[0]
      if (wanted !== undefined && found?.id !== wanted) {
        show({
          key: 'open',
          tone: 'warning',
          text: `There is no saved workflow "${wanted}" (deleted, or saved somewhere else); ${found === undefined ? 'this is a new one' : 'opened the latest one instead'}.`,
        })
      }
      if (found !== undefined) await openById(found.id, true)
    })()
  }, [refresh, openById, show])

  useEffect(() => {
    const onHash = () => {
      const id = readHashId()
      if (id !== undefined) void openById(id)
    }
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [openById])
}
