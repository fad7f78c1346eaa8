import { parseWorkflow, serializeWorkflow, type WorkflowDocument } from '@shotchain/graph'
import {
  failed,
  type SavedWorkflow,
  type StorageResult,
  type WorkflowStorage,
  type WorkflowSummary,
} from './workflow-storage.ts'

/** The part of the Web Storage API this uses; tests pass an in-memory one. */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

/** Settings of {@link createLocalStorage}. */
export interface LocalStorageOptions {
  readonly storage: StorageLike
  readonly newId?: () => string
  readonly now?: () => number
}

const INDEX_KEY = 'shotchain:workflows'
const docKey = (id: string) => `shotchain:workflow:${id}`

/**
 * Workflows in this browser's localStorage, for when there is no server: an index of
 * summaries under one key and each document as its file text under its own key. Revisions
 * work as on the server, so two tabs cannot silently overwrite each other.
 */
export function createLocalStorage(options: LocalStorageOptions): WorkflowStorage {
  const { storage } = options
  const newId = options.newId ?? randomId
  const now = options.now ?? Date.now

  const readIndex = (): WorkflowSummary[] => {
    const text = storage.getItem(INDEX_KEY)
    if (text === null) return []
    try {
      const rows: unknown = JSON.parse(text)
      return Array.isArray(rows) ? rows.filter(isSummary) : []
    } catch {
      return []
    }
  }

  const write = (
    index: WorkflowSummary[],
    entry: WorkflowSummary,
    doc: WorkflowDocument,
  ): StorageResult<SavedWorkflow> => {
    const previous = storage.getItem(docKey(entry.id))
    try {
      storage.setItem(docKey(entry.id), serializeWorkflow(doc))
      storage.setItem(INDEX_KEY, JSON.stringify([entry, ...index.filter((w) => w.id !== entry.id)]))
    } catch {
      // Put the previous copy back, so the index and the document never disagree.
      if (previous === null) storage.removeItem(docKey(entry.id))
      else storage.setItem(docKey(entry.id), previous)
      return failed({
        kind: 'unavailable',
        message:
          "this browser's storage is full: export the workflow to a file, or delete workflows you no longer need",
      })
    }
    return { ok: true, value: { ...entry, doc } }
  }

  const notFound = (id: string) =>
    failed<never>({ kind: 'not-found', message: `no workflow with id "${id}" in this browser` })

  return {
    kind: 'local',
    async list() {
      const index = readIndex().sort((a, b) => b.updatedAt - a.updatedAt)
      return { ok: true, value: index }
    },
    async open(id) {
      const entry = readIndex().find((w) => w.id === id)
      const text = storage.getItem(docKey(id))
      if (entry === undefined || text === null) return notFound(id)
      const parsed = parseWorkflow(text)
      if (!parsed.ok) {
        return failed({
          kind: 'refused',
          message: `the copy of "${entry.name}" saved in this browser is damaged and cannot be opened`,
          issues: parsed.issues,
        })
      }
      return { ok: true, value: { ...entry, doc: parsed.doc } }
    },
    async create(doc) {
      const entry = { id: newId(), name: doc.name, revision: 1, updatedAt: now() }
      return write(readIndex(), entry, doc)
    },
    async save(id, doc, revision) {
      const index = readIndex()
      const entry = index.find((w) => w.id === id)
      if (entry === undefined) return notFound(id)
      if (entry.revision !== revision) {
        return failed({
          kind: 'conflict',
          message: `stale revision: you edited revision ${revision}, the saved workflow is at revision ${entry.revision} (saved from another tab); reload it or keep yours`,
          revision: entry.revision,
        })
      }
      return write(index, { id, name: doc.name, revision: revision + 1, updatedAt: now() }, doc)
    },
    async remove(id) {
      const index = readIndex()
      if (!index.some((w) => w.id === id)) return notFound(id)
      storage.setItem(INDEX_KEY, JSON.stringify(index.filter((w) => w.id !== id)))
      storage.removeItem(docKey(id))
      return { ok: true, value: undefined }
    },
  }
}

function isSummary(value: unknown): value is WorkflowSummary {
  const row = value as Partial<Record<keyof WorkflowSummary, unknown>>
  return (
    typeof row?.id === 'string' &&
    typeof row.name === 'string' &&
    typeof row.revision === 'number' &&
    typeof row.updatedAt === 'number'
  )
}

/** A random id; `randomUUID` only exists on secure pages (a LAN address over http is not). */
function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}
