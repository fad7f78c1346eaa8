import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createMediaTools, REPEAT_PSNR_DB } from '@shotchain/media'
import { checkOtio } from '@shotchain/media/testing/check-otio'
import { cliWorkflowId } from '@shotchain/runs'
import { openStore } from '@shotchain/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CliHarness, createCliHarness, shortShots } from './testing/cli-harness.ts'
import { createFakeTerminal } from './testing/fake-terminal.ts'

let h: CliHarness
const media = createMediaTools()

beforeAll(async () => {
  h = await createCliHarness()
  await h.editWorkflow('three-shot-chain.json', (doc) => shortShots(doc))
}, 60_000)

afterAll(() => h?.emulator.stop())

interface Manifest {
  files: Record<string, string>
  editList: Record<string, { otio: string; edl: string }>
  shots: { node: string; requestId?: string; cached: boolean; video?: string; costUsd: number }[]
  seams: { from: string; to: string; ssim: number; flagged: boolean; droppedRepeat: boolean }[]
  drift: { shot: string; ssim: number; deltaE: number }[]
}

async function manifest(): Promise<Manifest> {
  return JSON.parse(await readFile(join(h.dir, 'out', 'three-shot-chain', 'manifest.json'), 'utf8'))
}

/** The frame at index `n` of a video, as a PNG. */
async function frameAt(video: string, n: number, name: string): Promise<string> {
  const png = join(h.dir, name)
  const { fps } = await media.probe(video)
  await media.extractFrame(video, Math.max(0, (n - 0.01) / fps), png)
  return png
}

/**
 * Each chained shot starts on the previous one's last picture, and the sequence drops that
 * repeat: it lasts exactly the clips' frames minus one per cut, and the frame after each cut is
 * the incoming shot's second frame, nearer to it than to the repeated first.
 */
async function expectCleanCuts(video: string, clips: readonly string[]): Promise<void> {
  const frames = await Promise.all(clips.map((clip) => media.countFrames(clip)))
  const cuts = clips.length - 1
  expect(await media.countFrames(video)).toBe(frames.reduce((a, b) => a + b, 0) - cuts)
  let cut = 0
  for (let k = 0; k < cuts; k++) {
    const [outgoing, incoming] = [clips[k] as string, clips[k + 1] as string]
    expect(await media.repeatsAtCut(outgoing, incoming)).toBe(true)
    cut += (frames[k] as number) - (k === 0 ? 0 : 1)
    const after = await frameAt(video, cut, `cut${k}-after.png`)
    const first = await frameAt(incoming, 0, `clip${k + 1}-first.png`)
    const second = await frameAt(incoming, 1, `clip${k + 1}-second.png`)
    const [toSecond, toFirst] = [await media.psnr(after, second), await media.psnr(after, first)]
    expect(toSecond).toBeGreaterThanOrEqual(REPEAT_PSNR_DB)
    expect(toSecond).toBeGreaterThan(toFirst)
  }
}

/** The `.otio` and `.edl` beside the sequence, over the shots' clips copied to `clips/`. */
async function expectEditListFiles(shots: readonly string[]): Promise<void> {
  const dir = join(h.dir, 'out', 'three-shot-chain')
  const { editList } = await manifest()
  expect(editList).toEqual({ out: { otio: 'three-shot-chain.otio', edl: 'three-shot-chain.edl' } })
  const otio = JSON.parse(await readFile(join(dir, 'three-shot-chain.otio'), 'utf8'))
  expect(checkOtio(otio)).toEqual([])
  const clips = otio.tracks.children[0].children
  expect(clips.map((c: { name: string }) => c.name)).toEqual(shots)
  expect(clips.map((c: OtioClipJson) => c.source_range.start_time.value)).toEqual([0, 1, 1])
  for (const clip of clips as OtioClipJson[]) {
    const url = clip.media_references.DEFAULT_MEDIA.target_url
    expect(url).toMatch(/^clips\/shot\d\.mp4$/)
    expect(await media.countFrames(join(dir, url))).toBe(
      clip.media_references.DEFAULT_MEDIA.available_range.duration.value,
    )
  }
  const edl = await readFile(join(dir, 'three-shot-chain.edl'), 'utf8')
  expect(edl).toMatch(/^TITLE: three-shot-chain$/m)
  for (const shot of shots) expect(edl).toContain(`* FROM CLIP NAME: ${shot}.mp4`)
}

interface OtioClipJson {
  source_range: { start_time: { value: number } }
  media_references: {
    DEFAULT_MEDIA: { target_url: string; available_range: { duration: { value: number } } }
  }
}

