import { describe, expect, it } from 'vitest'
import {
  api,
  createServerHarness,
  createShortWorkflow,
  KLING,
  type SpawnedServer,
} from './server-harness.ts'
import { readSse, type SseMessage } from './sse-client.ts'
import { follow, isSubmitted, showOutputOnFailure, startRuns, waitFor } from './team-runs.ts'

const RUNS = 10
/** Short leases, so the test waits seconds, not the default's, for the takeover. */
const TEAM_ENV = { SHOTCHAIN_TEAM: '1', SHOTCHAIN_LEASE_MS: '3000' }

/**
 * Three server processes on one store and one media folder; 10 one-shot runs started through the
 * first; the first SIGKILLed while every shot renders. Every run must finish, taken over by the
 * other two, with one submit per shot, and stream every event, in order, to a follower on the
 * second process throughout, and again from the third. `storeEnv` says which store the processes
 * share (none: the harness's SQLite home; `SHOTCHAIN_DATABASE_URL` for PostgreSQL).
 */
export function describeTeamKill(name: string, storeEnv: () => Promise<NodeJS.ProcessEnv>): void {
  describe(`three server processes on one ${name} store`, () => {
    it('take over the runs of the one killed mid-shot, paying once, streaming without gaps', async () => {
      const h = await createServerHarness()
      const env = { ...TEAM_ENV, ...(await storeEnv()) }
      try {
        const first = await h.spawn(env)
        const others = await Promise.all([h.spawn(env), h.spawn(env)])
        const [second, third] = others as [SpawnedServer, SpawnedServer]
        showOutputOnFailure([first, second, third])
        // Every job is held until the first process is dead, however slow the machine: none of
        // its runs can finish before the kill.
        h.emulator.configure({ runLatencyMs: 600_000 })
        const runIds = await startRuns(first.url, RUNS, 'killed')
        // Followers on the second process, reading what the first one executes.
        const { followed, submittedAll } = follow(second.url, runIds)
        await submittedAll
        await first.kill()
        expect(h.emulator.stats().submits[KLING]).toBe(RUNS)
        h.emulator.configure({ runLatencyMs: 1_000 })

        const streams = await Promise.all(followed)
        expect(h.emulator.stats().submits[KLING]).toBe(RUNS)
        for (const [i, runId] of runIds.entries()) {
          const messages = streams[i] as SseMessage[]
          const ids = messages.map((m) => Number(m.id))
          expect(ids).toEqual(ids.map((_, k) => k + 1))
          const events = messages.map((m) => JSON.parse(m.data))
          expect(events.at(-1)).toMatchObject({ type: 'run-finished', status: 'succeeded' })
          // Taken over: a second execution re-attached to the job the first one paid for.
          expect(events.filter((e) => e.type === 'run-started')).toHaveLength(2)
          expect(events).toContainEqual(
            expect.objectContaining({ type: 'node-started', resumeRequestId: expect.any(String) }),
          )
          const run = await api(third.url, `/api/runs/${runId}`)
          expect(run.body.status).toBe('succeeded')
          const replay = await readSse(`${third.url}/api/runs/${runId}/events?after=0`)
          expect(replay.map((m) => m.data)).toEqual(messages.map((m) => m.data))
        }
      } finally {
        await h.close()
      }
    }, 90_000)

    it('take over the runs of a stalled process, which then stops writing them', async () => {
      const h = await createServerHarness()
      const env = { ...TEAM_ENV, ...(await storeEnv()) }
      try {
        const first = await h.spawn(env)
        const second = await h.spawn(env)
        showOutputOnFailure([first, second])
        // Jobs are held while the first process stalls, so its runs are still going when it does.
        h.emulator.configure({ runLatencyMs: 600_000 })
        const runIds = await startRuns(first.url, 3, 'stalled')
        const { followed, submittedAll } = follow(second.url, runIds)
        await submittedAll
        first.child.kill('SIGSTOP')
        // Stalled past its leases (3 s) and the others' look for runs to take (every 1 s).
        await new Promise((ok) => setTimeout(ok, 5_000))
        first.child.kill('SIGCONT')
        h.emulator.configure({ runLatencyMs: 1_000 })
        const streams = await Promise.all(followed)
        // Its first heartbeat after waking finds its leases gone.
        await waitFor(() => first.output().includes('lease lost'))
        expect(h.emulator.stats().submits[KLING]).toBe(runIds.length)
        for (const [i, runId] of runIds.entries()) {
          const messages = streams[i] as SseMessage[]
          const ids = messages.map((m) => Number(m.id))
          expect(ids).toEqual(ids.map((_, k) => k + 1))
          expect(JSON.parse(messages.at(-1)?.data ?? '{}')).toMatchObject({
            type: 'run-finished',
            status: 'succeeded',
          })
          // Nothing the stalled process did after it woke reached the log.
          const replay = await readSse(`${first.url}/api/runs/${runId}/events?after=0`)
          expect(replay.map((m) => m.data)).toEqual(messages.map((m) => m.data))
        }
      } finally {
        await h.close()
      }
    }, 60_000)

    it('cancel a run through a process that does not execute it', async () => {
      const h = await createServerHarness()
      const env = { ...TEAM_ENV, ...(await storeEnv()) }
      try {
        const [first, second] = (await Promise.all([h.spawn(env), h.spawn(env)])) as [
          SpawnedServer,
          SpawnedServer,
        ]
        showOutputOnFailure([first, second])
        h.emulator.configure({ runLatencyMs: 20_000 })
        const workflowId = await createShortWorkflow(first.url, (doc) => {
          const prompt = doc.nodes.find((n) => n.id === 'prompt1')
          if (prompt) prompt.params.text = '@Image1: a take cancelled from elsewhere'
        })
        const started = await api(first.url, `/api/workflows/${workflowId}/runs`, {
          body: { targets: ['shot1'] },
        })
        const runId: string = started.body.runId
        const events = `${second.url}/api/runs/${runId}/events`
        const before = await readSse(events, { stopWhen: isSubmitted })
        const cancel = await api(second.url, `/api/runs/${runId}/cancel`, { body: {} })
        expect(cancel.status).toBe(202)
        const after = await readSse(events, { lastEventId: before.at(-1)?.id as string })
        expect(JSON.parse(after.at(-1)?.data ?? '{}')).toMatchObject({
          type: 'run-finished',
          status: 'cancelled',
        })
        // The process executing it cancelled the job at fal.
        expect(h.emulator.stats().cancelled[KLING]).toBe(1)
        expect((await api(first.url, `/api/runs/${runId}`)).body.status).toBe('cancelled')
      } finally {
        await h.close()
      }
    }, 60_000)
  })
}
