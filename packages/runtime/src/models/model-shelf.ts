import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ERROR_CODES, ShotchainError } from '@shotchain/errors'
import {
  catalogModel,
  catalogModels,
  type FalModel,
  modelOfSchema,
  priceOf,
  SchemaError,
} from '@shotchain/fal-catalog'
import type { NodeRegistry } from '@shotchain/graph'
import { falModelNode, nodeOfEndpoint } from '@shotchain/nodes'
import type { FalTarget } from '../services/fal-target.ts'

/** Where fal publishes each endpoint's OpenAPI document (`?endpoint_id=ID`). */
export const FAL_SCHEMA_URL = 'https://fal.ai/api/openapi/queue/openapi.json'

/** A model the palette can offer, as the apps list it. */
export interface ShelfModel {
  readonly model: FalModel
  /** The node it adds, and that node's params. */
  readonly node: { readonly type: string; readonly params: Readonly<Record<string, unknown>> }
  /** Its price at the schema's defaults; undefined when unknown. */
  readonly priceUsd: number | undefined
  readonly source: 'catalog' | 'fetched'
  /** fal's OpenAPI document of a fetched model, so a browser can build the same node. */
  readonly openapi?: unknown
}

/** The fal models an app offers: the bundled catalog and any fetched by id with a key. */
export interface ModelShelf {
  list(): readonly ShelfModel[]
  /** Whether a model can be added by endpoint id here (only with `FAL_KEY`). */
  readonly canAddById: boolean
  /**
   * Fetches fal's schema of `endpointId`, keeps it under the state folder and registers its
   * node; resolves with it (at once for a model already on the shelf).
   * @throws ShotchainError `validation` naming `endpointId` when there is no key, fal does not
   *   know the endpoint or its schema cannot be read as a model.
   */
  add(endpointId: string, signal?: AbortSignal): Promise<ShelfModel>
}

/** fal's endpoint ids: `owner/app` and optional path segments. */
const ENDPOINT_ID = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)+$/i

/**
 * Opens the shelf of `home`: registers the node of every schema fetched earlier (kept in
 * `<home>/fal-schemas`) into `registry`, so workflows using them load in the server and the CLI
 * alike. Fetching needs `target` to be fal itself; `schemaUrl` replaces fal's address.
 */
export async function openModelShelf(options: {
  readonly home: string
  readonly registry: NodeRegistry
  readonly target: FalTarget
  readonly schemaUrl?: string
  readonly fetch?: typeof fetch
}): Promise<ModelShelf> {
  const { registry, target } = options
  const folder = join(options.home, 'fal-schemas')
  const fetched = new Map<string, ShelfModel>()
  const shelve = (endpointId: string, openapi: unknown): ShelfModel => {
    const model = modelOfSchema(endpointId, openapi)
    const spec = falModelNode(model)
    if (registry.get(spec.type) === undefined) registry.register(spec)
    const entry = { ...shelfEntry(model, 'fetched'), openapi }
    fetched.set(endpointId, entry)
    return entry
  }
  for (const saved of await readSaved(folder)) {
    try {
      shelve(saved.endpointId, saved.openapi)
    } catch {
      // A schema this build cannot read stays on disk; its workflows say the type is unknown.
    }
  }
  const key = target.kind === 'fal' ? target.key : undefined
  return {
    canAddById: key !== undefined,
    list: () => [...catalogModels().map((m) => shelfEntry(m, 'catalog')), ...fetched.values()],
    async add(endpointId, signal) {
      const known = catalogModel(endpointId)
      if (known !== undefined) return shelfEntry(known, 'catalog')
      const had = fetched.get(endpointId)
      if (had !== undefined) return had
      const refuse = (why: string) =>
        new ShotchainError(ERROR_CODES.validation, `fal model "${endpointId}": ${why}`, {
          field: 'endpointId',
        })
      if (!ENDPOINT_ID.test(endpointId)) throw refuse('is not a fal endpoint id (owner/model/…)')
      if (key === undefined) {
        throw refuse(
          'adding a model by id needs FAL_KEY; offline, only the bundled catalog is offered',
        )
      }
      const url = `${options.schemaUrl ?? FAL_SCHEMA_URL}?endpoint_id=${encodeURIComponent(endpointId)}`
      const response = await (options.fetch ?? fetch)(url, {
        headers: { authorization: `Key ${key}` },
        ...(signal ? { signal } : {}),
      })
      if (!response.ok) {
        await response.body?.cancel()
        throw refuse(
          response.status === 404
            ? 'fal has no such endpoint'
            : `fal answered HTTP ${response.status} for its schema`,
        )
      }
      const openapi: unknown = await response.json()
      let entry: ShelfModel
      try {
        entry = shelve(endpointId, openapi)
      } catch (error) {
        if (error instanceof SchemaError) throw refuse(error.message)
        throw error
      }
      await save(folder, endpointId, openapi)
      return entry
    },
  }
}

function shelfEntry(model: FalModel, source: 'catalog' | 'fetched'): ShelfModel {
  return {
    model,
    node: nodeOfEndpoint(model.endpointId),
    priceUsd: priceOf(model, {}),
    source,
  }
}

async function readSaved(folder: string): Promise<{ endpointId: string; openapi: unknown }[]> {
  let names: string[]
  try {
    names = await readdir(folder)
  } catch {
    return []
  }
  const saved = []
  for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
    try {
      const value = JSON.parse(await readFile(join(folder, name), 'utf8'))
      if (typeof value?.endpointId === 'string') saved.push(value)
    } catch {
      // A half-written or foreign file is not a schema: skipped.
    }
  }
  return saved
}

/** Written whole or not at all: a temporary file renamed over the old one. */
async function save(folder: string, endpointId: string, openapi: unknown): Promise<void> {
  await mkdir(folder, { recursive: true })
  const file = join(folder, `${encodeURIComponent(endpointId)}.json`)
  await writeFile(`${file}.tmp`, JSON.stringify({ endpointId, openapi }))
  await rename(`${file}.tmp`, file)
}
