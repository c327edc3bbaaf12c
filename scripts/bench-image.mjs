#!/usr/bin/env node
// npm run bench:image [-- --json FILE --reps N]
//
// What the image input saves, on the bundled example in the sandbox (linux/amd64 native,
// linux/arm64 under QEMU): the tool checking a build of the Dockerfile against the tool
// checking the same image, already built and pushed to the sandbox's loopback registry (as
// docker/build-push-action leaves it earlier in a job).
//   cold: no build cache for the build; the image not in the engine's store, so it is pulled.
//   warm: the build cache filled; the image in the store (the median of N runs each).
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

const { values } = parseArgs({
  options: { json: { type: 'string' }, reps: { type: 'string', default: '3' } },
})
const REPS = Number(values.reps)
const tmp = mkdtempSync(join(tmpdir(), 'tfmc-bench-image-'))
const sandbox = (...args) =>
  execFileSync('bash', [join(ROOT, 'scripts/sandbox.sh'), ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim()

/** The tool on the example, building it or (`image`) checking the pushed image. */
async function tool(image) {
  const json = join(tmp, `r-${Date.now()}.json`)
  const target = image ? ['--image', image] : [CONTEXT]
  const r = await timed(process.execPath, [
    CLI,
    ...target,
    '--platforms',
    PLATFORMS.join(','),
    '--json',
    json,
  ])
  const results = JSON.parse(readFileSync(json, 'utf8'))
  if (!results.passed) throw new Error(`the tool failed:\n${r.out}\n${r.err.slice(-2000)}`)
  const stages = Object.fromEntries(
    results.platforms.map((p) => [
      p.platform,
      Object.fromEntries(Object.entries(p.stages).map(([k, v]) => [k, round(v.durationMs)])),
    ]),
  )
  return { ms: r.ms, stages, pinned: results.platforms.map((p) => p.source?.pinned ?? null) }
}

log('bringing the sandbox up')
sandbox('up')
const registry = sandbox('registry')
const ref = `${registry}/tfmc-bench/tf-app`
const image = `${ref}:multi`

// The image a release job would have pushed: each platform built and pushed, then one index.
log(`building and pushing ${image} (not timed)`)
for (const p of PLATFORMS)
  await must('docker', [
    'buildx',
    'build',
    '--platform',
    p,
    '-t',
    `${ref}:${p.replace('/', '-')}`,
    '--push',
    CONTEXT,
  ])
await must('docker', [
  'buildx',
  'imagetools',
  'create',
  '-t',
  image,
  ...PLATFORMS.map((p) => `${ref}:${p.replace('/', '-')}`),
])

/**
 * Forgets every local name of the image, so that the image input must pull it: the platform
 * images it pulled, and the tags the (untimed) build and push left in the engine's store.
 */
async function forgetImage(pinned) {
  const refs = [...pinned.filter(Boolean), ...PLATFORMS.map((p) => `${ref}:${p.replace('/', '-')}`)]
  await timed('docker', ['image', 'rm', '-f', ...refs])
}

const out = {}
log('cold: build (no build cache)')
await must('docker', ['builder', 'prune', '-af'])
const coldBuild = await tool(null)
log(`cold: build ${round(coldBuild.ms)} ms; image (pulled)`)
await forgetImage((await tool(image)).pinned)
const coldImage = await tool(image)
out.cold = { buildMs: round(coldBuild.ms), imageMs: round(coldImage.ms) }
out.cold.savedMs = out.cold.buildMs - out.cold.imageMs
out.coldStages = { build: coldBuild.stages, image: coldImage.stages }
if (coldImage.stages['linux/arm64']?.pull < 1000)
  throw new Error('the cold image run found the image locally: it was not pulled')
log(`cold: image ${round(coldImage.ms)} ms`)

const warm = { build: [], image: [] }
for (let i = 0; i < REPS; i++) {
  warm.build.push((await tool(null)).ms)
  warm.image.push((await tool(image)).ms)
  log(`warm ${i + 1}: build ${round(warm.build.at(-1))} ms, image ${round(warm.image.at(-1))} ms`)
}
out.warm = { buildMs: round(median(warm.build)), imageMs: round(median(warm.image)) }
out.warm.savedMs = out.warm.buildMs - out.warm.imageMs
out.warmRuns = { build: warm.build.map(round), image: warm.image.map(round) }

console.log(
  [
    '| run | tool, building | tool, image input | saved |',
    '| --- | --- | --- | --- |',
    `| cold | ${out.cold.buildMs} ms | ${out.cold.imageMs} ms | ${out.cold.savedMs} ms |`,
    `| warm (median of ${REPS}) | ${out.warm.buildMs} ms | ${out.warm.imageMs} ms | ${out.warm.savedMs} ms |`,
    '',
    `cold stages: ${JSON.stringify(out.coldStages)}`,
  ].join('\n'),
)
if (values.json) writeFileSync(values.json, JSON.stringify(out, null, 2) + '\n')
