// Prints the plain closing line of a vitest JSON report: "tests: N passed, N failed".
import { readFileSync } from 'node:fs'

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const skipped = report.numPendingTests + report.numTodoTests
console.log(
  `tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`,
)
process.exitCode = report.numFailedTests > 0 || report.numPassedTests === 0 ? 1 : 0
