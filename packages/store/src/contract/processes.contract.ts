import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runScript } from '../testing/run-script.ts'
import { sampleWorkflow } from '../testing/sample-workflow.ts'
import type { OpenTestStore, TestStore } from './test-stores.ts'

/** Runs a `src/testing` script on the test store's data, as another process. */
function inProcess(opened: TestStore, name: string, args: readonly string[]) {
  const env: Record<string, string> = {}
  if (opened.databaseUrl !== undefined) env.SHOTCHAIN_DATABASE_URL = opened.databaseUrl
  return runScript(name, [opened.home, ...args], env)
}

/** Several processes on the same data at once, and a process killed mid-write. */
export function describeProcesses(name: string, open: OpenTestStore): void {
  describe(`${name} shared by processes`, () => {
    it('lets two processes write at once without losing a write', async () => {
      const opened = open()
      const [a, b] = await Promise.all([
        inProcess(opened, 'write-journal-keys.ts', ['a', '100']),
        inProcess(opened, 'write-journal-keys.ts', ['b', '100']),
      ])
      expect([a.code, b.code, a.stderr, b.stderr]).toEqual([0, 0, '', ''])
      expect(opened.store.journal.list()).toHaveLength(200)
    }, 30_000)

    it('never lets two processes both win a save based on the same revision', async () => {
      const opened = open()
      opened.store.workflows.create('w1', sampleWorkflow(), 0)
      const startAt = String(Date.now() + 2_000)
      const [a, b] = await Promise.all([
        inProcess(opened, 'race-workflow-updates.ts', ['w1', '150', 'a', startAt]),
        inProcess(opened, 'race-workflow-updates.ts', ['w1', '150', 'b', startAt]),
      ])
      expect([a.code, b.code, a.stderr, b.stderr]).toEqual([0, 0, '', ''])
      const read = (who: string) =>
        JSON.parse(readFileSync(join(opened.home, `${who}.wins`), 'utf8'))
      const bases: number[] = [...read('a'), ...read('b')]
      // Each base revision was won once, and each win moved the revision on by exactly one.
      expect(new Set(bases).size).toBe(bases.length)
      expect(bases.length).toBeGreaterThanOrEqual(150)
      expect(opened.reopen().workflows.get('w1')?.revision).toBe(bases.length + 1)
    }, 30_000)

    it('keeps journal entries written by a process SIGKILLed right after writing them', async () => {
      const opened = open()
      const exit = await inProcess(opened, 'crash-after-record.ts', [])
      expect([exit.signal, exit.stderr]).toEqual(['SIGKILL', ''])
      const store = opened.reopen()
      const begun = { nodeId: 'shot1', runId: 'r1', at: 1 }
      expect(store.journal.get('crash-a')).toEqual({
        key: 'crash-a',
        state: 'submitting',
        ...begun,
      })
      expect(store.journal.get('crash-b')).toEqual({
        key: 'crash-b',
        state: 'submitted',
        requestId: 'req-crash',
        nodeId: 'shot2',
        runId: 'r1',
        at: 3,
      })
    }, 30_000)

    it('finds a run, its nodes and events after its process is SIGKILLed', async () => {
      const opened = open()
      const exit = await inProcess(opened, 'crash-mid-run.ts', [])
      expect([exit.signal, exit.stderr]).toEqual(['SIGKILL', ''])
      const store = opened.reopen()
      expect(store.runs.unfinished()).toMatchObject([{ id: 'r1', status: 'running' }])
      expect(store.nodeRuns.list('r1')).toEqual([
        { nodeId: 'shot1', status: 'submitted', requestId: 'req-1', updatedAt: 2 },
      ])
      expect(store.events.lastSeq('r1')).toBe(2)
    }, 30_000)
  })
}
