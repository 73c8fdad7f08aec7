import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // e2e tests spawn the built CLI and real git; give them room on a 2-core machine.
    testTimeout: 30_000,
  },
});
