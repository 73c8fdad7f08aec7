import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // e2e tests spawn the built CLI and real git; give them room on a 2-core machine.
    testTimeout: 30_000,
    // Hooks make repositories and delete them (a docs test's copies of the example with its history): seconds
    // each on a loaded 2-core machine, where the default 10 s failed a suite that had passed every test.
    hookTimeout: 60_000,
  },
});
