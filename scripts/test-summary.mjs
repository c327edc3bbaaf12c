// Prints the plain closing line of the vitest JSON reports of one CI run (unit and end-to-end
// on the classic engine, end-to-end again on the containerd engine): "tests: N passed, N failed".
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const dir = process.argv[2] ?? '.tfmc'
const files = readdirSync(dir).filter((f) => /^vitest-.*\.json$/.test(f))
let passed = 0
let failed = 0
let skipped = 0
for (const f of files) {
  const report = JSON.parse(readFileSync(join(dir, f), 'utf8'))
  passed += report.numPassedTests
  failed += report.numFailedTests
  skipped += report.numPendingTests + report.numTodoTests
  console.log(`(${f}: ${report.numPassedTests} passed and ${report.numFailedTests} failed)`)
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exitCode = failed > 0 || passed === 0 || files.length === 0 ? 1 : 0
