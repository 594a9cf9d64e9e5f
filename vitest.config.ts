import { defineConfig } from 'vitest/config';

// Three projects: pure/Node code, the renderer under jsdom, and the browser end-to-end suite
// (real browser host + Debian Chromium). `npm test` runs unit + dom first, then e2e on its own, so the
// browser tests never compete with the unit workers for the CPU (a timing-sensitive page under load).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/shared/**/*.test.ts', 'test/electron/**/*.test.ts', 'test/integration/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.tsx', 'test/renderer/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
