import { makePng } from '@shotchain/fal-emulator/testing'
import { preflightKling } from '@shotchain/kling'
import { describe, expect, it } from 'vitest'
import { factsOfBytes } from './check-image.ts'

const good = factsOfBytes(makePng(640, 360))

function fieldsOf(input: Parameters<typeof preflightKling>[0]) {
  return preflightKling(input).map((e) => `${e.field}: ${e.message}`)
}

describe('preflightKling', () => {
  it('accepts what fal accepts', () => {
    expect(
      fieldsOf({ prompt: '@Image1 walks to @Image2', durationSec: 5, start: good, end: good }),
    ).toEqual([])
  })

  it('refuses a 200×200 start image, naming the field and the size', () => {
    const problems = fieldsOf({
      prompt: 'go',
      durationSec: 5,
      start: factsOfBytes(makePng(200, 200)),
    })
    expect(problems).toEqual([expect.stringMatching(/^start_image_url: .*200×200.*300 px/)])
  })

  it('refuses an image too narrow, an oversized file and bytes that are no image', () => {
    expect(
      fieldsOf({
        prompt: 'go',
        durationSec: 5,
        start: good,
        end: factsOfBytes(makePng(1000, 300)),
      }),
    ).toEqual([expect.stringMatching(/^end_image_url: .*aspect ratio/)])
    const huge = { ...good, sizeBytes: 11 * 1024 * 1024 }
    expect(fieldsOf({ prompt: 'go', durationSec: 5, start: huge })).toEqual([
      expect.stringMatching(/10 MB/),
    ])
    const text = factsOfBytes(new TextEncoder().encode('not an image at all'))
    expect(fieldsOf({ prompt: 'go', durationSec: 5, start: text })).toEqual([
      expect.stringMatching(/not an image/),
    ])
  })

  it('refuses empty and over-long prompts, bad durations, and @Image2 without an end frame', () => {
    expect(fieldsOf({ prompt: '  ', durationSec: 5, start: good })).toEqual([
      'prompt: the prompt is empty',
    ])
    expect(fieldsOf({ prompt: 'x'.repeat(2501), durationSec: 5, start: good })[0]).toMatch(
      /2501 characters/,
    )
    expect(fieldsOf({ prompt: 'go', durationSec: 11, start: good })[0]).toMatch(/^duration: /)
    expect(fieldsOf({ prompt: 'go', durationSec: 4.5, start: good })[0]).toMatch(/^duration: /)
    expect(fieldsOf({ prompt: 'end on @Image2', durationSec: 5, start: good })[0]).toMatch(
      /@Image2/,
    )
  })
})
