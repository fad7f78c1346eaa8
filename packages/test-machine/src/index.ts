export {
  CHROMIUM_ARGS,
  CHROMIUM_ENV,
  type ChromiumSearch,
  chromiumCandidates,
  findChromium,
  machineSearch,
  NO_CHROMIUM_MESSAGE,
  requireChromium,
} from './find-chromium.ts'
