import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { PlatformResult } from '../../src/results/types.js'
import { describeOnce, run, start, type Started } from './helpers.js'
import { CLI, type CliRun, fixture, platform, ROOT, runCli } from './runner.js'

// The check on a docker-container builder, on the sandbox's moby/buildkit (scripts/buildkit.sh:
// BuildKit built from Debian's packaged sources), found the way a runner finds Docker Hub's:
// `docker buildx create --driver docker-container` pulls moby/buildkit:buildx-stable-1, here
// through the engines' mirror. Each builder is made as docker/setup-buildx-action makes it, plus
// what the sandbox needs: the host's network and a buildkitd.toml that sends BuildKit's own
// Docker Hub pulls to the mirror. One builder checks the example cold and exports its caches; a
// fresh builder per cache type proves the next cold run finds them; the last one is killed and
// paused under a build; the first pushes the example with attestations, checked by reference.

const ID = `${process.pid}-${Date.now()}`
const REGISTRY = process.env.TFMC_REGISTRY!
const EXAMPLE = join(ROOT, 'examples/tf-app')
const WORK = mkdtempSync(join(tmpdir(), 'tfmc-buildkit-'))
const LOCAL_CACHE = join(WORK, 'cache')
const REGISTRY_CACHE = `${REGISTRY}/tfmc-e2e/cache:example-${ID}`
const BOTH = 'linux/amd64,linux/arm64'
const MACHINES = [
  ['linux/amd64', 'x86_64'],
  ['linux/arm64', 'aarch64'],
] as const
const made: string[] = []

function buildkitConfig(): string {
  const config = join(WORK, 'buildkitd.toml')
  writeFileSync(
    config,
    execFileSync('bash', [join(ROOT, 'scripts/sandbox.sh'), 'buildkit-config'], {
      encoding: 'utf8',
    }),
  )
  return config
}

/** A docker-container builder, as setup-buildx-action makes one (booted), on the sandbox. */
async function makeBuilder(role: string): Promise<string> {
  const name = `tfmc-e2e-${role}-${process.pid}`
  made.push(name)
  const created = await run('docker', [
    'buildx',
    'create',
    '--name',
    name,
    '--driver',
    'docker-container',
    '--driver-opt',
    'network=host',
    '--buildkitd-config',
    buildkitConfig(),
    '--bootstrap',
  ])
  expect(created.code, created.stderr).toBe(0)
  return name
}

const containerOf = (builder: string): string => `buildx_buildkit_${builder}0`

async function docker(args: string[], input?: string): Promise<string> {
  const res = await run('docker', args, { timeoutMs: 30 * 60_000, ...(input ? { input } : {}) })
  if (res.code !== 0) throw new Error(`docker ${args.join(' ')}: ${res.stderr.slice(-3000)}`)
  return res.stdout
}

/** A RUN step on the builder, exported nowhere: the builder is not wedged. */
async function builderRuns(builder: string): Promise<void> {
  const res = await run(
    'docker',
    [
      'buildx',
      'build',
      '--builder',
      builder,
      '--progress',
      'plain',
      '--output',
      'type=cacheonly',
      '-',
    ],
    { input: `FROM debian:bookworm-slim\nRUN echo ${ID}-${Date.now()}\n`, timeoutMs: 120_000 },
  )
  expect(res.code, res.stderr.slice(-3000)).toBe(0)
}

/**
 * The check on linux/amd64 of a project whose RUN step prints a line, then nothing, forever
 * (timeout-minutes 10, far beyond the test's wait); resolved once the step is running.
 */
async function silentCheck(
  builder: string,
  role: string,
  extra: string[] = [],
): Promise<{ cli: Started; json: string }> {
  const json = join(WORK, `${role}.json`)
  const cli = start(process.execPath, [
    CLI,
    fixture('stalled-step'),
    '--builder',
    builder,
    '--platforms',
    'linux/amd64',
    '--build-arg',
    `NONCE=${ID}-${role}`,
    '--timeout',
    '10',
    '-v',
    '--json',
    json,
    ...extra,
  ])
  await cli.waitFor(new RegExp(`waiting ${ID}-${role}`), 5 * 60_000)
  return { cli, json }
}

/** Both platforms passed, proven on the machine they claim, on a docker-container builder. */
function passedOnContainerBuilder(res: CliRun): PlatformResult[] {
  expect(res.code, res.stderr.slice(-4000)).toBe(0)
  return MACHINES.map(([name, machine]) => {
    const p = platform(res.results, name)
    expect(p.passed).toBe(true)
    expect(p.environment.machine).toBe(machine)
    expect(p.host).toMatchObject({
      driver: 'docker-container',
      buildkit: expect.stringMatching(/^\d+\.\d+\.\d+/),
    })
    return p
  })
}

