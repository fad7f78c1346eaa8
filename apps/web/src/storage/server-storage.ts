import { type SavedWorkflow as ApiSavedWorkflow, apiRoutes } from '@shotchain/api'
import { parseWorkflow } from '@shotchain/graph'
import { type ApiCall, browserFetch, callApi, type Fetch } from '../api/call-api.ts'
import { storageFailureOf } from './storage-failure.ts'
import {
  failed,
  type SavedWorkflow,
  type StorageResult,
  type WorkflowStorage,
  type WorkflowSummary,
} from './workflow-storage.ts'

/** Settings of {@link createServerStorage}. */
export interface ServerStorageOptions {
  /** The server's origin, e.g. `http://127.0.0.1:5757`; empty (the default) for the page's own. */
  readonly base?: string
  readonly fetch?: Fetch
}

/**
 * Workflows in the Shotchain server's store, over `/api/workflows` (answers parsed by the API
 * contract). Saves carry the revision they were based on, so a stale save comes back as a
 * `conflict` and overwrites nothing.
 * @example
 * const storage = createServerStorage()
 * const saved = await storage.save(id, history.doc, revision)
 * if (!saved.ok && saved.failure.kind === 'conflict') offerReloadOrKeepMine(saved.failure)
 */
export function createServerStorage(options: ServerStorageOptions = {}): WorkflowStorage {
  const call = { fetch: options.fetch ?? browserFetch, base: options.base ?? '' }
  return {
    kind: 'server',
    async list() {
      const listed = await callApi(apiRoutes.listWorkflows, call)
      if (!listed.ok) return failed(storageFailureOf(listed.failure))
      return { ok: true, value: listed.value.workflows.map(summaryOf) }
    },
    async open(id) {
      return savedOf(await callApi(apiRoutes.getWorkflow, { ...call, params: { id } }))
    },
    async create(doc) {
      return savedOf(await callApi(apiRoutes.createWorkflow, { ...call, body: doc }))
    },
    async save(id, doc, revision) {
      const body = { doc, revision }
      return savedOf(await callApi(apiRoutes.updateWorkflow, { ...call, params: { id }, body }))
    },
    async remove(id) {
      const removed = await callApi(apiRoutes.deleteWorkflow, { ...call, params: { id } })
      return removed.ok ? { ok: true, value: undefined } : failed(storageFailureOf(removed.failure))
    },
  }
}

function summaryOf({ id, name, revision, updatedAt }: WorkflowSummary): WorkflowSummary {
  return { id, name, revision, updatedAt }
}

/** A saved workflow from the server; its document is loaded like any other. */
function savedOf(answer: ApiCall<ApiSavedWorkflow>): StorageResult<SavedWorkflow> {
  if (!answer.ok) return failed(storageFailureOf(answer.failure))
  const parsed = parseWorkflow(answer.value.doc)
  if (!parsed.ok) {
    return failed({
      kind: 'refused',
      message: `the server sent a workflow this page cannot read (is the page older than the server? reload it)`,
      issues: parsed.issues,
    })
  }
  return { ok: true, value: { ...summaryOf(answer.value), doc: parsed.doc } }
}
