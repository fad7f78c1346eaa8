import { describe, expect, it } from 'vitest'
import { createPathHider } from './hide-paths.ts'

describe('createPathHider', () => {
  const hide = createPathHider('/home/ann/.shotchain', '/home/ann')

  it('names the state folder and the home folder instead of their absolute paths', () => {
    expect(hide.text('the file /home/ann/.shotchain/media/ab/cd.png does not exist')).toBe(
      'the file $SHOTCHAIN_HOME/media/ab/cd.png does not exist',
    )
    expect(hide.text('cannot read /home/ann/films/a.png')).toBe('cannot read ~/films/a.png')
    expect(hide.home).toBe('~/.shotchain')
  })

  it('leaves longer names that only start like a root alone', () => {
    expect(hide.text('/home/ann/.shotchain2/x and /home/anna/y')).toBe(
      '~/.shotchain2/x and /home/anna/y',
    )
  })

  it('rewrites every string of a JSON value, and hands back the same value when none changed', () => {
    const event = { type: 'node-failed', error: { message: 'bad /home/ann/.shotchain/tmp/x' } }
    expect(hide.json(event)).toEqual({
      type: 'node-failed',
      error: { message: 'bad $SHOTCHAIN_HOME/tmp/x' },
    })
    const clean = { message: 'nothing here' }
    expect(hide.json(clean)).toBe(clean)
  })

  it('shows a state folder outside the home folder by its name only', () => {
    expect(createPathHider('/var/lib/shotchain-state', '/home/ann').home).toBe('shotchain-state')
  })
})
