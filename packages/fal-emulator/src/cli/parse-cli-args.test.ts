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

  it('reads the access and cancel options', () => {
    expect(
      parseCliArgs([
        '--api-key',
        's3cret',
        '--no-auth',
        '--allow-host',
        'fal.test',
        '--allow-origin',
        'https://app.test',
        '--immediate-cancel',
      ]),
    ).toEqual({
      port: 8787,
      apiKey: 's3cret',
      requireAuth: false,
      allowedHosts: ['fal.test'],
      allowedOrigins: ['loopback', 'https://app.test'],
      immediateCancel: true,
    })
  })

  it('rejects unknown options and non-numbers with a readable message', () => {
    expect(() => parseCliArgs(['--nope'])).toThrow(/nope/)
    expect(() => parseCliArgs(['--port', 'abc'])).toThrow('--port expects a number, got "abc"')
  })

  it('asks for help', () => {
    expect(parseCliArgs(['--help'])).toBe('help')
  })
})
