import { apiRoutes } from '@shotchain/api'
import { browserFetch, callApi, type Fetch } from '../api/call-api.ts'
import { createLocalStorage, type StorageLike } from './local-storage.ts'
import { createServerStorage } from './server-storage.ts'
import type { WorkflowStorage } from './workflow-storage.ts'

/** Where the app saves, and what it knows of the server when there is one. */
export interface Backend {
  readonly storage: WorkflowStorage
  /** The server's `/api/status`; undefined when there is no server (saving in this browser). */
  readonly server?: { readonly fal: string }
}

/** Settings of {@link chooseStorage}. */
export interface ChooseStorageOptions {
  /** The browser's localStorage, used when there is no server. */
  readonly local: StorageLike
  readonly fetch?: Fetch
  /** The server's origin; empty (the default) for the page's own. */
  readonly base?: string
}

/**
 * Asks `GET /api/status` whether the Shotchain server is there: if it answers as the API
 * contract says, workflows are saved on it; if not (no answer, an error, or a page that is not
 * the API) they are saved in `local`. Never rejects.
 */
export async function chooseStorage(options: ChooseStorageOptions): Promise<Backend> {
  const fetch = options.fetch ?? browserFetch
  const base = options.base ?? ''
  const status = await callApi(apiRoutes.status, {
    fetch,
    base,
    headers: { accept: 'application/json' },
  })
  // No answer, an error, or a page that is not the API (a plain static host): this browser.
  if (!status.ok) return { storage: createLocalStorage({ storage: options.local }) }
  return { storage: createServerStorage({ base, fetch }), server: { fal: status.value.fal } }
}
