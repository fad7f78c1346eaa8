import { Writable } from 'node:stream'
import xterm from '@xterm/headless'
import type { TerminalStream } from '../cli-io.ts'

/** A TTY for tests: what is written to `stream` lands on a headless xterm's screen. */
export interface FakeTerminal {
  readonly stream: TerminalStream
  /** How many writes reached the terminal. */
  writes(): number
  /** The screen's lines once everything written so far is drawn, without trailing blanks. */
  screen(): Promise<string[]>
}

export function createFakeTerminal(columns = 120, rows = 40): FakeTerminal {
  // A real TTY turns "\n" into "\r\n" (onlcr); convertEol does the same.
  const term = new xterm.Terminal({ cols: columns, rows, convertEol: true, allowProposedApi: true })
  let count = 0
  let drawn = Promise.resolve()
  const stream = Object.assign(
    new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        count++
        const text = chunk.toString()
        drawn = drawn.then(() => new Promise<void>((resolve) => term.write(text, resolve)))
        done()
      },
    }),
    { columns, rows, isTTY: true },
  )
  return {
    stream,
    writes: () => count,
    async screen() {
      await new Promise((resolve) => setImmediate(resolve))
      await drawn
      const buffer = term.buffer.active
      const lines: string[] = []
      for (let i = 0; i < buffer.length; i++)
        lines.push(buffer.getLine(i)?.translateToString(true) ?? '')
      while (lines.at(-1) === '') lines.pop()
      return lines
    },
  }
}
