import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStore } from '../store.ts'
import { runScript } from '../testing/run-script.ts'
import { makeTempHome } from '../testing/temp-home.ts'
import { sweepTempFolder, TEMP_MAX_AGE_MS, tempFileOwner } from './sweep-temp.ts'

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''])
  await new Promise((ok) => child.once('exit', ok))
  return child.pid as number
}

function tmpOf(home: string): string {
  const tmp = join(home, 'media', 'tmp')
  mkdirSync(tmp, { recursive: true })
  return tmp
}

describe('sweepTempFolder', () => {
  it("removes files of dead processes and day-old files, and keeps live processes' files", async () => {
    const tmp = tmpOf(makeTempHome())
    const dead = await deadPid()
    const day = Date.now() - TEMP_MAX_AGE_MS - 60_000
    const files = {
      dead: `${dead}-a.mp4`,
      deadPartial: `.${dead}-b.mp4.1234abcd.partial`,
      mine: `${process.pid}-c.png`,
      mineOld: `${process.pid}-d.png`,
      unowned: 'legacy-e.png',
      unownedOld: 'legacy-f.png',
    }
    for (const name of Object.values(files)) writeFileSync(join(tmp, name), 'x')
    utimesSync(join(tmp, files.mineOld), day / 1000, day / 1000)
    utimesSync(join(tmp, files.unownedOld), day / 1000, day / 1000)

    expect(sweepTempFolder(tmp)).toBe(4)
    expect(readdirSync(tmp).sort()).toEqual([files.mine, files.unowned].sort())
  })

  it('asks whether the owner lives, so a file of another live process sharing the home stays', () => {
    const tmp = tmpOf(makeTempHome())
    writeFileSync(join(tmp, '4242-a.mp4'), 'x')
    expect(sweepTempFolder(tmp, { isAlive: (pid) => pid === 4242 })).toBe(0)
    expect(sweepTempFolder(tmp, { isAlive: () => false })).toBe(1)
  })

  it('reads the owner from a temp name and its partial', () => {
    expect(tempFileOwner('123-5f0c.mp4')).toBe(123)
    expect(tempFileOwner('.123-5f0c.mp4.ab12.partial')).toBe(123)
    expect(tempFileOwner('5f0c-123.mp4')).toBeUndefined()
  })
})

describe('openStore', () => {
  it('sweeps the temp file a SIGKILLed process was writing', async () => {
    const home = makeTempHome()
    const crashed = await runScript('crash-writing-temp.ts', [home])
    expect(crashed.signal).toBe('SIGKILL')
    const tmp = join(home, 'media', 'tmp')
    expect(readdirSync(tmp)).toHaveLength(1)
    const store = openStore(home)
    try {
      expect(readdirSync(tmp)).toEqual([])
      expect(existsSync(tmp)).toBe(true)
    } finally {
      store.close()
    }
  })
})
