import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { RunningServer } from './server/create-server.ts'
import { api, createShortWorkflow, jsonOf, useServer } from './testing/server-harness.ts'
import { readSse } from './testing/sse-client.ts'

let server: RunningServer

useServer((_harness, running) => {
  server = running
})

describe('two runs of different workflows at once', () => {
  it('keep their events and their media apart', async () => {
    // The second workflow starts from another uploaded image, so its clips differ.
    const dusk = await readFile(resolve(import.meta.dirname, '../../../examples/images/dusk.jpg'))
    const uploaded = await fetch(`${server.url}/api/uploads`, { method: 'POST', body: dusk })
    const duskPath: string = (await jsonOf(uploaded)).path
    const ids = await Promise.all([
      createShortWorkflow(server.url),
      createShortWorkflow(server.url, (doc) => {
        const image = doc.nodes.find((n) => n.id === 'image')
        if (image) image.params.path = duskPath
        for (const node of doc.nodes)
          if (node.type === 'prompt') node.params.text = `@Image1: at dusk, ${node.id}`
      }),
    ])
    const runIds = await Promise.all(
      ids.map(async (id) => {
        const started = await api(server.url, `/api/workflows/${id}/runs`, { body: {} })
        expect(started.status).toBe(201)
        return started.body.runId as string
      }),
    )
    const streams = await Promise.all(
      runIds.map((runId) => readSse(`${server.url}/api/runs/${runId}/events`)),
    )
    const requestIds: string[][] = []
    streams.forEach((messages, i) => {
      const events = messages.map((m) => JSON.parse(m.data))
      expect(events.every((e) => e.runId === runIds[i])).toBe(true)
      expect(messages.map((m) => Number(m.id))).toEqual(events.map((_, k) => k + 1))
      expect(events.filter((e) => e.type === 'run-started')).toHaveLength(1)
      expect(events.at(-1)).toMatchObject({ type: 'run-finished', status: 'succeeded' })
      requestIds.push(events.filter((e) => e.type === 'node-submitted').map((e) => e.requestId))
    })
    // Each run paid for its own three shots; no request id appears in both streams.
    expect(requestIds.map((r) => r.length)).toEqual([3, 3])
    expect(requestIds[0]?.filter((r) => requestIds[1]?.includes(r))).toEqual([])

    const outputs = await Promise.all(
      runIds.map(async (runId) => (await api(server.url, `/api/runs/${runId}`)).body.outputs),
    )
    const [a, b] = outputs.map((o) => o[0].media.hash as string)
    expect(a).not.toBe(b)
    const [bytesA, bytesB] = await Promise.all(
      [a, b].map(async (hash) => (await fetch(`${server.url}/media/${hash}`)).arrayBuffer()),
    )
    expect(Buffer.from(bytesA as ArrayBuffer).equals(Buffer.from(bytesB as ArrayBuffer))).toBe(
      false,
    )
  }, 60_000)
})
