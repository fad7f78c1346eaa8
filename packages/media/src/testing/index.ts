// Fixture makers for tests of packages that take media: `@shotchain/media/testing`.
export { ffmpeg, makeClip, makeImage, makeTempDir, SLOW_MS } from './fixtures.ts'
export { makeSound, type SoundOptions } from './make-sound.ts'
