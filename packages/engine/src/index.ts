export { type CacheEntry, type CacheStore, createMemoryCache } from './cache/cache-store.ts'
export { createMemoryJournal, type Journal, type JournalEntry } from './journal/journal.ts'
export {
  type CacheKeyParts,
  computeCacheKey,
  type InputSource,
  type KeyedInput,
  keyTextOfInputs,
  keyTextOfNode,
} from './keys/cache-key.ts'
export { canonicalJson } from './keys/canonical-json.ts'
export { type HashText, sha256Hex } from './keys/hash.ts'
export { type FingerprintResult, fingerprintDocument } from './plan/fingerprint-document.ts'
export { createPlanMemo, type PlanMemo } from './plan/plan-memo.ts'
export { type PlanOptions, planRun } from './plan/plan-run.ts'
export type {
  PlannedInput,
  PlannedNode,
  PlanResult,
  RunEstimate,
  RunPlan,
} from './plan/types.ts'
export type { RunCounts, RunEvent, RunEventBody, RunStatus } from './run/events.ts'
export { type ExecuteOptions, executeRun, type RunResult } from './run/execute-run.ts'
export {
  countNodeStatuses,
  emptyRunState,
  foldRunEvent,
  foldRunEvents,
  isRunLive,
  NODE_STATUSES,
  type NodeState,
  type NodeStatus,
  type RunState,
} from './run/fold-run-events.ts'
export {
  createMemoryLedger,
  type SpendLedger,
  type SpendRecord,
  sumUsd,
} from './spend/spend-ledger.ts'
