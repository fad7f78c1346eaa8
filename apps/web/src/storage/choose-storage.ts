import { browserFetch, type Fetch } from './http-json.ts'
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
 * Asks `GET /api/status` whether the Shotchain server is there: if it answers, workflows are
 * saved on it; if not (no answer, an error, or a page that is not the API) they are saved in
 * `local`. Never rejects.
 */
export async function chooseStorage(options: ChooseStorageOptions): Promise<Backend> {
  const fetch = options.fetch ?? browserFetch
  const base = options.base ?? ''
  const status = await readStatus(fetch, `${base}/api/status`)
  if (status === undefined) return { storage: createLocalStorage({ storage: options.local }) }
  return { storage: createServerStorage({ base, fetch }), server: status }
}

async function readStatus(fetch: Fetch, url: string): Promise<{ fal: string } | undefined> {
  try {
    const response = await fetch(url, { headers: { accept: 'application/json' } })
    if (!response.ok) return undefined
    const body = (await response.json()) as { fal?: unknown }
    return typeof body?.fal === 'string' ? { fal: body.fal } : undefined
  } catch {
    return undefined
  }
}
