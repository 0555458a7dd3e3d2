import { defineConfig } from 'vitest/config';

// CI reads a JSON report to print the one closing line it understands.
const reporters: string[] = ['default'];
if (process.env.SCOUTLINE_TEST_REPORT) reporters.push('json');

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'web/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters,
    outputFile: process.env.SCOUTLINE_TEST_REPORT ? { json: process.env.SCOUTLINE_TEST_REPORT } : undefined,
    pool: 'forks',
    // every bin/scoutline a test spawns runs the sources through tsx, never a build in dist/ (DEVELOPERS.md, Stack)
    env: { SCOUTLINE_FROM_SOURCE: '1' },
  },
});
