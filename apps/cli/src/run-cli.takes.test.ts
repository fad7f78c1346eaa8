import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type CliHarness,
  createCliHarness,
  shortShots,
  type WorkflowJson,
} from './testing/cli-harness.ts'

let h: CliHarness

/** Sets shot 2's takes in the scratch copy of the example. */
function takesOnShot2(count: number, pick: number) {
  return h.editWorkflow('three-shot-chain.json', (doc: WorkflowJson) => {
    const shot2 = doc.nodes.find((n) => n.id === 'shot2') as { takes?: unknown }
    shot2.takes = { count, pick }
  })
}

interface TakeRecord {
  take: number
  picked: boolean
  runNode: string
  requestId?: string
  video?: string
}
interface ShotRecord {
  node: string
  video?: string
  costUsd: number
  takes?: TakeRecord[]
}

interface SeamRecord {
  from: string
  to: string
  flagged: boolean
  droppedRepeat: boolean
}

async function manifest(): Promise<{ shots: ShotRecord[]; seams: SeamRecord[] }> {
  const path = join(h.dir, 'out', 'three-shot-chain', 'manifest.json')
  return JSON.parse(await readFile(path, 'utf8'))
}

async function shots(): Promise<ShotRecord[]> {
  return (await manifest()).shots
}

beforeAll(async () => {
  h = await createCliHarness()
  await h.editWorkflow('three-shot-chain.json', (doc) => shortShots(doc))
}, 60_000)

afterAll(() => h?.emulator.stop())

describe('takes, from the CLI on the emulator', () => {
  it('makes every take of shot 2, counts them in the estimate and lists them in the manifest', async () => {
    await takesOnShot2(2, 1)
    const { code, out, err } = await h.run('run', 'three-shot-chain.json')
    expect(err).toBe('')
    expect(code).toBe(0)
    // 3 shots and a second take of shot 2: 4 paid clips of 3 s at $0.084 a second.
    expect(out).toMatch(/shot2#take2 +kling-o1-i2v +run, \$0\.25/)
    expect(out).toMatch(/estimate: 10 to run, 0 cached, \$1\.01/)
    expect(h.submits()).toBe(4)

    const shot2 = (await shots()).find((s) => s.node === 'shot2')
    expect(shot2?.takes?.map((t) => [t.take, t.picked, t.runNode])).toEqual([
      [1, true, 'shot2'],
      [2, false, 'shot2#take2'],
    ])
    const [one, two] = shot2?.takes ?? []
    expect(one?.requestId).not.toBe(two?.requestId)
    // Two takes of one input are two different clips.
    expect(one?.video).not.toBe(two?.video)
    expect(shot2?.video).toBe(one?.video)
    expect(shot2?.costUsd).toBeCloseTo(0.504, 9)
  }, 120_000)

  it('re-runs only shot 3 when take 2 is picked', async () => {
    const before = h.submits()
    await takesOnShot2(2, 2)
    const { code, out } = await h.run('run', 'three-shot-chain.json')
    expect(code).toBe(0)
    expect(out).toMatch(/estimate: \d+ to run, \d+ cached, \$0\.25/)
    expect(h.submits() - before).toBe(1)

    const records = await shots()
    const shot2 = records.find((s) => s.node === 'shot2')
    const picked = shot2?.takes?.find((t) => t.picked)
    expect(picked).toMatchObject({ take: 2, runNode: 'shot2' })
    expect(shot2?.video).toBe(picked?.video)
    expect(records.find((s) => s.node === 'shot3')?.takes).toBeUndefined()
    // The sequence measured its cuts on the picked take: chained, so clean, the repeat dropped.
    const { seams } = await manifest()
    expect(seams.map((seam) => [seam.from, seam.to, seam.flagged, seam.droppedRepeat])).toEqual([
      ['shot1', 'shot2', false, true],
      ['shot2', 'shot3', false, true],
    ])
  }, 120_000)
})
