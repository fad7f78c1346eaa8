import { parseWorkflow, type WorkflowDocument } from '@shotchain/graph'
import { browserFetch, type Fetch, requestJson } from './http-json.ts'
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
 * Workflows in the Shotchain server's store, over `/api/workflows`. Saves carry the revision
 * they were based on, so a stale save comes back as a `conflict` and overwrites nothing.
 * @example
 * const storage = createServerStorage()
 * const saved = await storage.save(id, history.doc, revision)
 * if (!saved.ok && saved.failure.kind === 'conflict') offerReloadOrKeepMine(saved.failure)
 */
export function createServerStorage(options: ServerStorageOptions = {}): WorkflowStorage {
  const fetch = options.fetch ?? browserFetch
  const url = (path: string) => `${options.base ?? ''}/api/workflows${path}`
  const send = (method: string, path: string, body: unknown) =>
    requestJson(fetch, url(path), {
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  return {
    kind: 'server',
    async list() {
      const result = await requestJson(fetch, url(''))
      if (!result.ok) return result
      const workflows = (result.value as { workflows?: unknown })?.workflows
      if (!Array.isArray(workflows)) return garbled('the list of workflows')
      return { ok: true, value: workflows.flatMap(summaryOf) }
    },
    async open(id) {
      return savedOf(await requestJson(fetch, url(`/${encodeURIComponent(id)}`)))
    },
    async create(doc) {
      return savedOf(await send('POST', '', doc))
    },
    async save(id, doc, revision) {
      return savedOf(await send('PUT', `/${encodeURIComponent(id)}`, { doc, revision }))
    },
    async remove(id) {
      const result = await requestJson(fetch, url(`/${encodeURIComponent(id)}`), {
        method: 'DELETE',
      })
      return result.ok ? { ok: true, value: undefined } : result
    },
  }
}

function summaryOf(value: unknown): WorkflowSummary[] {
  const row = value as Partial<Record<keyof WorkflowSummary, unknown>>
  if (typeof row?.id !== 'string' || typeof row.revision !== 'number') return []
  return [
    {
      id: row.id,
      name: typeof row.name === 'string' ? row.name : row.id,
      revision: row.revision,
      updatedAt: typeof row.updatedAt === 'number' ? row.updatedAt : 0,
    },
  ]
}

/** Reads a `{ id, revision, doc, … }` answer; its document is loaded like any other. */
function savedOf(result: StorageResult<unknown>): StorageResult<SavedWorkflow> {
  if (!result.ok) return result
  const summary = summaryOf(result.value)[0]
  const raw = (result.value as { doc?: unknown }).doc
  if (summary === undefined || raw === undefined) return garbled('the workflow')
  const parsed = parseWorkflow(raw)
  if (!parsed.ok) {
    return failed({
      kind: 'refused',
      message: `the server sent a workflow this page cannot read (is the page older than the server? reload it)`,
      issues: parsed.issues,
    })
  }
  const doc: WorkflowDocument = parsed.doc
  return { ok: true, value: { ...summary, doc } }
}

function garbled<T>(what: string): StorageResult<T> {
  return failed({
    kind: 'unavailable',
    message: `the server's answer for ${what} was not what this page expects: reload the page`,
  })
}
