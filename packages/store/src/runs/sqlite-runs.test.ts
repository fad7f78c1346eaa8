import { describe, expect, it } from 'vitest'
import { runScript } from '../testing/run-script.ts'
import { makeTempHome, openTestStore } from '../testing/temp-home.ts'

// The run store's behaviour is the contract suites' (src/contract/), on SQLite and PostgreSQL;
// this is SQLite's file after a SIGKILL mid-run.
describe('sqlite runs', () => {
  it('finds a run, its nodes and events after its process is SIGKILLed', async () => {
    const home = makeTempHome()
    const exit = await runScript('crash-mid-run.ts', [home])
    expect([exit.signal, exit.stderr]).toEqual(['SIGKILL', ''])

    const store = openTestStore(home)
    expect(store.runs.unfinished()).toMatchObject([{ id: 'r1', status: 'running' }])
    expect(store.nodeRuns.list('r1')).toEqual([
      { nodeId: 'shot1', status: 'submitted', requestId: 'req-1', updatedAt: 2 },
    ])
    expect(store.events.lastSeq('r1')).toBe(2)
  }, 30_000)
})
