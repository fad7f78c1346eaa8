import { describe, expect, it } from 'vitest'
import { sortDroppedFiles } from './sort-dropped-files.ts'

const file = (name: string, type = '') => new File(['x'], name, { type })

describe('sortDroppedFiles', () => {
  it('tells workflow files, images and sounds, and the rest apart, in drop order', () => {
    const files = [
      file('a.png', 'image/png'),
      file('chain.json', 'application/json'),
      file('notes.txt', 'text/plain'),
      file('b.JPG'),
      file('export.json'),
      file('c.webp', 'image/webp'),
      file('d.svg', 'image/svg+xml'),
      file('bundle.zip', 'application/zip'),
      file('theme.mp3', 'audio/mpeg'),
      file('take.M4A'),
      file('room.wav', 'audio/x-wav'),
      file('voice.ogg', 'audio/ogg'),
    ]
    const sorted = sortDroppedFiles(files)
    expect(sorted.workflows.map((f) => f.name)).toEqual(['chain.json', 'export.json', 'bundle.zip'])
    expect(sorted.media.map((f) => f.name)).toEqual([
      'a.png',
      'b.JPG',
      'c.webp',
      'theme.mp3',
      'take.M4A',
      'room.wav',
    ])
    expect(sorted.others.map((f) => f.name)).toEqual(['notes.txt', 'd.svg', 'voice.ogg'])
  })
})
