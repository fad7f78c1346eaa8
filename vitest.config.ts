import { defineConfig } from 'vitest/config'
import { shotchainPacks } from './apps/web/packs-plugin.ts'

/**
 * Tests that drive Chromium or the README's own commands. They mostly wait (on the emulator, a
 * server, the page), so `pnpm test` runs them in a Vitest process of their own beside the units
 * (`packages/test-machine/src/run-tests.ts`): one process's projects share one queue of workers.
 */
const BROWSER = ['apps/web/e2e/**/*.test.ts', 'packages/test-machine/src/readme-commands.test.ts']

/**
 * Packages whose tests only compute: no server, child process, file or global is touched, so
 * they share their workers' module graph (`isolate: false`) — 17 s for their 73 files isolated,
 * 7 s shared (2026-12-03).
 */
const PURE = [
  'packages/graph/src/**/*.test.ts',
  'packages/engine/src/**/*.test.ts',
  'packages/editor/src/**/*.test.ts',
  'packages/api/src/**/*.test.ts',
  'packages/errors/src/**/*.test.ts',
  'packages/fal-catalog/src/**/*.test.ts',
  'packages/runs/src/**/*.test.ts',
  'packages/kling/src/**/*.test.ts',
  'apps/web/src/**/*.test.ts',
]

export default defineConfig({
  // The web app's `virtual:shotchain-packs` (no packs unless SHOTCHAIN_PACKS names some).
  plugins: [shotchainPacks(process.env, process.cwd())],
  test: {
    environment: 'node',
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'pure units',
          include: PURE,
          isolate: false,
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'units and servers',
          include: [
            'packages/*/src/**/*.test.ts',
            'apps/*/src/**/*.test.ts',
            'examples/packs/*/src/**/*.test.ts',
          ],
          exclude: [...BROWSER, ...PURE],
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: BROWSER,
          // The web app, built once for all the browser files (each used to build its own).
          globalSetup: ['apps/web/e2e/global-setup.ts'],
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
    ],
  },
})
