import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RunEvent } from '@shotchain/engine'
import { parseWorkflow } from '@shotchain/graph'
import { createEventRecorder, type StoredEvent } from '@shotchain/runs'
import { openStore } from '@shotchain/store'
import { describe, expect, it } from 'vitest'
import { createPathHider } from '../http/hide-paths.ts'

describe('the run manager’s event recorder (the lifecycle’s, with the server’s path hiding)', () => {
  it('stores and sends a node error with the state folder named, not its absolute path', async () => {
    const home = await mkdtemp(join(tmpdir(), 'shotchain-record-'))
    const store = openStore(home)
    try {
      const parsed = parseWorkflow({
        format: 'shotchain.workflow',
        version: 1,
        name: 'w',
        nodes: [],
        edges: [],
      })
      if (!parsed.ok) throw new Error('the empty workflow does not parse')
      store.runs.create({
        id: 'r1',
        workflowId: 'w1',
        doc: parsed.doc,
        targets: undefined,
        estimateUsd: 0,
        createdAt: 0,
      })
      const heard: StoredEvent[] = []
      const hide = createPathHider(home, '/nonexistent-user-home')
      const record = createEventRecorder({
        store,
        runId: 'r1',
        baseSeq: 0,
        toStored: (event) => hide.json(event),
        publish: (_runId, stored) => heard.push(stored),
      })
      const failed = {
        type: 'node-failed',
        runId: 'r1',
        seq: 1,
        at: 1,
        nodeId: 'image',
        error: {
          code: 'validation',
          message: `the file ${join(home, 'media', 'gone.png')} does not exist`,
          nodeId: 'image',
          field: 'path',
        },
      } as RunEvent
      record(failed)
      const expected = 'the file $SHOTCHAIN_HOME/media/gone.png does not exist'
      expect(store.events.after('r1', 0)).toEqual([
        expect.objectContaining({
          event: expect.objectContaining({ error: expect.objectContaining({ message: expected }) }),
        }),
      ])
      expect(store.nodeRuns.list('r1')).toEqual([
        expect.objectContaining({ error: expect.objectContaining({ message: expected }) }),
      ])
      expect(JSON.stringify(heard)).not.toContain(home)
    } finally {
      store.close()
      await rm(home, { recursive: true, force: true })
    }
  })
})