describe('shotchain run, end to end on the emulator', () => {
  it('makes one sequence of the three chained shots', async () => {
    const { code, out, err } = await h.run('run', 'three-shot-chain.json')
    expect(err).toBe('')
    expect(code).toBe(0)
    expect(out.split('\n')[0]).toMatch(/emulator/)
    expect(out).toMatch(/estimate: 9 to run, 0 cached, \$0\.76/)
    expect(h.submits()).toBe(3)

    const video = join(h.dir, 'out', 'three-shot-chain', 'three-shot-chain.mp4')
    expect((await media.probe(video)).durationSec).toBeCloseTo(9, 0)
    expect(Math.abs((await media.probe(video)).durationSec - 9)).toBeLessThanOrEqual(0.2)

    // Shot k+1 starts where shot k ended.
    const store = openStore(h.home)
    const { shots } = await manifest()
    const paths = shots.map((s) => store.media.pathOf(s.video ?? '') as string)
    for (let k = 0; k + 1 < paths.length; k++) {
      const last = join(h.dir, `last-${k}.png`)
      const first = join(h.dir, `first-${k + 1}.png`)
      await media.extractFrame(paths[k] as string, 'last', last)
      await media.extractFrame(paths[k + 1] as string, 'first', first)
      expect(await media.psnr(last, first)).toBeGreaterThanOrEqual(30)
    }
    // Recorded like a server run: the run, its node states, its events and what it spent.
    const [run, ...older] = store.runs.list(cliWorkflowId(join(h.dir, 'three-shot-chain.json')))
    expect(older).toEqual([])
    expect(run?.status).toBe('succeeded')
    expect(run?.spentUsd).toBeCloseTo(run?.estimateUsd ?? Number.NaN, 9)
    const nodes = store.nodeRuns.list(run?.id ?? '')
    expect(nodes.filter((n) => n.requestId !== undefined).map((n) => n.status)).toEqual(
      Array(3).fill('succeeded'),
    )
    const events = store.events.after(run?.id ?? '', 0)
    expect(events.at(-1)?.event).toMatchObject({ type: 'run-finished', status: 'succeeded' })
    store.close()
    expect(shots.map((s) => s.requestId)).toEqual([
      expect.any(String),
      expect.any(String),
      expect.any(String),
    ])
    await expectCleanCuts(video, paths)
    await expectEditListFiles(shots.map((s) => s.node))
    // The manifest's seams: each cut between the shots either side, measured on the frames played.
    const { seams, drift } = await manifest()
    expect(seams.map((seam) => [seam.from, seam.to])).toEqual([
      ['shot1', 'shot2'],
      ['shot2', 'shot3'],
    ])
    // Chained and the repeat dropped: one frame of motion apart, under both thresholds.
    for (const seam of seams) {
      expect(seam).toMatchObject({ flagged: false, problems: [], droppedRepeat: true })
      expect(seam.ssim).toBeLessThan(1)
    }
    // Each shot moves, so the chain has drifted from its first picture by shot 2 already.
    expect(drift.map((d) => d.shot)).toEqual(['shot2', 'shot3'])
    for (const d of drift) expect(d.ssim).toBeLessThan(0.9)
  }, 120_000)

  it('pays nothing the second time, and for shots 2 and 3 only after shot 2 is edited', async () => {
    const before = h.submits()
    const again = await h.run('run', 'three-shot-chain.json')
    expect(again.code).toBe(0)
    expect(again.out).toMatch(/estimate: 0 to run/)
    expect(h.submits()).toBe(before)

    await h.editWorkflow('three-shot-chain.json', (doc) => {
      const prompt = doc.nodes.find((n) => n.id === 'prompt2')
      if (prompt) prompt.params.text = '@Image1: the lighthouse beam sweeps through heavy rain'
    })
    const edited = await h.run('estimate', 'three-shot-chain.json')
    expect(edited.out).toMatch(/shot1\s+kling-o1-i2v\s+cached/)
    // estimate talks to no fal, so it does not say which one.
    expect(edited.out).not.toMatch(/^shotchain:/m)
    const run = await h.run('run', 'three-shot-chain.json')
    expect(run.code).toBe(0)
    expect(h.submits()).toBe(before + 2)
    const shots = (await manifest()).shots
    expect(shots.map((s) => s.cached)).toEqual([true, false, false])
  }, 120_000)

  it('shows the run as a live view on a terminal, and the plain lines nowhere', async () => {
    await h.editWorkflow('single-shot.json', (doc) => shortShots(doc))
    const terminal = createFakeTerminal(120, 40)
    const { code, out } = await h.runOnTerminal(terminal.stream, 'run', 'single-shot.json')
    expect(code).toBe(0)
    expect(out.split('\n')[0]).toMatch(/^shotchain: .*emulator/)
    expect(out).toMatch(/^estimate: /m)
    expect(out).toMatch(/^wrote .*manifest\.json$/m)
    expect(out).not.toMatch(/^\[ *[\d.]+s\]/m)
    // The image is the cache's, from the runs before: one line for each of the three others.
    expect(await terminal.screen()).toEqual([
      expect.stringMatching(/^✔ prompt +prompt +succeeded +\[=+\] +[\d.]+s$/),
      expect.stringMatching(/^✔ shot +kling-o1-i2v +succeeded +\[=+\] +[\d.]+s +\$0\.\d\d$/),
      expect.stringMatching(/^✔ out +output +succeeded/),
      expect.stringMatching(/^\[ *[\d.]+s\] run succeeded: 3 ran, 1 cached, 0 failed/),
    ])
  }, 60_000)
})
