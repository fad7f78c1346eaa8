import { apiRoutes, type ModelSummary } from '@shotchain/api'
import { modelOfSchema } from '@shotchain/fal-catalog'
import { falModelNode } from '@shotchain/nodes'
import { falModelView } from '@shotchain/nodes-ui'
import { callApi, type Fetch } from '../api/call-api.ts'
import { nodeViews } from '../node-views.ts'
import { registry } from '../registry.ts'

/** What the server says of adding fal models by id; offline until it answers otherwise. */
export interface AddById {
  readonly can: boolean
  /** For a person: that other models need a key, or that any endpoint id can be added. */
  readonly text: string
}

let addById: AddById = {
  can: false,
  text: 'Other fal models can be added when the server has a FAL_KEY.',
}

/** The server's word on adding models by id, as {@link loadFalModels} last heard it. */
export function addByIdState(): AddById {
  return addById
}

/**
 * Asks the server for its fal models and registers the node (and view) of each one it fetched by
 * id, so workflows using them open and the palette offers them. Call before the first workflow
 * opens; without a server the catalog's nodes (bundled) are all there is.
 */
export async function loadFalModels(fetch?: Fetch): Promise<void> {
  const answer = await callApi(apiRoutes.listModels, fetch ? { fetch } : {})
  if (!answer.ok) return
  addById = { can: answer.value.canAddById, text: answer.value.addById }
  for (const model of answer.value.models) registerFetched(model)
}

/**
 * Asks the server to fetch fal's schema of `endpointId`; resolves with the node type to add, or
 * with a message for a person when it refused (no key, no such endpoint, unreadable schema).
 */
export async function addFalModel(
  endpointId: string,
  fetch?: Fetch,
): Promise<{ readonly type: string } | { readonly error: string }> {
  const answer = await callApi(apiRoutes.addModel, {
    body: { endpointId },
    ...(fetch ? { fetch } : {}),
  })
  if (!answer.ok) {
    const { failure } = answer
    if (failure.kind === 'refused')
      return { error: failure.body?.error ?? `HTTP ${failure.status}` }
    return {
      error: failure.kind === 'unreachable' ? 'the server cannot be reached' : failure.message,
    }
  }
  registerFetched(answer.value)
  return { type: answer.value.node.type }
}

/** A fetched model's node and view, built here from fal's schema as the server built them. */
function registerFetched(model: ModelSummary): void {
  if (model.source !== 'fetched' || model.openapi === undefined) return
  if (registry.get(model.node.type) !== undefined) return
  const spec = falModelNode(modelOfSchema(model.endpointId, model.openapi))
  registry.register(spec)
  ;(nodeViews as Record<string, typeof falModelView>)[spec.type] = falModelView
}
