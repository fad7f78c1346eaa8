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
export { findPostgresBin, NO_POSTGRES_MESSAGE } from './postgres/find-postgres.ts'
export {
  type StartPostgresOptions,
  startPostgres,
  type TestPostgres,
} from './postgres/start-postgres.ts'
