import { FETCHED_SCHEMA } from '@shotchain/nodes/testing'
import { describe, expect, it } from 'vitest'
import type { Fetch } from '../api/call-api.ts'
import { nodeViews } from '../node-views.ts'
import { registry } from '../registry.ts'
import { addByIdState, addFalModel, loadFalModels } from './fal-models.ts'

const TYPE = `fal:${FETCHED_SCHEMA.endpointId}`
const fetched = {
  endpointId: FETCHED_SCHEMA.endpointId,
  kind: 'image-to-video',
  title: 'Acme Motion',
  description: 'image-to-video (schema fetched from fal; price unknown)',
  priceUsd: null,
  node: { type: TYPE, params: {} },
  source: 'fetched',
  openapi: FETCHED_SCHEMA.openapi,
}

/** A server that answers one route with `body` and `status`. */
const answering =
  (status: number, body: unknown): Fetch =>
  async () =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

describe('fal models the server fetched by id, in the app', () => {
  it('says offline that other models need a key, and registers nothing', async () => {
    const list = { models: [], canAddById: false, addById: 'Other fal models need a FAL_KEY.' }
    await loadFalModels(answering(200, list))
    expect(addByIdState()).toEqual({ can: false, text: 'Other fal models need a FAL_KEY.' })
    expect(registry.get(TYPE)).toBeUndefined()
  })

  it('passes on the server’s refusal to add one, for a person', async () => {
    const refused = {
      error: 'fal model "acme/none": fal has no such endpoint',
      field: 'endpointId',
    }
    expect(await addFalModel('acme/none', answering(422, refused))).toEqual({
      error: refused.error,
    })
  })

  it('builds the node and view of a fetched model from its schema, so it can be added', async () => {
    expect(await addFalModel(FETCHED_SCHEMA.endpointId, answering(201, fetched))).toEqual({
      type: TYPE,
    })
    const spec = registry.get(TYPE)
    expect(Object.keys(spec?.inputs ?? {})).toEqual(['source', 'prompt'])
    expect(spec?.cost?.(spec.params.parse({}))).toBeUndefined()
    expect(nodeViews[TYPE]).toBeDefined()
    // Listed again at the next start: registered once.
    const list = { models: [fetched], canAddById: true, addById: 'Any other fal endpoint…' }
    await loadFalModels(answering(200, list))
    expect(addByIdState().can).toBe(true)
  })
})
