export { findMediaHashes } from './cache/media-references.ts'
export type { StoreError, StoreErrorCode } from './db/store-error.ts'
export { type HomeLock, lockHome, SERVER_LOCK_FILE } from './home/home-lock.ts'
export { resolveHome } from './home/resolve-home.ts'
export { extensionFor } from './media/content-type.ts'
export type { MediaFolder, MediaFolderOptions } from './media/media-folder.ts'
export { isMediaHash } from './media/media-hash.ts'
export type { MediaStore, StoredMedia } from './media/media-store.ts'
export {
  createPollingFeed,
  type EventFeed,
  type PollingFeedOptions,
} from './runs/event-feed.ts'
export type {
  NodeRunError,
  NodeRunState,
  NodeRunStore,
  StoredNodeRun,
} from './runs/sqlite-node-runs.ts'
export type { RunEventLog, StoredRunEvent } from './runs/sqlite-run-events.ts'
export type { RunLeases } from './runs/sqlite-run-leases.ts'
export type {
  FinishedRunStatus,
  NewRun,
  RunStatus,
  RunStore,
  StoredRun,
} from './runs/sqlite-runs.ts'
export {
  DATABASE_FILE,
  type OpenStoreOptions,
  openStore,
  resolveDatabaseUrl,
  type Store,
} from './store.ts'
export type { UploadCache } from './uploads/sqlite-upload-cache.ts'
export type {
  StoredWorkflow,
  WorkflowStore,
  WorkflowSummary,
  WorkflowUpdateResult,
} from './workflows/sqlite-workflows.ts'
