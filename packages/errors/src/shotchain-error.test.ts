import { describe, expect, it } from 'vitest'
import { ERROR_CODES, isErrorCode } from './error-codes.ts'
import { ShotchainError, toErrorInfo } from './shotchain-error.ts'

describe('toErrorInfo', () => {
  it('keeps the code, node and field of an error from any package', () => {
    const error = new ShotchainError(ERROR_CODES.validation, 'duration must be 3 to 10', {
      nodeId: 'shot1',
      field: 'duration',
    })
    expect(toErrorInfo(error)).toEqual({
      code: 'validation',
      message: 'duration must be 3 to 10',
      nodeId: 'shot1',
      field: 'duration',
    })
    // A plain object with a catalogue code, as an error that crossed a process boundary.
    expect(toErrorInfo({ code: 'rate-limited', message: 'slow down' }, 'shot2')).toEqual({
      code: 'rate-limited',
      message: 'slow down',
      nodeId: 'shot2',
    })
  })

  it('reads an error without a catalogue code as internal', () => {
    expect(toErrorInfo(new TypeError('x is undefined'))).toEqual({
      code: 'internal',
      message: 'x is undefined',
    })
    expect(toErrorInfo({ code: 'ENOENT', message: 'no such file' }).code).toBe('internal')
    expect(toErrorInfo('boom', 'n1')).toEqual({ code: 'internal', message: 'boom', nodeId: 'n1' })
  })
})

describe('ShotchainError', () => {
  it('is neither retryable nor an ended request unless told, and keeps its cause', () => {
    const cause = new Error('socket hang up')
    const error = new ShotchainError(ERROR_CODES.network, 'fal could not be reached', { cause })
    expect([error.retryable, error.requestEnded, error.cause]).toEqual([false, false, cause])
    const ended = new ShotchainError(ERROR_CODES.cancelled, 'cancelled at fal', {
      retryable: true,
      requestEnded: true,
    })
    expect([ended.retryable, ended.requestEnded]).toEqual([true, true])
  })
})

describe('isErrorCode', () => {
  it('knows every catalogue code and nothing else', () => {
    for (const code of Object.values(ERROR_CODES)) expect(isErrorCode(code)).toBe(true)
    expect([isErrorCode('ENOENT'), isErrorCode(404), isErrorCode(undefined)]).toEqual([
      false,
      false,
      false,
    ])
  })
})