/** The pip install step of each platform's build, as verbose output shows it: CACHED or run. */
function pipStep(stderr: string, name: string): 'CACHED' | 'run' | 'absent' {
  const lines = stderr.split('\n').filter((l) => l.startsWith(`[${name}] `))
  const start = lines
    .map((l) => /^\[[^\]]+\] #(\d+) \[\d+\/\d+\] RUN pip install/.exec(l))
    .find(Boolean)
  if (!start) return 'absent'
  return lines.includes(`[${name}] #${start[1]} CACHED`) ? 'CACHED' : 'run'
}

/** A registry's manifest or index, by tag or digest, as the registry serves it. */
async function manifest(
  repo: string,
  ref: string,
): Promise<{ body: Record<string, unknown>; type: string }> {
  const res = await fetch(`http://${REGISTRY}/v2/${repo}/manifests/${ref}`, {
    headers: {
      accept: [
        'application/vnd.oci.image.index.v1+json',
        'application/vnd.oci.image.manifest.v1+json',
        'application/vnd.docker.distribution.manifest.list.v2+json',
        'application/vnd.docker.distribution.manifest.v2+json',
      ].join(', '),
    },
  })
  expect(res.status, `${repo}:${ref}`).toBe(200)
  return {
    body: (await res.json()) as Record<string, unknown>,
    type: res.headers.get('content-type')!,
  }
}

/**
 * The SBOM (SPDX) that BuildKit attached for a platform of an index, as text: the layer of its
 * attestation manifest (the one whose vnd.docker.reference.digest is that platform's manifest)
 * with that predicate type; the manifest has a provenance layer too.
 */
async function sbomOf(repo: string, manifests: Descriptor[], name: string): Promise<string> {
  const image = manifests.find((m) => `${m.platform?.os}/${m.platform?.architecture}` === name)
  expect(image, `${name} in the index`).toBeDefined()
  const attestation = manifests.find(
    (m) => m.annotations?.['vnd.docker.reference.digest'] === image!.digest,
  )
  expect(attestation, `the attestation manifest of ${name}`).toBeDefined()
  const layers = ((await manifest(repo, attestation!.digest)).body as { layers: Descriptor[] })
    .layers
  const type = (l: Descriptor) => l.annotations?.['in-toto.io/predicate-type']
  expect(layers.map(type).sort()).toEqual([
    'https://slsa.dev/provenance/v0.2',
    'https://spdx.dev/Document',
  ])
  const spdx = layers.find((l) => type(l) === 'https://spdx.dev/Document')!
  const blob = await fetch(`http://${REGISTRY}/v2/${repo}/blobs/${spdx.digest}`)
  expect(blob.status).toBe(200)
  return blob.text()
}

interface Descriptor {
  mediaType: string
  digest: string
  size: number
  platform?: { os: string; architecture: string }
  annotations?: Record<string, string>
}

