import { describe, expect, it } from 'vitest'
import { allowedHosts, isLoopback } from '../http/guard-origin.ts'
import { DEFAULT_PORT, parseServerArgs } from './parse-server-args.ts'

describe('parseServerArgs', () => {
  it('binds loopback on the default port unless told otherwise', () => {
    expect(parseServerArgs([])).toEqual({
      ok: true,
      args: { port: DEFAULT_PORT, host: '127.0.0.1' },
    })
    expect(parseServerArgs(['--port', '0', '--host=0.0.0.0'])).toEqual({
      ok: true,
      args: { port: 0, host: '0.0.0.0' },
    })
  })

  it.each([
    [['--port', 'eighty'], /--port: "eighty" is not a port/],
    [['--port'], /--port needs a value/],
    [['--verbose'], /unknown option "--verbose"/],
  ])('refuses %o with a message', (argv, message) => {
    const parsed = parseServerArgs(argv)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.message).toMatch(message)
  })
})

describe('the hosts a server answers to', () => {
  it('are the loopback names, plus a non-wildcard --host', () => {
    expect(allowedHosts('127.0.0.1', 80)).toEqual(['127.0.0.1:80', 'localhost:80', '[::1]:80'])
    expect(allowedHosts('0.0.0.0', 80)).toHaveLength(3)
    expect(allowedHosts('studio.lan', 80)).toContain('studio.lan:80')
    expect(isLoopback('127.0.0.1')).toBe(true)
    expect(isLoopback('192.168.1.5')).toBe(false)
  })
})
