import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runBeside } from './run-beside.ts'

const node = process.execPath

/** A script that writes its own mark, then ends only once the other job's mark exists. */
function handshake(dir: string, mine: string, theirs: string, code: number): string[] {
  const script = `const fs = require('node:fs'); fs.writeFileSync(${JSON.stringify(join(dir, mine))}, '')
const wait = setInterval(() => { if (fs.existsSync(${JSON.stringify(join(dir, theirs))})) {
  clearInterval(wait); console.log('${mine} saw ${theirs}\\nend'); console.error('${mine} err'); process.exit(${code}) } }, 20)`
  return ['-e', script]
}

describe('runBeside', () => {
  it('runs jobs at the same time, prefixes their lines and reports each exit code', async () => {
    // Each job waits for the other's mark: run one after the other, they would never end.
    const dir = mkdtempSync(join(tmpdir(), 'run-beside-'))
    const lines: string[] = []
    const results = await runBeside(
      [
        { label: 'one', command: node, args: handshake(dir, 'a', 'b', 0) },
        { label: 'two', command: node, args: handshake(dir, 'b', 'a', 3) },
      ],
      (line) => lines.push(line),
    )
    expect(results.map((r) => [r.label, r.code])).toEqual([
      ['one', 0],
      ['two', 3],
    ])
    expect(lines).toEqual(
      expect.arrayContaining(['[one] a saw b', '[one] end', '[two] b saw a', '[two] b err']),
    )
  })

  it('reports a command that cannot start instead of throwing', async () => {
    const lines: string[] = []
    const [result] = await runBeside(
      [{ label: 'x', command: '/no/such/command', args: [] }],
      (line) => lines.push(line),
    )
    expect(result?.code).toBe(127)
    expect(lines[0]).toMatch(/^\[x\] could not start \/no\/such\/command/)
  })
})