describeOnce('a docker-container builder on the sandbox’s BuildKit', () => {
  afterAll(async () => {
    for (const name of made) {
      await run('docker', ['unpause', containerOf(name)])
      await run('docker', ['buildx', 'rm', '--force', name])
    }
    rmSync(WORK, { recursive: true, force: true })
  })

  let first = ''

  it('boots from the mirror and runs a RUN step on linux/amd64 and, under QEMU, linux/arm64', async () => {
    first = await makeBuilder('first')
    const inspect = await run('docker', ['buildx', 'inspect', first])
    expect(inspect.stdout).toMatch(/^Driver:\s+docker-container$/m)
    expect(inspect.stdout).toMatch(/^BuildKit version:\s+v0\.\d+\.\d+$/m)
    expect(inspect.stdout).toMatch(/^Platforms:.*linux\/arm64/m)

    const out = join(WORK, 'out')
    const build = await run(
      'docker',
      [
        'buildx',
        'build',
        '--builder',
        first,
        '--platform',
        BOTH,
        '--output',
        `type=local,dest=${out}`,
        '-',
      ],
      { input: 'FROM debian:bookworm-slim\nRUN uname -m > /machine\n', timeoutMs: 600_000 },
    )
    expect(build.code, build.stderr.slice(-3000)).toBe(0)
    expect(readFileSync(join(out, 'linux_amd64/machine'), 'utf8')).toBe('x86_64\n')
    expect(readFileSync(join(out, 'linux_arm64/machine'), 'utf8')).toBe('aarch64\n')
  })

  it('checks the example on both platforms, says the builder, and exports each platform’s cache under its own name', async () => {
    const res = await runCli(
      [
        EXAMPLE,
        '--builder',
        first,
        '--platforms',
        BOTH,
        '--cache-to',
        `type=local,dest=${LOCAL_CACHE}`,
        '--cache-to',
        `type=registry,ref=${REGISTRY_CACHE}`,
      ],
      { timeoutMs: 45 * 60_000 },
    )
    const [amd64] = passedOnContainerBuilder(res)
    expect(res.stderr).toMatch(
      new RegExp(
        `builder '${first}' \\(docker-container driver, BuildKit ${amd64!.host!.buildkit!.replace(/\./g, '\\.')}\\)`,
      ),
    )
    // The progress lines follow the docker-container driver's output as they do the docker driver's.
    expect(res.stderr).toMatch(/linux\/arm64: build: \[\d\/\d\] RUN pip install/)
    // One cache per platform, neither overwritten by the other.
    const index = JSON.parse(readFileSync(join(LOCAL_CACHE, 'index.json'), 'utf8')) as {
      manifests: Descriptor[]
    }
    const tags = index.manifests.map((m) => m.annotations?.['org.opencontainers.image.ref.name'])
    expect(tags).toEqual(
      expect.arrayContaining(['tf-multiarch-check-linux-amd64', 'tf-multiarch-check-linux-arm64']),
    )
    const [repo, tag] = REGISTRY_CACHE.slice(REGISTRY.length + 1).split(':') as [string, string]
    for (const p of ['linux-amd64', 'linux-arm64']) await manifest(repo, `${tag}-${p}`)
  })

  it.each([
    ['local', `type=local,src=${LOCAL_CACHE}`],
    ['registry', `type=registry,ref=${REGISTRY_CACHE}`],
  ])(
    'a fresh builder with only the %s cache skips the pip install on both platforms',
    async (kind, source) => {
      const fresh = await makeBuilder(`fresh-${kind}`)
      const res = await runCli(
        [EXAMPLE, '--builder', fresh, '--platforms', BOTH, '--cache-from', source, '-v'],
        { timeoutMs: 30 * 60_000 },
      )
      passedOnContainerBuilder(res)
      for (const [name] of MACHINES) expect(pipStep(res.stderr, name), name).toBe('CACHED')
      // Its state (the example's layers, both platforms) goes now, not at the end: disk is short.
      await run('docker', ['buildx', 'rm', '--force', fresh])
    },
  )

  it('a BuildKit container killed under a build: builder-lost at once, and the builder, started again, runs the next build', async () => {
    const builder = await makeBuilder('killed')
    const { cli, json } = await silentCheck(builder, 'killed')
    // Killed as the kernel's OOM killer kills it: not a docker stop, so buildx's restart policy
    // (unless-stopped) starts it again.
    const pid = (
      await docker(['inspect', '--format', '{{.State.Pid}}', containerOf(builder)])
    ).trim()
    const killedAt = Date.now()
    process.kill(Number(pid), 'SIGKILL')
    const res = await cli.done
    expect(Date.now() - killedAt).toBeLessThan(60_000)
    expect(res.code, res.stderr.slice(-3000)).toBe(1)
    const p = platform(JSON.parse(readFileSync(json, 'utf8')), 'linux/amd64')
    expect(p.stages.build).toMatchObject({ status: 'failed', cause: 'builder' })
    // What the engine or buildx saw first: the container gone or started again, or BuildKit in it
    // not answering yet (`error reading server preface: EOF`).
    expect(p.stages.build.reason).toMatch(
      new RegExp(
        `^the builder (lost its BuildKit container .*${containerOf(builder)} (exited|was started again)|could not be asked about its node ${builder}0 )`,
      ),
    )
    expect(p.diagnoses.map((d) => d.id)).toEqual(['builder-lost'])
    await builderRuns(builder)
  })

  it('a BuildKit container paused under a silent build: stopped at stall-minutes as builder-stalled, the next check refused at once', async () => {
    const builder = await makeBuilder('paused')
    const { cli, json } = await silentCheck(builder, 'paused', ['--stall-minutes', '0.1'])
    await docker(['pause', containerOf(builder)])
    const pausedAt = Date.now()
    const res = await cli.done
    // Not waited out: timeout-minutes is 10.
    expect(Date.now() - pausedAt).toBeLessThan(3 * 60_000)
    expect(res.code, res.stderr.slice(-3000)).toBe(1)
    expect(res.stderr).toMatch(/stopping the build now rather than wait out timeout-minutes/)
    const p = platform(JSON.parse(readFileSync(json, 'utf8')), 'linux/amd64')
    expect(p.stages.build).toMatchObject({ status: 'failed', cause: 'builder' })
    expect(p.diagnoses.map((d) => d.id)).toEqual(['builder-stalled'])
    expect(p.diagnoses[0]!.detail).toContain(
      `has its BuildKit container paused (${containerOf(builder)})`,
    )

    const again = await runCli(
      [fixture('stalled-step'), '--builder', builder, '--platforms', 'linux/amd64'],
      {
        timeoutMs: 60_000,
      },
    )
    expect(again.code).toBe(2)
    expect(again.stderr).toContain(`docker unpause ${containerOf(builder)}`)
    await docker(['unpause', containerOf(builder)])
    await builderRuns(builder)
  })

  describe('an image pushed with attestations', () => {
    const REPO = 'tfmc-e2e/attested'
    const REF = `${REGISTRY}/${REPO}:${ID}`
    /** What the checks pulled into the engine, by digest: removed when done. */
    const pulled: string[] = []
    const keepPulled = (res: CliRun): void => {
      for (const p of res.results?.platforms ?? []) if (p.source) pulled.push(p.source.pinned)
    }
    afterAll(async () => {
      if (pulled.length > 0) await run('docker', ['image', 'rm', '-f', ...pulled])
    })

    it('checks both platforms by reference, and never counts an attestation as a platform', async () => {
      await docker([
        'buildx',
        'build',
        '--builder',
        first,
        '--platform',
        BOTH,
        '--provenance=mode=max',
        '--sbom=true',
        '--push',
        '--tag',
        REF,
        EXAMPLE,
      ])
      const index = (await manifest(REPO, ID)).body as { manifests: Descriptor[] }
      const attestations = index.manifests.filter((m) => m.platform?.os === 'unknown')
      expect(attestations).toHaveLength(2)
      // Each holds a provenance and an SBOM of its own platform's filesystem.
      for (const [name] of MACHINES) {
        const sbom = await sbomOf(REPO, index.manifests, name)
        expect(sbom).toContain('pkg:pypi/tensorflow@')
        expect(sbom).toContain(`?arch=${name.split('/')[1]}`)
      }

      const res = await runCli(['--image', REF, '--platforms', BOTH], { timeoutMs: 20 * 60_000 })
      keepPulled(res)
      expect(res.code, res.stderr.slice(-4000)).toBe(0)
      expect(res.results!.platforms.map((p) => p.platform)).toEqual(['linux/amd64', 'linux/arm64'])
      for (const [name, machine] of MACHINES) {
        const p = platform(res.results, name)
        expect(p.passed).toBe(true)
        expect(p.environment.machine).toBe(machine)
      }

      const missing = await runCli(['--image', REF, '--platforms', 'linux/arm/v7'])
      expect(missing.code).toBe(1)
      const d = platform(missing.results, 'linux/arm/v7').diagnoses[0]!
      expect(d.id).toBe('image-platform-missing')
      expect(d.detail).toContain('it has linux/amd64, linux/arm64')
      expect(d.detail).not.toContain('unknown')
    })

    it('an index that claims linux/arm64 for its amd64 image fails linux/arm64 as wrong-architecture', async () => {
      const index = (await manifest(REPO, ID)).body as {
        manifests: Descriptor[]
        mediaType: string
      }
      const amd64 = index.manifests.find((m) => m.platform?.architecture === 'amd64')!
      const forged = {
        schemaVersion: 2,
        mediaType: index.mediaType,
        manifests: [{ ...amd64, platform: { os: 'linux', architecture: 'arm64' } }],
      }
      const put = await fetch(`http://${REGISTRY}/v2/${REPO}/manifests/forged-${ID}`, {
        method: 'PUT',
        headers: { 'content-type': index.mediaType },
        body: JSON.stringify(forged),
      })
      expect(put.status).toBe(201)
      const res = await runCli([
        '--image',
        `${REGISTRY}/${REPO}:forged-${ID}`,
        '--platforms',
        'linux/arm64',
      ])
      keepPulled(res)
      expect(res.code, res.stderr.slice(-3000)).toBe(1)
      const p = platform(res.results, 'linux/arm64')
      expect(p.passed).toBe(false)
      expect(p.diagnoses[0]!.id).toBe('wrong-architecture')
    })
  })
})
