#!/usr/bin/env node
// npm run bench [-- --json FILE --reps N --skip-cold]
//
// On the bundled example in the sandbox, side by side:
//   (a) the naive baseline a user would write by hand, sequential: for each platform
//       `docker buildx build --load`, `docker run ... python -c "import tensorflow"`, and
//       `docker run ... python train.py`;
//   (b) this tool (dist/cli), on the same platforms;
//   (c) the limit: each platform checked alone by the tool; the slowest is what a perfect
//       parallel tool would take.
// Cold runs start without build cache; warm runs have it. Peak RSS is the tool's own process
// (children excluded), with four platforms.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { log, median, must, round, timed } from './bench-lib.mjs'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const CONTEXT = join(ROOT, 'examples/tf-app')
const CLI = join(ROOT, 'dist/cli/index.js')
const PLATFORMS = ['linux/amd64', 'linux/arm64']
const FOUR = ['linux/amd64', 'linux/arm64', 'linux/arm/v7', 'linux/386']

const { values } = parseArgs({
  options: {
    json: { type: 'string' },
    reps: { type: 'string', default: '3' },
    'skip-cold': { type: 'boolean' },
  },
})
const REPS = Number(values.reps)
const tmp = mkdtempSync(join(tmpdir(), 'tfmc-bench-'))

const slug = (p) => p.replaceAll('/', '-')
const naiveTag = (p) => `tf-multiarch-check-bench-naive:${slug(p)}`

async function coldStart() {
  await timed('docker', ['image', 'rm', '-f', ...PLATFORMS.map(naiveTag)])
  await must('docker', ['builder', 'prune', '-af'])
}

/** The hand-written script: sequential, one platform after the other. */
async function baseline() {
  const stages = {}
  const t0 = performance.now()
  for (const p of PLATFORMS) {
    const build = await must('docker', [
      'buildx',
      'build',
      '--platform',
      p,
      '--load',
      '-t',
      naiveTag(p),
      CONTEXT,
    ])
    const imp = await must('docker', [
      'run',
      '--rm',
      '--platform',
      p,
      naiveTag(p),
      'python',
      '-c',
      'import tensorflow',
    ])
    const train = await must('docker', [
      'run',
      '--rm',
      '--platform',
      p,
      naiveTag(p),
      'python',
      'train.py',
    ])
    stages[p] = { build: build.ms, import: imp.ms, train: train.ms }
  }
  return { ms: performance.now() - t0, stages }
}

/** The tool, as a user runs it; peak RSS of its own process from /usr/bin/time. */
async function tool(platforms) {
  const json = join(tmp, `r-${Date.now()}.json`)
  const timings = join(tmp, `t-${Date.now()}.json`)
  const r = await timed(
    '/usr/bin/time',
    [
      '-f',
      'peak-rss-kb %M',
      process.execPath,
      CLI,
      CONTEXT,
      '--platforms',
      platforms.join(','),
      '--json',
      json,
    ],
    {
      env: { TFMC_TIMINGS: timings },
    },
  )
  const results = JSON.parse(readFileSync(json, 'utf8'))
  const t = JSON.parse(readFileSync(timings, 'utf8'))
  const rssKb = Number(/peak-rss-kb (\d+)/.exec(r.err)?.[1] ?? NaN)
  const expected = platforms.filter((p) => PLATFORMS.includes(p))
  const failed = results.platforms.filter((p) => expected.includes(p.platform) && !p.passed)
  if (failed.length > 0)
    throw new Error(`the tool failed on ${failed.map((p) => p.platform)}:\n${r.out}`)
  return {
    ms: r.ms,
    rssMb: rssKb / 1024,
    overheadMs: t.firstDocker - t.start + (t.reportsDone - t.engineDone),
    stages: Object.fromEntries(
      results.platforms.map((p) => [
        p.platform,
        Object.fromEntries(Object.entries(p.stages).map(([k, v]) => [k, v.durationMs])),
      ]),
    ),
  }
}

async function limit() {
  let worst = 0
  for (const p of PLATFORMS) worst = Math.max(worst, (await tool([p])).ms)
  return worst
}

