import { describe, expect, it } from 'vitest'
import { startTestServer } from '../testing/test-server.ts'
import { createServerStorage } from './server-storage.ts'
import { describeStorageContract, sampleDoc } from './testing/storage-contract.ts'

describeStorageContract('the server', async () => {
  const server = await startTestServer()
  return { storage: createServerStorage({ base: server.url }), close: server.close }
})

describe('server workflows', () => {
  it('lists the seeded starter workflow with its name and revision', async () => {
    const server = await startTestServer()
    try {
      const list = await createServerStorage({ base: server.url }).list()
      expect(list.ok && list.value).toEqual([
        expect.objectContaining({ id: 'three-shot-chain', name: 'Three-shot chain', revision: 1 }),
      ])
    } finally {
      await server.close()
    }
  })

  it('brings back a refused document as issues with a path and a message', async () => {
    const server = await startTestServer()
    try {
      const doc = sampleDoc('Outside')
      const created = await createServerStorage({ base: server.url }).create({
        ...doc,
        nodes: [
          { id: 'img', type: 'image-source', position: [0, 0], params: { path: '/etc/passwd' } },
        ],
      })
      expect(created).toMatchObject({ ok: false, failure: { kind: 'refused' } })
      if (created.ok || created.failure.kind !== 'refused') return
      expect(created.failure.issues).toEqual([
        { path: 'nodes[0].params.path', message: expect.stringMatching(/upload the file/) },
      ])
    } finally {
      await server.close()
    }
  })

  it('says the server cannot be reached, and how to fix it, when it is gone', async () => {
    const server = await startTestServer()
    await server.close()
    const list = await createServerStorage({ base: server.url }).list()
    expect(list).toMatchObject({ ok: false, failure: { kind: 'unavailable' } })
    if (!list.ok) expect(list.failure.message).toMatch(/pnpm start/)
  })
})
