import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    setupFiles: ['tests/setup/node-platform.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
