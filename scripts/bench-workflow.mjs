#!/usr/bin/env node
// npm run bench:workflow [-- --runs N] [-- --json FILE]
//
// The reusable workflow's own cost, from its harness run (__tests__/e2e/workflow.test.ts: the
// workflow's steps run as the runner runs them, on the sandbox; run with DOCKER_HOST and PATH
// from `scripts/sandbox.sh host classic` and `scripts/sandbox.sh bin`): the plan job, the host
// job (linux/amd64 natively, then linux/arm64 under QEMU in place of an arm64 runner that never
// started) and the report job, which starts when the slowest platform job has ended: its own
// time is its overhead. N runs (default 3), the median of each. No arm64 runner exists here: a
// native arm64 job is not measured.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { log, median, must } from './bench-lib.mjs'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const TIMINGS = join(ROOT, '.tfmc', 'workflow-timings.json')
const { values } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, json: { type: 'string' } },
})

const runs = []
for (let i = 0; i < Number(values.runs); i++) {
  log(`run ${i + 1} of ${values.runs}`)
  await must('npx', ['vitest', 'run', '--project', 'e2e', '__tests__/e2e/workflow.test.ts'])
  runs.push(JSON.parse(readFileSync(TIMINGS, 'utf8')))
}
const keys = ['plan', 'host check', 'host watch', 'host job', 'report job']
const result = Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r[k]))]))
for (const k of keys)
  console.log(
    `${k.padEnd(12)} ${(result[k] / 1000).toFixed(2)} s (${runs.map((r) => (r[k] / 1000).toFixed(2)).join(', ')})`,
  )
console.log(
  `report overhead over the slowest platform job: ${(result['report job'] / 1000).toFixed(2)} s`,
)
if (values.json) writeFileSync(values.json, JSON.stringify({ runs, median: result }, null, 2))
