import { defineConfig } from 'vitest/config'

export default defineConfig({
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
