import { existsSync, readdirSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'

/** The variable that names a Chromium to use, ahead of every other place. */
export const CHROMIUM_ENV = 'SHOTCHAIN_CHROMIUM'

/**
 * The flags the tests and benchmarks start Chromium with: headless, and none of its own network
 * traffic (a closed network refuses it, many connections at a time).
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/** What findChromium looks at; tests pass their own. */
export interface ChromiumSearch {
  readonly env: NodeJS.ProcessEnv
  readonly platform: NodeJS.Platform
  readonly home: string
  readonly exists: (path: string) => boolean
  /** The entries of a folder, or [] when it cannot be read. */
  readonly list: (dir: string) => string[]
}

const DISTRIBUTION_PATHS: Partial<Record<NodeJS.Platform, readonly string[]>> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
  ],
  darwin: [
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  ],
}

/** Inside one of Playwright's `chromium-<revision>` folders, where the executable is. */
const PLAYWRIGHT_EXECUTABLES: Partial<Record<NodeJS.Platform, readonly string[]>> = {
  linux: ['chrome-linux64/chrome', 'chrome-linux/chrome'],
  darwin: [
    'chrome-mac-arm64/Chromium.app/Contents/MacOS/Chromium',
    'chrome-mac/Chromium.app/Contents/MacOS/Chromium',
  ],
  win32: ['chrome-win64\\chrome.exe', 'chrome-win\\chrome.exe'],
}

function playwrightCache(search: ChromiumSearch): string {
  const named = search.env.PLAYWRIGHT_BROWSERS_PATH
  if (named && named !== '0') return named
  if (search.platform === 'darwin') return join(search.home, 'Library', 'Caches', 'ms-playwright')
  if (search.platform === 'win32')
    return join(search.env.LOCALAPPDATA ?? join(search.home, 'AppData', 'Local'), 'ms-playwright')
  return join(search.home, '.cache', 'ms-playwright')
}

/** Playwright's downloaded Chromiums, newest revision first. */
function playwrightCandidates(search: ChromiumSearch): string[] {
  const cache = playwrightCache(search)
  const revision = (name: string) => Number(name.slice('chromium-'.length))
  const folders = search
    .list(cache)
    .filter((name) => /^chromium-\d+$/.test(name))
    .sort((a, b) => revision(b) - revision(a))
  const inside = PLAYWRIGHT_EXECUTABLES[search.platform] ?? []
  return folders.flatMap((folder) => inside.map((path) => join(cache, folder, path)))
}

/** Every place findChromium looks, in order. */
export function chromiumCandidates(search: ChromiumSearch): string[] {
  const named = [search.env[CHROMIUM_ENV], search.env.CHROME_PATH].filter((path): path is string =>
    Boolean(path),
  )
  return [...named, ...(DISTRIBUTION_PATHS[search.platform] ?? []), ...playwrightCandidates(search)]
}

/** This machine, as findChromium sees it. */
export function machineSearch(env: NodeJS.ProcessEnv = process.env): ChromiumSearch {
  return {
    env,
    platform: process.platform,
    home: homedir(),
    exists: existsSync,
    list: (dir) => {
      try {
        return readdirSync(dir)
      } catch {
        return []
      }
    },
  }
}

/**
 * The Chromium the browser tests and benchmarks drive: `$SHOTCHAIN_CHROMIUM`, then `$CHROME_PATH`,
 * then the distribution's paths, then Playwright's download cache. Never downloads one.
 * @returns its path, or undefined when there is none.
 * @throws when `$SHOTCHAIN_CHROMIUM` names a file that does not exist (a typo should not fall
 *   through to another browser).
 */
export function findChromium(search: ChromiumSearch = machineSearch()): string | undefined {
  const named = search.env[CHROMIUM_ENV]
  if (named && !search.exists(named))
    throw new Error(`${CHROMIUM_ENV} is ${named}, and there is no file there`)
  return chromiumCandidates(search).find((path) => search.exists(path))
}

/** The one line that says what to install when no Chromium is found. */
export const NO_CHROMIUM_MESSAGE =
  'no Chromium found for the browser tests: install it (Debian/Ubuntu: `sudo apt-get install chromium`; ' +
  `macOS: \`brew install --cask chromium\`) or set ${CHROMIUM_ENV} to a Chromium or Chrome executable`

/**
 * findChromium, for a test or benchmark about to launch: throws NO_CHROMIUM_MESSAGE when none.
 */
export function requireChromium(search: ChromiumSearch = machineSearch()): string {
  const path = findChromium(search)
  if (path === undefined) throw new Error(NO_CHROMIUM_MESSAGE)
  return path
}
