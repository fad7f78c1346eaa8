import { defineConfig } from 'vitest/config'
import { shotchainPacks } from './apps/web/packs-plugin.ts'

/**
 * Tests that drive Chromium or the README's own commands: two files at a time, beside the units.
 * They mostly wait (on the emulator, a server, the page), so they share the cores with the
 * units: 475 s for both on this 2-core machine, against 552 s one browser file at a time after
 * the units and 506 s one at a time beside them (2026-12-02).
 */
const BROWSER = ['apps/web/e2e/**/*.test.ts', 'packages/test-machine/src/readme-commands.test.ts']

export default defineConfig({
  // The web app's `virtual:shotchain-packs` (no packs unless SHOTCHAIN_PACKS names some).
  plugins: [shotchainPacks(process.env, process.cwd())],
  test: {
    environment: 'node',
    // Two for the units and servers, two for browser files beside them.
    maxWorkers: 4,
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
          exclude: BROWSER,
          // Both cores: these wait on ffmpeg, sockets and child processes as much as they compute.
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
          // Polls that wait on work (an arrange, an estimate) give it seconds, not the 1 s default.
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
    ],
  },
})
