import { klingO1Cost } from '@shotchain/kling'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createTestStores, runWorkflow } from './testing/run-workflow.ts'
import { chainWorkflow } from './testing/workflows.ts'

describe('chains of any length', () => {
  it('cost n × the clip price, run each shot once in order, and pay nothing the second time', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 3, max: 10 }),
        fc.constantFrom('standard' as const, 'pro' as const),
        async (shots, duration, tier) => {
          const stores = createTestStores()
          const doc = chainWorkflow({ shots, duration, tier })
          const first = await runWorkflow(doc, stores)
          expect(first.result.status).toBe('succeeded')
          expect(first.plan.estimate.usd).toBeCloseTo(shots * klingO1Cost(duration, tier), 6)
          const { jobs } = stores.services.fal
          expect(jobs).toHaveLength(shots)
          // Shot k (1-based) is job k and starts from the last frame of job k − 1.
          jobs.forEach((job, k) => {
            expect(job.input.prompt).toContain(`shot ${k + 1}:`)
            if (k > 0) expect(String(job.input.start_image_url)).toContain(`clip%3Areq-${k}`)
          })
          const stitched = stores.services.calls.stitch[0]?.clips
          expect(stitched?.map((c) => c.media.hash)).toEqual(jobs.map((j) => `clip:${j.requestId}`))
          // Every chained shot repeats the previous shot's last frame: it starts at frame 1.
          expect(stitched?.map((c) => c.in)).toEqual(jobs.map((_, k) => (k === 0 ? undefined : 1)))

          const second = await runWorkflow(doc, stores)
          expect(second.plan.estimate).toMatchObject({ usd: 0, run: 0 })
          expect(stores.services.fal.jobs).toHaveLength(shots)
        },
      ),
      { numRuns: 40 },
    )
  })
})
