import { modelOfSchema } from '@shotchain/fal-catalog'
import { describe, expect, it } from 'vitest'
import { FETCHED_SCHEMA } from '../testing/fetched-schema.ts'
import { createTestStores, runWorkflow } from '../testing/run-workflow.ts'
import { link, node, workflow } from '../testing/workflows.ts'
import { falModelNode, falModelType } from './fal-model-node.ts'

const { endpointId: ID, openapi: FETCHED } = FETCHED_SCHEMA

function unknownPriceWorkflow() {
  const stores = createTestStores()
  stores.registry.register(falModelNode(modelOfSchema(ID, FETCHED)))
  const doc = workflow(
    [
      node('img', 'image-source', { path: 'frames/start.png' }),
      node('shot', falModelType(ID), { prompt: 'the crowd turns' }),
    ],
    [link('img.image', 'shot.source')],
  )
  return { stores, doc }
}

async function run(budgetUsd: number, allowUnknownPrice?: boolean) {
  const { stores, doc } = unknownPriceWorkflow()
  const options = { budgetUsd, ...(allowUnknownPrice === undefined ? {} : { allowUnknownPrice }) }
  const { plan, result } = await runWorkflow(doc, stores, options)
  return { plan, result, jobs: stores.services.fal.jobs }
}

describe('a fal model whose price is unknown (a schema fetched by id)', () => {
  it('reads fal’s marker for a media field and plans with the price counted as unknown', async () => {
    const { plan } = await run(10, true)
    expect(plan.nodes.find((n) => n.id === 'shot')).toMatchObject({
      costUsd: 0,
      priceUnknown: true,
    })
    expect(plan.estimate).toMatchObject({ usd: 0, unknownPrice: 1 })
  })

  it('is refused under a budget before anything is sent, naming the node', async () => {
    const { result, jobs } = await run(10)
    expect(result.status).toBe('failed')
    expect(result.errors).toEqual([
      expect.objectContaining({
        code: 'over-budget',
        nodeId: 'shot',
        message: expect.stringMatching(/price of "shot" is unknown.*nothing was sent/),
      }),
    ])
    expect(jobs).toEqual([])
  })

  it('runs under a budget when the person allows unknown prices', async () => {
    const { result, jobs } = await run(10, true)
    expect(result.status).toBe('succeeded')
    expect(jobs).toEqual([
      expect.objectContaining({ endpoint: ID, input: expect.objectContaining({ duration: 4 }) }),
    ])
  })
})
