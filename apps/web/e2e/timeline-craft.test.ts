import { resolve } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { seriousViolations } from './axe-driver.ts'
import { canvasDriver } from './canvas-driver.ts'
import { screenshot, useApp } from './harness.ts'
import { SEAM_FIGURES } from './packs/seam-test/src/index.ts'
import { KLING, runDriver } from './run-driver.ts'

// The seam-test pack (a TEST sequence reporting fixed seam figures), named before the app builds.
process.env.SHOTCHAIN_PACKS = resolve(import.meta.dirname, 'packs/seam-test')

const SLOW = 240_000

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

describe('the timeline, where a sequence is judged and cut', () => {
  const app = useApp()
  let page: Page
  let context: BrowserContext
  const tile = (nodeId: string) =>
    page.locator(`[data-testid="timeline-shot"][data-node-id="${nodeId}"]`)
  const seams = () => page.getByTestId('timeline-seam')
  /** Shot 1's out point once trimmed. */
  let out = 0
  afterAll(() => context?.close())

  it(
    'runs the starter on the test sequence with two takes of shot 2, and picks take 2 on its tile',
    async () => {
      const { browser, url } = app()
      // A context of its own: axe opens a second page in it.
      context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
      page = await context.newPage()
      const run = runDriver(page)
      // The starter (its image stored on the server) on the test sequence, shot 2 made twice.
      const starter = (await (await fetch(`${url}/api/workflows/three-shot-chain`)).json()) as {
        doc: SavedDoc
      }
      const doc = structuredClone(starter.doc)
      doc.name = 'Timeline craft'
      Object.assign(nodeOf(doc, 'sequence') ?? {}, { type: 'seam-test-sequence' })
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
      await page.getByTestId('run').click()
      await expect.poll(run.runStatus, { timeout: 90_000 }).toMatch(/^Last run succeeded/)
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
    'shows each seam’s figures, the flagged one in words, and both stills side by side',
    async () => {
      expect(await seams().count()).toBe(2)
      const [good, flagged] = SEAM_FIGURES
      expect(await seams().nth(0).getByTestId('seam-ssim').textContent()).toBe(
        `SSIM ${good.ssim.toFixed(2)}`,
      )
      expect(await seams().nth(0).getByTestId('seam-delta-e').textContent()).toBe(
        `ΔE ${good.deltaE.toFixed(1)}`,
      )
      expect(await seams().nth(0).getByTestId('seam-repeat-dropped').count()).toBe(1)
      expect(await seams().nth(0).getByTestId('seam-flagged').count()).toBe(0)
      expect(await seams().nth(1).getByTestId('seam-flagged').textContent()).toContain('Check')
      expect(await seams().nth(1).textContent()).toContain('flagged, worth a look')
      expect(await seams().nth(1).getByTestId('seam-ssim').textContent()).toBe(
        `SSIM ${flagged.ssim.toFixed(2)}`,
      )

      // The flagged seam up close: the two stills side by side, loaded.
      await seams().nth(1).click()
      const popover = page.locator('#seam-popover-1')
      await expect.poll(() => popover.isVisible()).toBe(true)
      const outgoing = popover.getByTestId('seam-still-out')
      const incoming = popover.getByTestId('seam-still-in')
      for (const still of [outgoing, incoming]) {
        await expect
          .poll(() => still.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
          .toBeGreaterThan(0)
      }
      const [a, b] = [await outgoing.boundingBox(), await incoming.boundingBox()]
      expect(a && b && a.x + a.width <= b.x && Math.abs(a.y - b.y) < 2).toBe(true)
      expect(await popover.getByTestId('seam-figures').textContent()).toContain(
        flagged.deltaE.toFixed(2),
      )
      expect(await popover.getByTestId('seam-drift').textContent()).toMatch(/^shot3 against/)
      await screenshot(page, 'timeline-craft-seam')
      expect(await seriousViolations(page, '[data-testid="timeline"]')).toEqual([])
      await page.keyboard.press('Escape')
      await expect.poll(() => popover.isVisible()).toBe(false)
    },
    SLOW,
  )

  it(
    'trims a clip by dragging its handle (one undo step), and by the arrow keys',
    async () => {
      const { url } = app()
      const handle = tile('shot1').getByTestId('trim-out')
      const meta = tile('shot1').getByTestId('timeline-meta')
      const metaBefore = await meta.textContent()
      const frames = Number(await handle.getAttribute('aria-valuenow'))
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
      const fps = frames / 5
      expect(await meta.textContent()).toBe(
        metaBefore?.replace('5 s', `${(out / fps).toFixed(1)} s`),
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
    'crossfades into shot 2, runs again (shot 3 only is paid for) and plays the sequence',
    async () => {
      const { url, server } = app()
      await seams().nth(0).click()
      const first = page.locator('#seam-popover-0')
      await first.getByTestId('transition-crossfade').check()
      await first.getByTestId('crossfade-frames').fill('6')
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