const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) })
const ratio = (a, b) => Math.round((a / b) * 100) / 100

function summary(toolMs, baselineMs, limitMs) {
  return {
    toolMs: round(toolMs),
    baselineMs: round(baselineMs),
    limitMs: round(limitMs),
    ratioToBaseline: ratio(toolMs, baselineMs),
    ratioToLimit: ratio(toolMs, limitMs),
  }
}

log('bringing the sandbox up')
execFileSync('bash', [join(ROOT, 'scripts/sandbox.sh'), 'up'], {
  stdio: ['ignore', 'ignore', 'inherit'],
})

const out = {}
if (!values['skip-cold']) {
  log('cold: baseline')
  await coldStart()
  const b = await baseline()
  log(`cold: baseline ${round(b.ms)} ms; tool`)
  await coldStart()
  const t = await tool(PLATFORMS)
  log(`cold: tool ${round(t.ms)} ms; limit (each platform alone, cold)`)
  let worst = 0
  for (const p of PLATFORMS) {
    await coldStart()
    worst = Math.max(worst, (await tool([p])).ms)
  }
  out.cold = { ...summary(t.ms, b.ms, worst), toolStages: t.stages, baselineStages: b.stages }
}

log(`warm: ${REPS} repetitions each`)
await baseline() // fills the cache for the naive tags too
const warm = { tool: [], baseline: [], limit: [], overhead: [], stages: [] }
for (let i = 0; i < REPS; i++) {
  const b = await baseline()
  const t = await tool(PLATFORMS)
  const l = await limit()
  warm.baseline.push(b.ms)
  warm.tool.push(t.ms)
  warm.limit.push(l)
  warm.overhead.push(t.overheadMs)
  warm.stages.push(t.stages)
  log(
    `warm ${i + 1}: baseline ${round(b.ms)} ms, tool ${round(t.ms)} ms, limit ${round(l)} ms, overhead ${round(t.overheadMs)} ms`,
  )
}
out.warm = {
  ...summary(median(warm.tool), median(warm.baseline), median(warm.limit)),
  tool: stats(warm.tool),
  baseline: stats(warm.baseline),
  limit: stats(warm.limit),
}
out.overheadMs = round(median(warm.overhead))
log('peak RSS with four platforms')
out.peakRssMb = Math.round((await tool(FOUR)).rssMb * 10) / 10
out.platforms = Object.fromEntries(
  PLATFORMS.map((p) => [
    p,
    Object.fromEntries(
      ['build', 'import', 'train'].map((s) => [s, round(median(warm.stages.map((x) => x[p][s])))]),
    ),
  ]),
)
await timed('docker', ['image', 'rm', '-f', ...PLATFORMS.map(naiveTag)])

const row = (name, s) =>
  `| ${name} | ${s.toolMs} | ${s.baselineMs} | ${s.limitMs} | ${s.ratioToBaseline} | ${s.ratioToLimit} |`
const table = [
  '| run | tool ms | baseline ms | limit ms | tool/baseline | tool/limit |',
  '| --- | --- | --- | --- | --- | --- |',
]
if (out.cold) table.push(row('cold', out.cold))
table.push(row(`warm (median of ${REPS})`, out.warm))
table.push(
  '',
  `warm min/max: tool ${round(out.warm.tool.min)}/${round(out.warm.tool.max)} ms, baseline ${round(out.warm.baseline.min)}/${round(out.warm.baseline.max)} ms, limit ${round(out.warm.limit.min)}/${round(out.warm.limit.max)} ms`,
)
table.push(
  `tool overhead ${out.overheadMs} ms; peak RSS ${out.peakRssMb} MB with ${FOUR.length} platforms`,
)
for (const [p, s] of Object.entries(out.platforms))
  table.push(`${p} warm medians: build ${s.build} ms, import ${s.import} ms, train ${s.train} ms`)
console.log(table.join('\n'))
if (values.json) writeFileSync(values.json, JSON.stringify(out, null, 2) + '\n')
