import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { canvasDriver } from './canvas-driver.ts'
import { useApp } from './harness.ts'
import { ESTIMATE_WAIT, runDriver } from './run-driver.ts'

// The example title-card pack, named by SHOTCHAIN_PACKS alone before this file builds the app and
// starts the server: the editor offers and draws it, the server runs it.
process.env.SHOTCHAIN_PACKS = resolve(import.meta.dirname, '../../../examples/packs/title-card')

describe('a node pack from outside the app, in Chromium', () => {
  const app = useApp()

  it('is drawn on the canvas and offered in the palette, and a card starts a shot that runs', async () => {
    const { page, url } = app()
    const canvas = canvasDriver(page)
    const run = runDriver(page)
    const doc = {
      format: 'shotchain.workflow',
      version: 1,
      name: 'Opening',
      nodes: [
        { id: 'title', type: 'title-card', position: [0, 0], params: { text: 'Opening' } },
        { id: 'prompt', type: 'prompt', position: [0, 300], params: { text: '@Image1: fade in' } },
        { id: 'shot', type: 'kling-o1-i2v', position: [320, 0], params: { duration: 3 } },
        { id: 'out', type: 'output', position: [640, 0], params: { name: 'opening' } },
      ],
      edges: [
        { id: 'e1', from: { node: 'title', port: 'image' }, to: { node: 'shot', port: 'start' } },
        { id: 'e2', from: { node: 'prompt', port: 'text' }, to: { node: 'shot', port: 'prompt' } },
        { id: 'e3', from: { node: 'shot', port: 'video' }, to: { node: 'out', port: 'video' } },
      ],
    }
    const created = await fetch(`${url}/api/workflows`, {
      method: 'POST',
      headers: { origin: url, 'content-type': 'application/json' },
      body: JSON.stringify(doc),
    })
    expect(created.status).toBe(201)
    const { id } = (await created.json()) as { id: string }
    await page.goto(`${url}/#${id}`)
    await expect.poll(() => canvas.nodes().count(), { timeout: 15_000 }).toBe(4)
    expect(await canvas.node('title').getByTestId('title').textContent()).toMatch(/Title card/)
    await expect.poll(run.estimate, ESTIMATE_WAIT).toBe('1 shot to generate, $0.25')
    await page.getByTestId('run').click()
    await expect.poll(run.runStatus, { timeout: 60_000 }).toMatch(/^Last run succeeded/)
    expect(await run.state('title')).toBe('succeeded')

    await canvas.addFromPalette('title card')
    await expect.poll(() => canvas.node('title-1').count()).toBe(1)
  }, 180_000)
})
