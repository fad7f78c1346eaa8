import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeTempHome } from '../testing/temp-home.ts'
import { createMediaFolder } from './media-folder.ts'

describe('a media folder shared by machines', () => {
  it('sweeps its own machine’s dead temp files by pid, and other machines’ only by age', () => {
    const root = join(makeTempHome(), 'media')
    const here = createMediaFolder(root, { shared: true, host: 'render-1' })
    mkdirSync(join(root, 'tmp', 'render-2'), { recursive: true })
    // A pid that runs on no machine here: on render-2 it may be a live render.
    const deadHere = join(root, 'tmp', 'render-1', '999999999-a.mp4')
    const elsewhere = join(root, 'tmp', 'render-2', '999999999-b.mp4')
    const stale = join(root, 'tmp', 'render-2', '999999999-c.mp4')
    for (const path of [deadHere, elsewhere, stale]) writeFileSync(path, 'x')
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000)
    utimesSync(stale, twoDaysAgo, twoDaysAgo)
    expect(here.tempPath('.mp4').startsWith(join(root, 'tmp', 'render-1'))).toBe(true)
    expect(here.sweepTemp()).toBe(2)
    expect([deadHere, elsewhere, stale].map((p) => existsSync(p))).toEqual([false, true, false])
  })
})
