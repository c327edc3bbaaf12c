import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { run } from './helpers.js'
import { type CliRun, platform, ROOT, runCli } from './runner.js'

// Checking what ships (the image, start and run inputs), end to end: the bundled example built
// once per platform and pushed to the sandbox's loopback registry, then checked by reference,
// with no build; and images derived from it, loaded locally, started as their users start them.

const REGISTRY = process.env.TFMC_REGISTRY!
const ID = `${process.pid}-${Date.now()}`
const REPO = `${REGISTRY}/tfmc-e2e/tf-app`
const MULTI = `${REPO}:multi-${ID}`
const AMD64 = `${REPO}:amd64-${ID}`
const ARM64 = `${REPO}:arm64-${ID}`
const LOCAL = (name: string): string => `tfmc-e2e/${name}:${ID}`

async function docker(args: string[], timeoutMs = 30 * 60_000): Promise<string> {
  const res = await run('docker', args, { timeoutMs })
  if (res.code !== 0) throw new Error(`docker ${args.join(' ')}: ${res.stderr.slice(-3000)}`)
  return res.stdout
}

/** A project deriving from the pushed amd64 image: a Dockerfile and nothing else. */
function derived(lines: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'tfmc-ships-'))
  writeFileSync(join(dir, 'Dockerfile'), [`FROM ${AMD64}`, ...lines, ''].join('\n'))
  return dir
}

/**
 * A project deriving from the pushed amd64 image, built and loaded as a local tag, then checked
 * by that tag with start (linux/amd64, no training); the project is the context, so the static
 * analysis reads its Dockerfile.
 */
async function startDerived(
  name: string,
  start: string,
  lines: string[],
): Promise<{ tag: string; res: CliRun }> {
  const project = derived(lines)
  const tag = LOCAL(name)
  await docker(['buildx', 'build', '--platform', 'linux/amd64', '--load', '--tag', tag, project])
  const res = await runCli([
    project,
    '--image',
    tag,
    '--platforms',
    'linux/amd64',
    '--no-train',
    '--start',
    start,
  ])
  return { tag, res }
}

/** Containers created on the engine between two times, by name. */
async function containersCreated(since: number, until: number): Promise<string[]> {
  const out = await docker([
    'events',
    '--since',
    String(Math.floor(since / 1000)),
    '--until',
    String(Math.ceil(until / 1000) + 1),
    '--filter',
    'type=container',
    '--filter',
    'event=create',
    '--format',
    '{{.Actor.Attributes.name}}',
  ])
  return out.split('\n').filter(Boolean)
}

beforeAll(async () => {
  // Each platform built and pushed on its own (the classic store's docker driver builds one
  // platform at a time), then joined into one multi-platform index, as a release job would.
  const example = join(ROOT, 'examples/tf-app')
  for (const [ref, p] of [
    [AMD64, 'linux/amd64'],
    [ARM64, 'linux/arm64'],
  ] as const)
    await docker(['buildx', 'build', '--platform', p, '--tag', ref, '--push', example])
  await docker(['buildx', 'imagetools', 'create', '--tag', MULTI, AMD64, ARM64])
}, 60 * 60_000)

afterAll(async () => {
  const mine = (await docker(['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}']))
    .split('\n')
    .filter((r) => r.endsWith(ID))
  if (mine.length > 0) await docker(['image', 'rm', '-f', ...mine])
})

