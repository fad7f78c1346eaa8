import { CATALOG_ENTRIES, catalogModel, modelOfSchema } from '@shotchain/fal-catalog'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestEmulator, type TestEmulator } from '../testing/test-emulator.ts'

const VEO = 'fal-ai/veo3.1/fast/first-last-frame-to-video'
let t: TestEmulator

beforeAll(async () => {
  t = await startTestEmulator({ apiKey: 'secret' })
})

afterAll(() => t.emulator.stop())

const schemaUrl = (id: string) =>
  `${t.emulator.url}/api/openapi/queue/openapi.json?endpoint_id=${encodeURIComponent(id)}`

describe('GET /api/openapi/queue/openapi.json', () => {
  it.each(CATALOG_ENTRIES.map((e) => e.endpointId))(
    'serves the catalog document of %s, without a key',
    async (id) => {
      const res = await fetch(schemaUrl(id))
      expect(res.status).toBe(200)
      const doc = await res.json()
      expect(doc).toEqual(CATALOG_ENTRIES.find((e) => e.endpointId === id)?.openapi)
      // What a server fetching the schema reads of it: the catalog model's fields.
      const fields = (m: ReturnType<typeof modelOfSchema> | undefined) =>
        m?.inputs.map((f) => [f.name, f.kind, f.required])
      expect(fields(modelOfSchema(id, doc))).toEqual(fields(catalogModel(id)))
    },
  )

  it('answers through the proxy header, as for https://fal.ai', async () => {
    const res = await fetch(`${t.emulator.url}/proxy`, {
      headers: {
        'x-fal-target-url': `https://fal.ai/api/openapi/queue/openapi.json?endpoint_id=${VEO}`,
      },
    })
    expect(res.status).toBe(200)
    const doc = (await res.json()) as { info: Record<string, unknown> }
    expect(doc.info['x-fal-metadata']).toMatchObject({ endpointId: VEO })
  })

  it('answers 404 with a fal-style {detail} for an id the catalog does not know', async () => {
    const res = await fetch(schemaUrl('fal-ai/no-such-model'))
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({ detail: 'Endpoint fal-ai/no-such-model not found' })
    const bare = await fetch(`${t.emulator.url}/api/openapi/queue/openapi.json`)
    expect(bare.status).toBe(400)
    expect(await bare.json()).toHaveProperty('detail')
  })
})
