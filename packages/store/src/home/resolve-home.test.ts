import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeTempHome } from '../testing/temp-home.ts'
import { resolveHome } from './resolve-home.ts'

describe('resolveHome', () => {
  it('uses SHOTCHAIN_HOME when set, creating it', () => {
    const wanted = join(makeTempHome(), 'state', 'here')
    expect(resolveHome({ SHOTCHAIN_HOME: wanted }, '/nowhere')).toBe(wanted)
    expect(existsSync(wanted)).toBe(true)
  })

  it('falls back to .shotchain in the home directory when SHOTCHAIN_HOME is unset or empty', () => {
    const user = makeTempHome()
    expect(resolveHome({}, user)).toBe(join(user, '.shotchain'))
    expect(resolveHome({ SHOTCHAIN_HOME: '' }, user)).toBe(join(user, '.shotchain'))
    expect(existsSync(join(user, '.shotchain'))).toBe(true)
  })
})
