import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 90_000,
          // One browser at a time: the machines have two cores.
          fileParallelism: false,
          // Real browsers on a shared two-core machine: a hover can lose a frame now and then. One more try;
          // a behaviour that is broken fails both, and vitest reports every retry.
          retry: 1,
        },
      },
      {
        // Real saved pages from ../shared: run by .ci/run (npm run test:layouts), not by npm test.
        extends: true,
        test: {
          name: 'layouts',
          environment: 'node',
          include: ['tests/layouts/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 90_000,
          fileParallelism: false,
          retry: 1,
        },
      },
    ],
  },
});
