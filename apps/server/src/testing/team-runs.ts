import { expect, onTestFailed } from 'vitest'
import { api, createShortWorkflow, type SpawnedServer } from './server-harness.ts'
import { readSse, type SseMessage } from './sse-client.ts'

/** Whether an SSE message is a `node-submitted` event. */
export const isSubmitted = (m: SseMessage) => JSON.parse(m.data).type === 'node-submitted'

/** Starts `count` one-shot runs of distinct prompts through `base`; returns their ids. */
export async function startRuns(base: string, count: number, label: string): Promise<string[]> {
  const runIds: string[] = []
  for (let i = 0; i < count; i++) {
    const workflowId = await createShortWorkflow(base, (doc) => {
      const prompt = doc.nodes.find((n) => n.id === 'prompt1')
      if (prompt) prompt.params.text = `@Image1: harbour take ${i}, ${label}`
    })
    const started = await api(base, `/api/workflows/${workflowId}/runs`, {
      body: { targets: ['shot1'] },
    })
    expect(started.status).toBe(201)
    runIds.push(started.body.runId)
  }
  return runIds
}

/**
 * Follows each run's events on `base` to the end (`followed`); `submittedAll` resolves once every
 * run's shot has been submitted.
 */
export function follow(base: string, runIds: readonly string[]) {
  let submitted = 0
  let allSubmitted: () => void = () => {}
  const submittedAll = new Promise<void>((ok) => {
    allSubmitted = ok
  })
  const followed = runIds.map((runId) =>
    readSse(`${base}/api/runs/${runId}/events`, {
      onMessage: (m) => {
        if (isSubmitted(m) && ++submitted === runIds.length) allSubmitted()
      },
    }),
  )
  return { followed, submittedAll }
}

/** Prints what the server processes said when the current test fails. */
export function showOutputOnFailure(servers: readonly SpawnedServer[]): void {
  onTestFailed(() => {
    for (const [i, server] of servers.entries())
      console.log(`--- server process ${i + 1}:\n${server.output()}`)
  })
}

/** Resolves once `condition` holds; throws after `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > until) throw new Error('waited in vain')
    await new Promise((ok) => setTimeout(ok, 100))
  }
}
