export { FAST_KNOBS } from './fast-knobs.ts'
export { makePng, type PngOptions } from './png.ts'
export { startTestEmulator, type TestEmulator } from './test-emulator.ts'
export { waitUntilIdle } from './wait-until-idle.ts'
