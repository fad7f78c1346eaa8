import { defineConfig } from 'vitest/config'
import { shotchainPacks } from './apps/web/packs-plugin.ts'

/** Tests that drive Chromium or the README's own commands: one file at a time, after the rest. */
const ALONE = ['apps/web/e2e/**/*.test.ts', 'packages/test-machine/src/readme-commands.test.ts']

export default defineConfig({
  // The web app's `virtual:shotchain-packs` (no packs unless SHOTCHAIN_PACKS names some).
  plugins: [shotchainPacks(process.env, process.cwd())],
  test: {
    environment: 'node',
    projects: [
      {
        extends: true,
        test: {
          name: 'units and servers',
          include: [
            'packages/*/src/**/*.test.ts',
            'apps/*/src/**/*.test.ts',
            'examples/packs/*/src/**/*.test.ts',
          ],
          exclude: ALONE,
          // Both cores: these wait on ffmpeg, sockets and child processes as much as they compute.
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ALONE,
          // The web app, built once for all the browser files (each used to build its own).
          globalSetup: ['apps/web/e2e/global-setup.ts'],
          // Frame timing and polls in a browser flake when another test file shares the two cores.
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
})
