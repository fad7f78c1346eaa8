import { describe, expect, it } from 'vitest'
import type { CliIo } from '../cli-io.ts'
import { runCli } from '../run-cli.ts'

async function models(...text: string[]) {
  const out: string[] = []
  const err: string[] = []
  const io: CliIo = {
    env: {},
    cwd: '/',
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    terminal: undefined,
    confirm: undefined,
    signal: new AbortController().signal,
  }
  const code = await runCli(['models', ...text], io)
  return { code, out, err }
}

describe('shotchain models', () => {
  it('lists the whole catalog offline: kind, endpoint id, price per unit, title', async () => {
    const { code, out } = await models()
    expect(code).toBe(0)
    expect(out).toHaveLength(9)
    expect(out).toContainEqual(
      expect.stringMatching(
        /^text-to-image +fal-ai\/flux\/schnell +\$0\.003\/MP +FLUX\.1 \[schnell\]$/,
      ),
    )
    expect(out).toContainEqual(
      expect.stringMatching(
        /^image-to-video +fal-ai\/kling-video\/o1\/standard\/image-to-video +\$0\.084\/s /,
      ),
    )
    expect(out).toContainEqual(expect.stringMatching(/veo3\.1.* from \$0\.10\/s /))
    expect(out).toContainEqual(
      expect.stringMatching(
        /^text-to-audio +fal-ai\/stable-audio +price unknown +Stable Audio Open$/,
      ),
    )
  })

  it('finds entries by every word of the text, in any case', async () => {
    const { code, out } = await models('KLING', 'video')
    expect(code).toBe(0)
    expect(out.map((line) => line.split(/ +/)[1])).toEqual([
      'fal-ai/kling-video/o1/standard/image-to-video',
      'fal-ai/kling-video/o1/image-to-video',
      'fal-ai/kling-video/v2.5-turbo/pro/image-to-video',
    ])
    expect((await models('edit')).out).toHaveLength(2)
  })

  it('says so and exits 1 when nothing matches', async () => {
    const { code, out, err } = await models('no-such-model')
    expect(code).toBe(1)
    expect(out).toEqual([])
    expect(err[0]).toMatch(/no model in the catalog matches "no-such-model"/)
  })
})
