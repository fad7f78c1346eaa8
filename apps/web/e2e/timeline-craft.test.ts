import type { BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { seriousViolations } from './axe-driver.ts'
import { canvasDriver } from './canvas-driver.ts'
import { screenshot, useApp } from './harness.ts'
import { KLING, runDriver } from './run-driver.ts'

const SLOW = 240_000
/** The frame rate of the test server's emulated clips (`videoFps` in `startTestServer`). */
const CLIP_FPS = 12

interface SavedDoc {
  name: string
  nodes: { id: string; type: string; params: Record<string, unknown>; takes?: unknown }[]
}

/** Saves with Ctrl+S and reads the open workflow back from the server. */
async function savedDoc(page: Page, url: string): Promise<SavedDoc> {
  await canvasDriver(page).clickBackground()
  await page.keyboard.press('Control+s')
  await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Saved')
  const id = decodeURIComponent(new URL(page.url()).hash.slice(1))
  return ((await (await fetch(`${url}/api/workflows/${id}`)).json()) as { doc: SavedDoc }).doc
}

const nodeOf = (doc: SavedDoc, id: string) => doc.nodes.find((n) => n.id === id)

/** The number a figure's text ends with (`SSIM 0.99` → 0.99). */
const figureIn = async (figure: Locator) =>
  Number((await figure.textContent())?.match(/(-?[\d.]+)\s*(dB)?$/)?.[1])

/** The sequence player's video once its metadata loaded: where from, and how long. */
async function sequenceVideo(page: Page, notFrom?: string) {
  const player = page.getByTestId('sequence-player')
  await expect.poll(async () => (await player.getAttribute('src')) !== notFrom).toBe(true)
  await expect
    .poll(() => player.evaluate((video: HTMLVideoElement) => video.duration), { timeout: 15_000 })
    .toBeGreaterThan(0)
  return {
    src: (await player.getAttribute('src')) ?? '',
    durationSec: await player.evaluate((video: HTMLVideoElement) => video.duration),
  }
}

describe('the timeline, where a sequence is judged and cut', () => {
  const app = useApp()
  let page: Page
  let context: BrowserContext
  const tile = (nodeId: string) =>
    page.locator(`[data-testid="timeline-shot"][data-node-id="${nodeId}"]`)
  const seams = () => page.getByTestId('timeline-seam')
  /** Shot 1's frames, and its out point once trimmed. */
  let frames = 0
  let out = 0
  /** The first run's sequence, and the repeated frames it dropped at its cuts. */
  let first = { src: '', durationSec: 0 }
  let firstDrops = 0
  afterAll(() => context?.close())

  it(
    'runs the starter with two takes of shot 2 (no trims before the rate is known), picks take 2',
    async () => {
      const { browser, url } = app()
      // A context of its own: axe opens a second page in it.
      context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
      page = await context.newPage()
      const run = runDriver(page)
      // The starter (its image stored on the server), its built-in sequence, shot 2 made twice.
      const starter = (await (await fetch(`${url}/api/workflows/three-shot-chain`)).json()) as {
        doc: SavedDoc
      }
      const doc = structuredClone(starter.doc)
      doc.name = 'Timeline craft'
      expect(nodeOf(doc, 'sequence')?.type).toBe('sequence')
      Object.assign(nodeOf(doc, 'shot2') ?? {}, { takes: { count: 2, pick: 1 } })
      const created = await fetch(`${url}/api/workflows`, {
        method: 'POST',
        headers: { origin: url, 'content-type': 'application/json' },
        body: JSON.stringify(doc),
      })
      expect(created.status).toBe(201)
      const { id } = (await created.json()) as { id: string }
      await page.goto(`${url}/#${id}`)
      await expect.poll(() => canvasDriver(page).nodes().count(), { timeout: 15_000 }).toBe(9)
      // Frames are the clips' own rate, which no run has told yet: no handle counts them.
      await expect
        .poll(() => tile('shot1').getByTestId('timeline-meta').textContent())
        .toMatch(/^5 s · not run/)
      expect(await tile('shot1').getByTestId('trim-out').count()).toBe(0)
      expect(await page.getByTestId('timeline-rate-unknown').textContent()).toMatch(/after a run/)
      await page.getByTestId('run').click()
      await expect.poll(run.runStatus, { timeout: 90_000 }).toMatch(/^Last run succeeded/)
      await expect.poll(() => tile('shot1').getByTestId('trim-out').count()).toBe(1)
      expect(await page.getByTestId('timeline-rate-unknown').count()).toBe(0)
      first = await sequenceVideo(page)
      firstDrops = await page.getByTestId('seam-repeat-dropped').count()

      const take2 = tile('shot2').getByTestId('timeline-take-2')
      await expect.poll(() => take2.locator('img').count()).toBe(1)
      await take2.click()
      await expect.poll(() => take2.getAttribute('aria-pressed')).toBe('true')
      expect(await tile('shot2').locator('.timeline-shot-select img').getAttribute('src')).toBe(
        await take2.locator('img').getAttribute('src'),
      )
      expect(nodeOf(await savedDoc(page, url), 'shot2')?.takes).toEqual({ count: 2, pick: 2 })
    },
    SLOW,
  )

  it(
    'shows each seam’s measured figures, a flag only past a threshold, and both stills',
    async () => {
      expect(await seams().count()).toBe(2)
      for (const k of [0, 1]) {
        const seam = seams().nth(k)
        const ssim = await figureIn(seam.getByTestId('seam-ssim'))
        const deltaE = await figureIn(seam.getByTestId('seam-delta-e'))
        expect(ssim).toBeGreaterThanOrEqual(0)
        expect(ssim).toBeLessThanOrEqual(1)
        expect(deltaE).toBeGreaterThanOrEqual(0)
        // Flagged exactly when a figure is past the sequence's thresholds (SSIM 0.9, ΔE 5), and
        // what is wrong said in words: in the marker's name and listed in its popover.
        const problems = [
          ...(ssim < 0.9
            ? [`the picture jumps at the cut (SSIM ${ssim.toFixed(2)}, under 0.9)`]
            : []),
          ...(deltaE > 5 ? [`the colours jump at the cut (ΔE ${deltaE.toFixed(1)}, over 5)`] : []),
        ]
        expect(await seam.getByTestId('seam-flagged').count()).toBe(problems.length > 0 ? 1 : 0)
        if (problems.length > 0) {
          const named = page.getByRole('button', { name: `Flagged: ${problems.join('; ')}.` })
          expect(await seam.and(named).count()).toBe(1)
        }

        await seam.click()
        const popover = page.locator(`#seam-popover-${k}`)
        await expect.poll(() => popover.isVisible()).toBe(true)
        const outgoing = popover.getByTestId('seam-still-out')
        const incoming = popover.getByTestId('seam-still-in')
        for (const still of [outgoing, incoming]) {
          await expect
            .poll(() => still.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
            .toBeGreaterThan(0)
          expect(
            await still.evaluate((img: HTMLImageElement) => img.naturalHeight),
          ).toBeGreaterThan(0)
        }
        // Side by side, read in one layout: the popover grows (and, anchored at its bottom, moves)
        // as the stills decode, so two separate reads may straddle a frame.
        const sideBySide = () =>
          popover.evaluate((box) => {
            const [a, b] = [...box.querySelectorAll('[data-testid^="seam-still-"]')].map((img) =>
              img.getBoundingClientRect(),
            )
            return (
              a !== undefined && b !== undefined && a.right <= b.left && Math.abs(a.top - b.top) < 2
            )
          })
        await expect.poll(sideBySide).toBe(true)
        // The popover's figures, more precise, agree with the marker's (each rounded from one value).
        const figures = (await popover.getByTestId('seam-figures').textContent()) ?? ''
        const [, fullSsim, psnr, fullDeltaE] =
          figures.match(/^SSIM([\d.]+)PSNR(identical|[\d.]+ dB)ΔE([\d.]+)$/) ?? []
        expect(Math.abs(Number(fullSsim) - ssim)).toBeLessThanOrEqual(0.0051)
        expect(Math.abs(Number(fullDeltaE) - deltaE)).toBeLessThanOrEqual(0.051)
        expect(psnr).toBeDefined()
        expect(await popover.getByTestId('seam-problems').locator('li').allTextContents()).toEqual(
          problems,
        )
        expect(await popover.getByTestId('seam-drift').textContent()).toMatch(
          new RegExp(
            `^shot${k + 2} against the sequence’s first picture: SSIM [\\d.]+, ΔE [\\d.]+$`,
          ),
        )
        if (k === 1) {
          await screenshot(page, 'timeline-craft-seam')
          expect(await seriousViolations(page, '[data-testid="timeline"]')).toEqual([])
        }
        await page.keyboard.press('Escape')
        await expect.poll(() => popover.isVisible()).toBe(false)
      }
    },
    SLOW,
  )

  it(
    'trims a clip by dragging its handle, in frames of the clip’s rate (one undo step), and by keys',
    async () => {
      const { url } = app()
      const handle = tile('shot1').getByTestId('trim-out')
      const meta = tile('shot1').getByTestId('timeline-meta')
      const metaBefore = await meta.textContent()
      frames = Number(await handle.getAttribute('aria-valuenow'))
      // 5 s at the emulated clips' rate, as the sequence's edit list told it (not 24 fps).
      expect(frames).toBe(5 * CLIP_FPS)
      expect(Number(await handle.getAttribute('aria-valuemax'))).toBe(frames)
      const clip = await tile('shot1').locator('.timeline-clip').boundingBox()
      const grip = await handle.boundingBox()
      if (!clip || !grip) throw new Error('no tile or handle box')
      const drag = 35
      await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2)
      await page.mouse.down()
      for (let step = 1; step <= 5; step++) {
        await page.mouse.move(grip.x + grip.width / 2 - (drag * step) / 5, grip.y + grip.height / 2)
      }
      await page.mouse.up()
      out = frames - Math.round((drag * frames) / clip.width)
      await expect.poll(() => handle.getAttribute('aria-valuenow')).toBe(String(out))
      expect(await meta.textContent()).toBe(
        metaBefore?.replace('5 s', `${(out / CLIP_FPS).toFixed(1)} s`),
      )
      expect(await tile('shot1').getByTestId('timeline-frames').textContent()).toBe(
        `${out}/${frames} f`,
      )
      const grown = await handle.boundingBox()
      expect(Math.abs((grown?.x ?? 0) - (grip.x - drag))).toBeLessThan(2)
      const saved = nodeOf(await savedDoc(page, url), 'sequence')?.params.edits as unknown[]
      expect(saved[0]).toEqual({ out })
      // One drag is one undo step; the arrow keys move it a frame.
      await page.keyboard.press('Control+z')
      await expect.poll(() => handle.getAttribute('aria-valuenow')).toBe(String(frames))
      await page.keyboard.press('Control+Shift+z')
      await expect.poll(() => handle.getAttribute('aria-valuenow')).toBe(String(out))
      await handle.focus()
      await page.keyboard.press('ArrowLeft')
      await expect.poll(() => handle.getAttribute('aria-valuenow')).toBe(String(out - 1))
      await page.keyboard.press('ArrowRight')
      await expect.poll(() => handle.getAttribute('aria-valuenow')).toBe(String(out))
    },
    SLOW,
  )

  it(
    'crossfades into shot 2, runs again (shot 3 only is paid for), plays the trimmed sequence',
    async () => {
      const { url, server } = app()
      await seams().nth(0).click()
      const popover = page.locator('#seam-popover-0')
      await popover.getByTestId('transition-crossfade').check()
      await popover.getByTestId('crossfade-frames').fill('6')
      await page.keyboard.press('Escape')
      await expect.poll(() => seams().nth(0).textContent()).toContain('Fade 6 f')
      const saved = nodeOf(await savedDoc(page, url), 'sequence')?.params.edits as unknown[]
      expect(saved[0]).toEqual({ out, transition: 'crossfade', crossfadeFrames: 6 })

      // Run again: the new pick re-runs shot 3 only (one paid submit), and the sequence plays.
      const run = runDriver(page)
      const submits = server.emulator.stats().submits[KLING] ?? 0
      await page.getByTestId('run').click()
      await expect.poll(() => page.getByTestId('run-history-item').count()).toBe(2)
      await expect.poll(run.runStatus, { timeout: 90_000 }).toMatch(/^Last run succeeded/)
      expect((server.emulator.stats().submits[KLING] ?? 0) - submits).toBe(1)
      const second = await sequenceVideo(page, first.src)
      // Shorter by the frames trimmed and the crossfade's overlap; a repeated frame is dropped
      // only at a chained cut left whole (the trimmed, faded one no longer is).
      const drops = await page.getByTestId('seam-repeat-dropped').count()
      const shorterBy = frames - out + 6 - (firstDrops - drops)
      expect(
        Math.abs(second.durationSec - (first.durationSec - shorterBy / CLIP_FPS)),
      ).toBeLessThan(1 / CLIP_FPS)
      const player = page.getByTestId('sequence-player')
      await player.evaluate((video: HTMLVideoElement) => {
        video.muted = true
        return video.play()
      })
      await expect
        .poll(() => player.evaluate((video: HTMLVideoElement) => video.currentTime))
        .toBeGreaterThan(0.2)
      await screenshot(page, 'timeline-craft-done')
    },
    SLOW,
  )
})
