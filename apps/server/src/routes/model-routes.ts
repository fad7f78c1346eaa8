import { apiRoutes, type ModelSummary } from '@shotchain/api'
import { ShotchainError } from '@shotchain/errors'
import type { ShelfModel } from '@shotchain/runtime'
import { Hono } from 'hono'
import type { AppContext } from '../http/app-context.ts'
import { readJson } from '../http/read-json.ts'

/**
 * `/api/models`: the fal models the palette offers (the bundled catalog, then those fetched by
 * id), and `POST` to fetch one more by its endpoint id (only with `FAL_KEY`).
 */
export function modelRoutes(app: AppContext): Hono {
  const routes = new Hono()
  const { models } = app

  routes.get('/', (c) =>
    c.json({
      models: models.list().map(summaryOf),
      canAddById: models.canAddById,
      addById: models.canAddById
        ? 'Any other fal endpoint can be added by its id.'
        : 'Other fal models can be added by endpoint id when the server has a FAL_KEY.',
    }),
  )

  routes.post('/', async (c) => {
    const body = await readJson(c, apiRoutes.addModel.request)
    if (!body.ok) return body.response
    try {
      return c.json(summaryOf(await models.add(body.value.endpointId, c.req.raw.signal)), 201)
    } catch (error) {
      if (!(error instanceof ShotchainError)) throw error
      return c.json({ error: error.message, field: 'endpointId' }, 422)
    }
  })
  return routes
}

function summaryOf(entry: ShelfModel): ModelSummary {
  const { model } = entry
  return {
    endpointId: model.endpointId,
    kind: model.kind,
    title: model.title,
    description: model.description,
    priceUsd: entry.priceUsd ?? null,
    node: { type: entry.node.type, params: { ...entry.node.params } },
    source: entry.source,
    ...(entry.openapi === undefined ? {} : { openapi: entry.openapi }),
  }
}
