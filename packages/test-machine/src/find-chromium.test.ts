import { describe, expect, it } from 'vitest'
import { type ChromiumSearch, findChromium, requireChromium } from './find-chromium.ts'

function search(files: string[], over: Partial<ChromiumSearch> = {}): ChromiumSearch {
  const present = new Set(files)
  return {
    env: {},
    platform: 'linux',
    home: '/home/u',
    exists: (path) => present.has(path),
    list: (dir) =>
      [...present]
        .filter((path) => path.startsWith(`${dir}/`))
        .map((path) => path.slice(dir.length + 1).split('/')[0] ?? ''),
    ...over,
  }
}

describe('findChromium', () => {
  it('prefers the named variable, then the distribution, then Playwright’s cache', () => {
    const pw = '/home/u/.cache/ms-playwright/chromium-1200/chrome-linux64/chrome'
    expect(findChromium(search([pw]))).toBe(pw)
    expect(findChromium(search([pw, '/usr/bin/chromium']))).toBe('/usr/bin/chromium')
    const env = { SHOTCHAIN_CHROMIUM: '/opt/c/chrome' }
    expect(findChromium(search([pw, '/usr/bin/chromium', '/opt/c/chrome'], { env }))).toBe(
      '/opt/c/chrome',
    )
  })

  it('takes the newest Playwright revision', () => {
    const cache = '/home/u/.cache/ms-playwright'
    const files = [
      `${cache}/chromium-999/chrome-linux/chrome`,
      `${cache}/chromium-1200/chrome-linux64/chrome`,
      `${cache}/ffmpeg-1010/ffmpeg-linux`,
    ]
    expect(findChromium(search(files))).toBe(`${cache}/chromium-1200/chrome-linux64/chrome`)
  })

  it('refuses a named Chromium that is not there, rather than falling through', () => {
    const env = { SHOTCHAIN_CHROMIUM: '/opt/typo' }
    expect(() => findChromium(search(['/usr/bin/chromium'], { env }))).toThrow(/\/opt\/typo/)
  })

  it('says what to install when there is none', () => {
    expect(findChromium(search([]))).toBeUndefined()
    expect(() => requireChromium(search([]))).toThrow(/apt-get install chromium/)
  })
})
