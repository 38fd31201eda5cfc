import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    // Some tests walk every item of the content in both languages; on a loaded 2-core machine
    // they can pass the 5 s default without anything being wrong.
    testTimeout: 30_000,
  },
});
