import { defineConfig } from 'vitest/config'
import { EngineKillLast } from './__tests__/support/sequencer.js'

export default defineConfig({
  test: {
    // The end-to-end file that kills the sandbox's engine runs after every other file.
    sequence: { sequencer: EngineKillLast },
    // CI prints a plain "N passed, N failed" line from this report.
    ...(process.env.CI
      ? {
          reporters: ['default', 'json'],
          // One report per run: the e2e suite runs once per engine of the sandbox.
          outputFile: { json: `.tfmc/vitest-${process.env.TFMC_ENGINE || 'classic'}.json` },
        }
      : {}),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['__tests__/**/*.test.ts'],
          exclude: ['__tests__/e2e/**'],
          // The CLI and the action as processes: bundled from the current sources first.
          globalSetup: ['__tests__/support/bundle.ts'],
          testTimeout: 30_000,
          // GitHub's workflow parser imports its schema as JSON without an import attribute,
          // which Node refuses: vite transforms it instead.
          server: { deps: { inline: ['@actions/workflow-parser'] } },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['__tests__/e2e/**/*.test.ts'],
          // Real Docker builds and TensorFlow under QEMU: one file at a time, on a 2-core machine.
          globalSetup: ['__tests__/support/bundle.ts', '__tests__/e2e/setup.ts'],
          fileParallelism: false,
          testTimeout: 45 * 60_000,
          hookTimeout: 60 * 60_000,
        },
      },
    ],
  },
})
