#!/usr/bin/env node
// npm run bench:cache [-- --json FILE]
//
// What a cache the team configures saves on a docker-container builder (setup-buildx-action's),
// on the bundled example in the sandbox (run with DOCKER_HOST and PATH from
// `scripts/sandbox.sh host classic` and `scripts/sandbox.sh bin`): the tool (dist/cli) on a fresh
// builder with no cache and `cache-to` local and registry; then on another fresh builder (no
// local state: what the next CI job has) with `cache-from` local alone, and on a third with
// `cache-from` registry alone. Each fresh builder is booted before its clock starts.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { log, must, round, timed } from './bench-lib.mjs'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const CONTEXT = join(ROOT, 'examples/tf-app')
const CLI = join(ROOT, 'dist/cli/index.js')
const PLATFORMS = 'linux/amd64,linux/arm64'
const SANDBOX = join(ROOT, 'scripts/sandbox.sh')

const { values } = parseArgs({ options: { json: { type: 'string' } } })
const tmp = mkdtempSync(join(tmpdir(), 'tfmc-bench-cache-'))
const config = join(tmp, 'buildkitd.toml')
writeFileSync(config, execFileSync('bash', [SANDBOX, 'buildkit-config'], { encoding: 'utf8' }))
const registry = execFileSync('bash', [SANDBOX, 'registry'], { encoding: 'utf8' }).trim()
const id = `${process.pid}-${Date.now()}`
const local = join(tmp, 'cache')
const remote = `${registry}/tfmc-bench/cache:${id}`
const builders = []

async function freshBuilder(role) {
  const name = `tfmc-bench-${role}-${process.pid}`
  builders.push(name)
  await must('docker', [
    'buildx',
    'create',
    '--name',
    name,
    '--driver',
    'docker-container',
    '--driver-opt',
    'network=host',
    '--buildkitd-config',
    config,
    '--bootstrap',
  ])
  return name
}

/** The tool on the example; its time, and whether each platform's pip install was CACHED. */
async function check(builder, cacheArgs) {
  const r = await timed(process.execPath, [
    CLI,
    CONTEXT,
    '--builder',
    builder,
    '--platforms',
    PLATFORMS,
    '-v',
    ...cacheArgs,
  ])
  if (r.code !== 0) throw new Error(`the check exited ${r.code}:\n${r.err.slice(-3000)}`)
  const cached = {}
  for (const p of PLATFORMS.split(',')) {
    const lines = r.err.split('\n').filter((l) => l.startsWith(`[${p}] `))
    const step = lines.map((l) => /#(\d+) \[\d+\/\d+\] RUN pip install/.exec(l)).find(Boolean)
    cached[p] = Boolean(step && lines.includes(`[${p}] #${step[1]} CACHED`))
  }
  return { seconds: round(r.ms / 100) / 10, cached }
}

const results = {}
try {
  log('cold: a fresh builder, no cache, cache-to local and registry')
  results.cold = await check(await freshBuilder('cold'), [
    '--cache-to',
    `type=local,dest=${local}`,
    '--cache-to',
    `type=registry,ref=${remote}`,
  ])
  log('a fresh builder, cache-from local')
  results.local = await check(await freshBuilder('local'), [
    '--cache-from',
    `type=local,src=${local}`,
  ])
  log('a fresh builder, cache-from registry')
  results.registry = await check(await freshBuilder('registry'), [
    '--cache-from',
    `type=registry,ref=${remote}`,
  ])
} finally {
  for (const b of builders) await timed('docker', ['buildx', 'rm', '--force', b])
  rmSync(tmp, { recursive: true, force: true })
}

const row = (name, r) =>
  `| ${name.padEnd(40)} | ${`${r.seconds} s`.padStart(8)} | ${Object.entries(r.cached)
    .map(([p, c]) => `${p} ${c ? 'CACHED' : 'run'}`)
    .join(', ')} |`
process.stdout.write(
  [
    '| run (fresh docker-container builder, 2 platforms) | tool | pip install step |',
    '| --- | --- | --- |',
    row('no cache; cache-to local and registry', results.cold),
    row('cache-from local', results.local),
    row('cache-from registry', results.registry),
    '',
  ].join('\n'),
)
if (values.json) writeFileSync(values.json, JSON.stringify(results, null, 2) + '\n')
