import { useCallback, useMemo, useState } from 'react'
import type { ProblemDetail } from '../storage/workflow-storage.ts'

/** A button on a notice (Reload, Keep mine). */
export interface NoticeAction {
  readonly label: string
  readonly run: () => void
}

/** A message to the person: what happened and, where it helps, what to do. */
export interface Notice {
  /** A later notice with the same key replaces this one (one save error at a time). */
  readonly key: string
  readonly tone: 'info' | 'warning' | 'error'
  readonly text: string
  /** Issues with their path, e.g. why a file was refused. */
  readonly details?: readonly ProblemDetail[]
  readonly actions?: readonly NoticeAction[]
}

export interface Notices {
  readonly list: readonly Notice[]
  show(notice: Notice): void
  dismiss(key: string): void
  /** Removes every notice (another workflow was opened: they were about the last one). */
  clear(): void
}

/** How many notices stay on screen; the oldest goes first. */
const MAX_NOTICES = 4

/** The notices on screen, newest last. */
export function useNotices(): Notices {
  const [list, setList] = useState<readonly Notice[]>([])
  const show = useCallback((notice: Notice) => {
    setList((old) => [...old.filter((n) => n.key !== notice.key), notice].slice(-MAX_NOTICES))
  }, [])
  const dismiss = useCallback((key: string) => {
    setList((old) => (old.some((n) => n.key === key) ? old.filter((n) => n.key !== key) : old))
  }, [])
  const clear = useCallback(() => setList([]), [])
  return useMemo(() => ({ list, show, dismiss, clear }), [list, show, dismiss, clear])
}
