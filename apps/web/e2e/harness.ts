import { rmSync } from 'node:fs'
import { mkdir, mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { CHROMIUM_ARGS, requireChromium } from '@shotchain/test-machine'
import { type Browser, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject } from 'vitest'
import { startTestServer, type TestServer } from '../src/testing/test-server.ts'
import { buildWebApp, packsNamed } from './build-app.ts'
import { canvasDriver } from './canvas-driver.ts'

const APP = resolve(import.meta.dirname, '..')

/** Where screenshots go (ignored by git and the linter). */
export const TEST_OUTPUT = join(APP, 'test-output')

/** The built app served by a real server, and a browser page on it. */
export interface AppHarness {
  /** The server's origin, e.g. `http://127.0.0.1:41234`; the app is at `/`. */
  readonly url: string
  readonly page: Page
  readonly browser: Browser
  readonly server: TestServer
  /** Closes the browser, then the server (its state folder is removed). */
  close(): Promise<void>
}

let built: Promise<string> | undefined

/**
 * Resolves with a folder holding the built app: the run's shared build (global-setup.ts) when it
 * bundles the same packs (`SHOTCHAIN_PACKS`) as this file asks for; otherwise a build of this
 * test process's own, made once into a temp folder (removed on exit).
 */
export function buildApp(): Promise<string> {
  const shared = inject('webDist')
  if (shared !== undefined && shared.packs === packsNamed()) return Promise.resolve(shared.dir)
  built ??= (async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'shotchain-web-dist-'))
    process.once('exit', () => rmSync(outDir, { recursive: true, force: true }))
    await buildWebApp(outDir)
    return outDir
  })()
  return built
}

/**
 * Builds the app (once), starts a server on a fresh state folder serving it (with the starter
 * workflow seeded and a fast fal emulator), and opens a Chromium page. The page is not
 * navigated yet: `await app.page.goto(app.url)`.
 * @example
 * const app = await startApp()
 * try { await app.page.goto(app.url) } finally { await app.close() }
 */
export async function startApp(): Promise<AppHarness> {
  const webDist = await buildApp()
  const server = await startTestServer({ webDist })
  let browser: Browser
  try {
    browser = await chromium.launch({
      executablePath: requireChromium(),
      args: [...CHROMIUM_ARGS],
    })
  } catch (error) {
    await server.close()
    throw error
  }
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  return {
    url: server.url,
    page,
    browser,
    server,
    async close() {
      await browser.close()
      await server.close()
    },
  }
}

/** How long starting (a build, a server, a browser) and closing may take. */
const START_TIMEOUT = 180_000

/**
 * Starts the app (`startApp`) before the tests of the enclosing `describe` and closes it after
 * them. Returns a getter, for use inside tests: the app exists only once they start.
 * @throws Error from the getter when called before the app is up (outside a test).
 * @example
 * describe('the app', () => {
 *   const app = useApp()
 *   it('opens', async () => {
 *     const { page, url } = app()
 *     await page.goto(url)
 *   })
 * })
 */
export function useApp(): () => AppHarness {
  let app: AppHarness | undefined
  beforeAll(async () => {
    app = await startApp()
  }, START_TIMEOUT)
  afterAll(() => app?.close(), START_TIMEOUT)
  return () => {
    if (app === undefined)
      throw new Error('useApp: the app is not up yet; call the getter in a test')
    return app
  }
}

/** Saves a full-page screenshot as test-output/<name>.png, for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(TEST_OUTPUT, { recursive: true })
  await page.screenshot({ path: join(TEST_OUTPUT, `${name}.png`), fullPage: true })
}

/** The workflow a fresh server seeds (examples/three-shot-chain.json, nine nodes). */
export const STARTER = 'three-shot-chain'

/**
 * A page of its own on the starter workflow, once its nine nodes are drawn, so no test sees what
 * another left; `clipboard` lets it read and write the clipboard.
 */
export async function openStarter(app: AppHarness, options: { readonly clipboard?: boolean } = {}) {
  const page = await app.browser.newPage({ viewport: { width: 1400, height: 900 } })
  if (options.clipboard === true) {
    await page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url })
  }
  await page.goto(`${app.url}/#${STARTER}`)
  const canvas = canvasDriver(page)
  await expect.poll(() => canvas.nodes().count(), { timeout: 15_000 }).toBe(9)
  return { page, canvas, url: app.url }
}
