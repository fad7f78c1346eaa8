import { describe, expect, it } from 'vitest'
import { parseCliArgs } from './parse-cli-args.ts'

describe('parseCliArgs', () => {
  it('defaults to port 8787 and reads knobs, skipping a leading --', () => {
    expect(parseCliArgs([])).toEqual({ port: 8787 })
    expect(
      parseCliArgs([
        '--',
        '--port',
        '0',
        '--run-latency',
        '50',
        '--require-auth',
        '--storage-dir',
        '/tmp/x',
      ]),
    ).toEqual({ port: 0, runLatencyMs: 50, requireAuth: true, storageDir: '/tmp/x' })
  })

  it('rejects unknown options and non-numbers with a readable message', () => {
    expect(() => parseCliArgs(['--nope'])).toThrow(/nope/)
    expect(() => parseCliArgs(['--port', 'abc'])).toThrow('--port expects a number, got "abc"')
  })

  it('asks for help', () => {
    expect(parseCliArgs(['--help'])).toBe('help')
  })
})
