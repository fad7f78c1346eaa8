import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStore } from '../store.ts'
import { runScript } from '../testing/run-script.ts'
import { makeTempHome } from '../testing/temp-home.ts'
import { lockHome, SERVER_LOCK_FILE } from './home-lock.ts'
import { processStartTime } from './process-owner.ts'

describe('lockHome', () => {
  it('lets one holder in at a time, naming the holder to the second', () => {
    const home = makeTempHome()
    const first = lockHome(home, 'http://127.0.0.1:5757')
    expect(() => lockHome(home, 'another')).toThrow(
      new RegExp(`another Shotchain server \\(pid ${process.pid}, http://127\\.0\\.0\\.1:5757\\)`),
    )
    first.release()
    expect(existsSync(join(home, SERVER_LOCK_FILE))).toBe(false)
    lockHome(home, 'second').release()
  })

  it('says who holds it once that is known', () => {
    const home = makeTempHome()
    const lock = lockHome(home, 'starting')
    lock.describe('http://127.0.0.1:4000')
    expect(() => lockHome(home, 'x')).toThrow(/http:\/\/127\.0\.0\.1:4000/)
    lock.release()
  })

  it('takes over the lock of a SIGKILLed holder', async () => {
    const home = makeTempHome()
    const crashed = await runScript('crash-holding-lock.ts', [home])
    expect(crashed.signal).toBe('SIGKILL')
    expect(existsSync(join(home, SERVER_LOCK_FILE))).toBe(true)
    const lock = lockHome(home, 'after the crash')
    expect(() => lockHome(home, 'x')).toThrow(/after the crash/)
    lock.release()
  })

  it('does not take a live process that reused a dead holder’s pid for the holder', () => {
    if (processStartTime(process.pid) === undefined) return // no /proc: the pid alone decides
    const home = makeTempHome()
    writeFileSync(
      join(home, SERVER_LOCK_FILE),
      JSON.stringify({ pid: process.pid, startTime: '1', what: 'a server long gone' }),
    )
    lockHome(home, 'new').release()
  })

  it('leaves the home open to the CLI while a server holds it', () => {
    const home = makeTempHome()
    const lock = lockHome(home, 'a server')
    const store = openStore(home)
    try {
      expect(store.workflows.list()).toEqual([])
    } finally {
      store.close()
      lock.release()
    }
  })
})
