import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { boxesOverlap, type ScreenBox } from './canvas-driver.ts'
import { type AppHarness, openStarter, screenshot, TEST_OUTPUT, useApp } from './harness.ts'
import { ESTIMATE_WAIT, runDriver } from './run-driver.ts'

const SLOW = 120_000

async function boxOf(locator: Locator): Promise<ScreenBox> {
  const box = await locator.boundingBox()
  if (box === null) throw new Error('not on screen')
  return box
}

/** The canvas's and the timeline's boxes: what must not move as runs come and go. */
async function layoutOf(page: Page) {
  return {
    canvas: await boxOf(page.getByTestId('canvas')),
    timeline: await boxOf(page.getByTestId('timeline')),
  }
}

/** The dollars a line of the panel says ("…, $0.42", "spent $0.42"). */
const dollars = (text: string | null) => text?.match(/\$(\d+\.\d+)/)?.[1]

describe('a layout that holds still, Run to selected estimated, players to judge the cut', () => {
  const app = useApp()
  let page: Page
  let before: Awaited<ReturnType<typeof layoutOf>>

  it(
    'opens the starter',
    async () => {
      ;({ page } = await openStarter(app() as AppHarness))
      before = await layoutOf(page)
    },
    SLOW,
  )

  it(
    'Run to selected shows the estimate of the selection, and the run pays that',
    async () => {
      const run = runDriver(page)
      await expect.poll(run.estimate, ESTIMATE_WAIT).toBe('3 shots to generate, $1.26')
      await page.locator('[data-node-id="shot1"] [data-testid="title"]').click()
      const selected = page.getByTestId('estimate-selected')
      await expect
        .poll(() => selected.textContent(), ESTIMATE_WAIT)
        .toBe('Run to selected: 1 shot to generate, $0.42')
      const estimated = dollars(await selected.textContent())
      await page.getByTestId('run-selected').click()
      await expect.poll(run.runStatus, { timeout: 60_000 }).toMatch(/^Last run succeeded/)
      expect(dollars(await run.runStatus())).toBe(estimated)
      expect(await run.state('shot2')).not.toBe('succeeded')
      // What was paid is cached now: the same selection costs nothing.
      await expect
        .poll(() => selected.textContent(), ESTIMATE_WAIT)
        .toBe('Run to selected: all cached, costs nothing')
    },
    SLOW,
  )

  it(
    'the canvas and the timeline keep their size when a run ends with the stitched sequence',
    async () => {
      const run = runDriver(page)
      expect(await layoutOf(page)).toEqual(before)
      const runs = await page.getByTestId('run-history-item').count()
      await page.getByTestId('run').click()
      await expect.poll(() => page.getByTestId('run-history-item').count()).toBe(runs + 1)
      await expect.poll(run.runStatus, { timeout: 60_000 }).toMatch(/^Last run succeeded/)
      await expect.poll(() => page.getByTestId('sequence-player').count(), ESTIMATE_WAIT).toBe(1)
      expect(await layoutOf(page)).toEqual(before)
      await screenshot(page, 'layout-after-run')
    },
    SLOW,
  )

  it(
    'the sequence opens large in a theatre, with its cuts, plays, and Escape closes it',
    async () => {
      const cuts = page.locator('.timeline [data-testid="sequence-cut"]')
      expect(await cuts.count()).toBe(3)
      // Three 5 s shots: three equal parts.
      const widths = await Promise.all((await cuts.all()).map(async (c) => (await boxOf(c)).width))
      for (const w of widths) expect(w).toBeCloseTo(widths[0] ?? 0, 0)
      await page.getByTestId('theatre-open').focus()
      await page.keyboard.press('Enter')
      const theatre = page.getByTestId('theatre-player')
      const box = await boxOf(theatre)
      expect(box.width).toBeGreaterThanOrEqual(0.6 * (page.viewportSize()?.width ?? 0))
      await expect
        .poll(() => theatre.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 })
        .toBeGreaterThan(0.3)
      await screenshot(page, 'layout-theatre')
      await page.keyboard.press('Escape')
      await expect.poll(() => page.getByTestId('theatre').getAttribute('open')).toBeNull()
      await expect.poll(() => page.getByTestId('theatre-player').count()).toBe(0)
    },
    SLOW,
  )

  it(
    'a clip in a node has no controls over its frame, and a press on the frame plays it',
    async () => {
      const shot = page.locator('[data-testid="node"][data-node-id="shot1"]')
      const video = shot.getByTestId('kling-video')
      expect(await video.evaluate((v: HTMLVideoElement) => v.controls)).toBe(false)
      const frame = await boxOf(video)
      const bar = await boxOf(shot.getByTestId('clip-bar'))
      expect(boxesOverlap(frame, bar)).toBe(false)
      expect(bar.y).toBeGreaterThanOrEqual(frame.y + frame.height)
      // Nothing else in the card is drawn over the frame's middle.
      const onTop = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.tagName, {
        x: frame.x + frame.width / 2,
        y: frame.y + frame.height / 2,
      })
      expect(onTop).toBe('VIDEO')
      await video.click()
      await shot.screenshot({ path: join(TEST_OUTPUT, 'layout-node-clip.png') })
      await expect
        .poll(() => video.evaluate((v: HTMLVideoElement) => !v.paused && v.currentTime > 0.2), {
          timeout: 10_000,
        })
        .toBe(true)
      await video.click()
      await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.paused)).toBe(true)
    },
    SLOW,
  )

  it(
    'a Sequence with no clips yet keeps the timeline, at its size, with a plain empty state',
    async () => {
      await page.getByRole('button', { name: 'New', exact: true }).click()
      await page.getByTestId('add-node').click()
      await page.getByTestId('palette-search').fill('Sequence')
      await page.keyboard.press('Enter')
      await expect.poll(() => page.locator('[data-testid="node"]').count()).toBe(1)
      await expect
        .poll(() => page.getByTestId('timeline-none').textContent())
        .toBe('No shots yet: connect a shot to the Sequence node, and its clip shows here.')
      expect(await layoutOf(page)).toEqual(before)
      // The node says what it lacks in plain words, without graph jargon.
      expect(await page.getByTestId('node-issue').textContent()).toBe(
        'Nothing connected to Clips yet: drag a wire into it',
      )
      await screenshot(page, 'layout-empty-sequence')
    },
    SLOW,
  )

  it(
    'the first fit leaves the minimap corner free of nodes',
    async () => {
      // The starter with its output moved down: the box around it is as tall as the view is, so a
      // plain fit puts the output in the bottom-right corner.
      const { url } = app()
      const starter = (await (await fetch(`${url}/api/workflows/three-shot-chain`)).json()) as {
        doc: { nodes: { id: string; position: [number, number] }[] }
      }
      const doc = {
        ...starter.doc,
        name: 'Output in the corner',
        nodes: starter.doc.nodes.map((n) =>
          n.id === 'out' ? { ...n, position: [2180, 1330] } : n,
        ),
      }
      // The empty workflow before is not saved: discard it.
      page.once('dialog', (dialog) => void dialog.accept())
      await page.getByTestId('import-file').setInputFiles({
        name: 'corner.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(doc)),
      })
      await expect.poll(() => page.locator('[data-testid="node"]').count()).toBe(9)
      await expect.poll(() => page.getByTestId('workflow-name').inputValue()).toBe(doc.name)
      // The cards near the view are shown (the others are hidden): none waits to be drawn.
      await expect.poll(() => page.getByTestId('canvas-map').getAttribute('data-waiting')).toBe('0')
      const cards = page.locator('[data-testid="node"]:visible')
      expect(await cards.count()).toBeGreaterThan(0)
      const minimap = await boxOf(page.getByTestId('minimap'))
      for (const card of await cards.all()) {
        const box = await boxOf(card)
        expect(
          boxesOverlap(box, minimap),
          (await card.getAttribute('data-node-id')) ?? undefined,
        ).toBe(false)
      }
      await screenshot(page, 'layout-minimap-corner')
    },
    SLOW,
  )
})
