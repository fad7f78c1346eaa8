import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { liveTerminal, type TerminalStream } from './cli-io.ts'

const tty = Object.assign(new PassThrough(), { isTTY: true, columns: 80 }) as TerminalStream
const pipe = new PassThrough() as TerminalStream

describe('liveTerminal', () => {
  it('is stdout when a person watches a terminal', () => {
    expect(liveTerminal(tty, { TERM: 'xterm-256color' })).toBe(tty)
    expect(liveTerminal(tty, { CI: 'false' })).toBe(tty)
  })

  it('is nothing when stdout is piped, in CI, or on a dumb terminal: plain lines then', () => {
    expect(liveTerminal(pipe, {})).toBeUndefined()
    expect(liveTerminal(tty, { CI: 'true' })).toBeUndefined()
    expect(liveTerminal(tty, { CI: '1' })).toBeUndefined()
    expect(liveTerminal(tty, { TERM: 'dumb' })).toBeUndefined()
  })
})