describe('an existing image, by reference', () => {
  it('checks both platforms of a pushed multi-platform image without building it', async () => {
    const res = await runCli(['--image', MULTI, '--platforms', 'linux/amd64,linux/arm64'])
    expect(res.code, res.stderr.slice(-4000)).toBe(0)
    expect(res.results!.image).toBe(MULTI)
    for (const [name, machine] of [
      ['linux/amd64', 'x86_64'],
      ['linux/arm64', 'aarch64'],
    ] as const) {
      const p = platform(res.results, name)
      expect(p.passed).toBe(true)
      expect(p.stages.build).toMatchObject({
        status: 'skipped',
        reason: expect.stringMatching(/^not built/),
      })
      expect(p.stages.pull?.status).toBe('passed')
      expect(p.stages.train.status).toBe('passed')
      expect(p.environment.machine).toBe(machine)
      // Pulled by the platform's own manifest: nothing tagged, nothing moved.
      expect(p.source).toMatchObject({
        ref: MULTI,
        from: 'pulled',
        pinned: expect.stringMatching(/^.+@sha256:[0-9a-f]{64}$/),
      })
    }
    expect(res.stderr).not.toMatch(/build passed/)
  })

  it('fails linux/arm64 for an amd64-only image, names the platforms it has, and never runs it', async () => {
    const since = Date.now()
    const res = await runCli(['--image', AMD64, '--platforms', 'linux/arm64'])
    const until = Date.now()
    expect(res.code, res.stderr.slice(-4000)).toBe(1)
    const p = platform(res.results, 'linux/arm64')
    expect(p.passed).toBe(false)
    expect(p.stages.pull?.status).toBe('failed')
    expect(p.stages.import).toMatchObject({ status: 'skipped' })
    expect(p.environment.machine).toBeNull()
    expect(p.diagnoses[0]).toMatchObject({
      id: 'image-platform-missing',
      detail: expect.stringContaining('it has linux/amd64'),
    })
    const ours = (await containersCreated(since, until)).filter((n) =>
      n.startsWith('tf-multiarch-check-'),
    )
    expect(ours).toEqual([])
  })

  it('runs the team’s own command on each platform: one that asserts x86-64 fails only on arm64', async () => {
    const res = await runCli([
      '--image',
      MULTI,
      '--no-train',
      '--run',
      'python -c "import platform, sys; print(platform.machine()); sys.exit(platform.machine() != \'x86_64\')"',
    ])
    expect(res.code, res.stderr.slice(-4000)).toBe(1)
    const amd64 = platform(res.results, 'linux/amd64')
    const arm64 = platform(res.results, 'linux/arm64')
    expect(amd64.passed).toBe(true)
    expect(amd64.stages.run).toMatchObject({
      status: 'passed',
      exitCode: 0,
      log: expect.stringContaining('x86_64'),
    })
    expect(arm64.passed).toBe(false)
    expect(arm64.stages.import.status).toBe('passed')
    expect(arm64.stages.run).toMatchObject({
      status: 'failed',
      exitCode: 1,
      log: expect.stringContaining('aarch64'),
    })
    expect(arm64.diagnoses[0]?.id).toBe('run-failed')
  })
})

describe('the image started as its users start it', () => {
  it('fails start for a venv image whose exec-form CMD "activates" it, quoting the runtime and the line', async () => {
    const { tag, res } = await startDerived('exec-form', '20', [
      'RUN python -m venv --system-site-packages /app/.venv',
      'ENV PATH="/app/.venv/bin:$PATH"',
      'CMD [". .venv/bin/activate", "python", "train.py"]',
    ])
    expect(res.code, res.stderr.slice(-4000)).toBe(1)
    const p = platform(res.results, 'linux/amd64')
    expect(p.source).toMatchObject({ ref: tag, from: 'local' })
    expect(p.stages.import.status).toBe('passed')
    expect(p.stages.start).toMatchObject({ status: 'failed', exitCode: 127 })
    expect(p.diagnoses[0]).toMatchObject({
      id: 'exec-form-shell',
      detail: expect.stringContaining('exec: ". .venv/bin/activate"'),
      line: 4,
    })
  })

  it('passes start for a server still running when the window closes, and stops it', async () => {
    const { tag, res } = await startDerived('server', '5', [
      'CMD ["python", "-m", "http.server", "8000"]',
    ])
    expect(res.code, res.stderr.slice(-4000)).toBe(0)
    const p = platform(res.results, 'linux/amd64')
    expect(p.stages.start).toMatchObject({
      status: 'passed',
      reason: expect.stringMatching(/^still running after 5 s/),
    })
    expect(p.stages.start!.durationMs).toBeGreaterThanOrEqual(5000)
    const left = await docker([
      'container',
      'ls',
      '-a',
      '--filter',
      `ancestor=${tag}`,
      '--format',
      '{{.Names}}',
    ])
    expect(left.trim()).toBe('')
  })
})
