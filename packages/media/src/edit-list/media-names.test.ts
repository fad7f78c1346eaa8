import { describe, expect, it } from 'vitest'
import { mediaFileName, mediaUrl } from './media-names.ts'

describe('media names', () => {
  it('names the file an editor relinks, from a path or a URL', () => {
    expect(mediaFileName('/runs/r1/shot 1.mp4')).toBe('shot 1.mp4')
    expect(mediaFileName('clips/shot4.mp4')).toBe('shot4.mp4')
    expect(mediaFileName('C:\\runs\\shot2.mp4')).toBe('shot2.mp4')
    expect(mediaFileName('https://cdn.example/v/shot3.mp4?sig=1#t=2')).toBe('shot3.mp4')
    expect(mediaFileName('shot5.mp4')).toBe('shot5.mp4')
  })

  it('writes an absolute path as a file URL, and leaves URLs and relative paths as they are', () => {
    expect(mediaUrl('/runs/r1/shot 1#2.mp4')).toBe('file:///runs/r1/shot%201%232.mp4')
    expect(mediaUrl('C:\\runs\\shot 2.mp4')).toBe('file:///C:/runs/shot%202.mp4')
    expect(mediaUrl('https://cdn.example/shot3.mp4?sig=1')).toBe(
      'https://cdn.example/shot3.mp4?sig=1',
    )
    expect(mediaUrl('file:///runs/a.mp4')).toBe('file:///runs/a.mp4')
    expect(mediaUrl('clips/shot4.mp4')).toBe('clips/shot4.mp4')
  })
})
