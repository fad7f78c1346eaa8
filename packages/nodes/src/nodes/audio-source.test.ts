import { describe, expect, it } from 'vitest'
import { builtInNodes } from '../built-in-nodes.ts'
import { fakeImage } from '../testing/fake-services.ts'
import { createTestStores, runWorkflow } from '../testing/run-workflow.ts'
import { node, workflow } from '../testing/workflows.ts'

// No built-in node takes audio yet: the source stands alone, and runs as a leaf.
const source = (params: Record<string, unknown>) =>
  workflow([node('snd', 'audio-source', params)], [])

describe('audio-source', () => {
  it('is a built-in source of audio files with one audio output', () => {
    const spec = builtInNodes.find((s) => s.type === 'audio-source')
    expect(spec?.outputs).toEqual({ audio: { type: 'audio', label: 'Audio' } })
    expect(spec?.role).toEqual({
      kind: 'source',
      file: { param: 'path', accepts: ['audio/*'], nameParam: 'name' },
    })
  })

  it('imports a local sound, keeping the name only for people', async () => {
    const stores = createTestStores()
    stores.services.files.set('stored/ab12.mp3', { content: 'tune', contentType: 'audio/mpeg' })
    const doc = source({ path: 'stored/ab12.mp3', name: 'theme.mp3' })
    const { result } = await runWorkflow(doc, stores)
    expect(result.errors).toEqual([])
    expect(result.outputs.get('snd')).toEqual({
      audio: expect.objectContaining({ kind: 'audio', contentType: 'audio/mpeg', durationSec: 5 }),
    })
    expect(stores.services.calls.importFile).toEqual(['stored/ab12.mp3'])
    expect(stores.services.calls.hashFile).toEqual(['stored/ab12.mp3'])
  })

  it('refuses an image given as its file, naming "path" and what the file is', async () => {
    const stores = createTestStores()
    stores.services.files.set('still.png', { content: 'still', contentType: 'image/png' })
    const { result } = await runWorkflow(source({ path: 'still.png' }), stores)
    expect(result.errors).toEqual([
      expect.objectContaining({ code: 'validation', nodeId: 'snd', field: 'path' }),
    ])
    expect(result.errors[0]?.message).toBe(
      'the audio file "still.png" is a PNG image, not audio; use an MP3, WAV or M4A file',
    )
  })

  it('refuses a url that serves an image, naming "url"', async () => {
    const stores = createTestStores()
    stores.services.urls.set('https://x.test/a.mp3', fakeImage('remote'))
    const { result } = await runWorkflow(source({ url: 'https://x.test/a.mp3' }), stores)
    expect(result.errors).toEqual([
      expect.objectContaining({ code: 'validation', nodeId: 'snd', field: 'url' }),
    ])
    expect(stores.services.calls.hashFile).toEqual([])
  })
})
