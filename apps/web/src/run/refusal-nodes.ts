import type { RunRefusal } from './run-api.ts'

/**
 * The nodes a refusal's errors are on, once each, in the order of the issues. Their cards say
 * the problem in its own words; the run panel only points at them, so it is said once.
 */
export function nodesAtFault(refusal: RunRefusal): string[] {
  const ids: string[] = []
  for (const issue of refusal.issues)
    if (issue.nodeId !== undefined && issue.severity === 'error' && !ids.includes(issue.nodeId))
      ids.push(issue.nodeId)
  return ids
}
