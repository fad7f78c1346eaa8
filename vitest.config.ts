import { defineConfig } from 'vitest/config'
import { shotchainPacks } from './apps/web/packs-plugin.ts'

export default defineConfig({
  // The web app's `virtual:shotchain-packs` (no packs unless SHOTCHAIN_PACKS names some).
  plugins: [shotchainPacks(process.env, process.cwd())],
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/*/src/**/*.test.ts',
      'apps/web/e2e/**/*.test.ts',
      'examples/packs/*/src/**/*.test.ts',
    ],
    environment: 'node',
  },
})
