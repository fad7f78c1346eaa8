import { describe, expect, it } from 'vitest'
import { runScript } from '../testing/run-script.ts'
import { makeTempHome, openTestStore } from '../testing/temp-home.ts'

describe('sqlite journal and a crash', () => {
  it('keeps entries written by a process SIGKILLed right after writing them', async () => {
    const home = makeTempHome()
    const exit = await runScript('crash-after-record.ts', [home])
    expect(exit.stderr).toBe('')
    expect(exit.signal).toBe('SIGKILL')

    const store = openTestStore(home)
    expect(store.journal.get('crash-a')).toEqual({
      key: 'crash-a',
      state: 'submitting',
      nodeId: 'shot1',
      runId: 'r1',
      at: 1,
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
})
