import { describe, expect, it } from 'vitest'
import { planIssues } from '../testing/plan-issues.ts'
import { node, workflow } from '../testing/workflows.ts'

// Both file sources share one param schema (file-source.ts): each says it in its own words.
describe.each([
  { type: 'image-source', file: 'a.png', word: 'image', needs: 'needs an image' },
  { type: 'audio-source', file: 'a.mp3', word: 'audio', needs: 'needs a sound' },
])('$type params', ({ type, file, word, needs }) => {
  const source = (params: Record<string, unknown>) => workflow([node('src', type, params)], [])

  it.each([
    [{}, 'nodes[0].params.path', `${needs}: drop an ${word} file on the node, browse for one`],
    [{ path: file, url: `https://x.test/${file}` }, 'nodes[0].params.url', 'not both'],
    [{ url: `ftp://x.test/${file}` }, 'nodes[0].params.url', 'http:// or https://'],
    [{ url: 'https://' }, 'nodes[0].params.url', `address of an ${word} file`],
    [{ path: '' }, 'nodes[0].params.path', `give the path of an ${word} file`],
  ])('refuses %o with an issue at %s', async (params, path, words) => {
    expect(await planIssues(source(params))).toEqual([
      expect.objectContaining({
        code: 'invalid-param',
        path,
        message: expect.stringContaining(words),
      }),
    ])
  })

  it('refuses a file it cannot read before the run, naming "path"', async () => {
    expect(await planIssues(source({ path: `missing-${file}` }))).toEqual([
      expect.objectContaining({
        nodeId: 'src',
        path: 'nodes[0].params.path',
        message: expect.stringContaining(`the ${word} file "missing-${file}" cannot be read`),
      }),
    ])
  })
})
