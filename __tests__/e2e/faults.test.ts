import { randomBytes } from 'node:crypto'
import {
  appendFileSync,
  copyFileSync,
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { type AddressInfo, createServer, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import type { Results } from '../../src/results/types.js'
import { GitHubStub } from '../support/github-server.js'
import { describeOnce, run, start, type Started } from './helpers.js'
import { CLI, fixture, platform, ROOT, runAction } from './runner.js'

// Faults, isolation and token hygiene, on the real sandbox: Ctrl-C, a Docker engine killed in
// the middle of a build, two checks at once on one machine, and an image that looks for the
// GitHub token everywhere it can.

const EXAMPLE = join(ROOT, 'examples/tf-app')
const SANDBOX = join(ROOT, 'scripts/sandbox.sh')
const RUN_LABEL = 'org.tf-multiarch-check.run'

const lines = (text: string): string[] => text.split('\n').filter(Boolean)

/** The images and containers of one run, by its label and by its names. */
async function leftovers(runId: string): Promise<{ images: string[]; containers: string[] }> {
  const images = await run('docker', [
    'image',
    'ls',
    '--format',
    '{{.Repository}}:{{.Tag}} {{.ID}}',
    '--filter',
    `label=${RUN_LABEL}=${runId}`,
  ])
  const tagged = await run('docker', ['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}'])
  const containers = await run('docker', ['container', 'ls', '-a', '--format', '{{.Names}}'])
  return {
    images: [...lines(images.stdout), ...lines(tagged.stdout).filter((t) => t.includes(runId))],
    containers: lines(containers.stdout).filter((n) => n.includes(runId)),
  }
}

/** Processes whose command line contains the pattern (a run id, a build step's sleep). */
async function processesOf(pattern: string): Promise<string[]> {
  return lines((await run('pgrep', ['-af', pattern])).stdout)
}

async function until(what: string, ok: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`${what}: not within ${timeoutMs} ms`)
    await sleep(500)
  }
}

async function runIdOf(cli: Started): Promise<string> {
  const line = await cli.waitFor(/tf-multiarch-check: run [a-z0-9-]+:/, 60_000)
  return /run ([a-z0-9-]+):/.exec(line)![1]!
}

function jsonPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'tfmc-faults-')), 'results.json')
}

/** Digits: the slow build sleeps 87.<nonce> seconds, so its process is findable by name. */
const nonce = (): string => `${process.pid}${Date.now()}`

/** The CLI on a project whose build step sleeps 87.<n> seconds, its output streamed. */
function slowBuild(n: string, args: string[]): Started {
  return start(process.execPath, [
    CLI,
    fixture('slow-build'),
    '--verbose',
    '--build-arg',
    `NONCE=${n}`,
    ...args,
  ])
}

describe('Ctrl-C on the CLI', () => {
  it('during the import: exit 130 within seconds; the container, the image and the docker clients are gone', async () => {
    const cli = start(process.execPath, [
      CLI,
      fixture('hang-on-import'),
      '--platforms',
      'linux/amd64',
      '--verbose',
    ])
    const runId = await runIdOf(cli)
    await cli.waitFor(/linux\/amd64: build passed/, 10 * 60_000)
    await until(
      'the check container is running',
      async () => (await leftovers(runId)).containers.length === 1,
      60_000,
    )
    await sleep(2000)
    const at = Date.now()
    cli.signal('SIGINT')
    const res = await cli.done
    expect(res.code, res.stderr.slice(-3000)).toBe(130)
    expect(res.stderr).toContain('interrupted; stopping builds and containers')
    expect(res.endedAt - at).toBeLessThan(30_000)
    expect(await leftovers(runId)).toEqual({ images: [], containers: [] })
    expect(await processesOf(runId)).toEqual([])
  })

  it('during the build: exit 130; the build step is stopped and nothing of the run is left', async () => {
    const n = nonce()
    const cli = slowBuild(n, ['--platforms', 'linux/amd64'])
    const runId = await runIdOf(cli)
    await cli.waitFor(new RegExp(`slow build ${n} started`), 10 * 60_000)
    await until(
      'the RUN step is running',
      async () => (await processesOf(`sleep 87.${n}`)).length === 1,
      30_000,
    )
    const at = Date.now()
    cli.signal('SIGINT')
    const res = await cli.done
    expect(res.code, res.stderr.slice(-3000)).toBe(130)
    expect(res.endedAt - at).toBeLessThan(30_000)
    expect(res.stderr).toMatch(/\[linux\/amd64\] #\d+ CANCELED/)
    // BuildKit cancels the step when its client goes: its process ends.
    await until(
      'the RUN step is stopped',
      async () => (await processesOf(`sleep 87.${n}`)).length === 0,
      30_000,
    )
    expect(await leftovers(runId)).toEqual({ images: [], containers: [] })
    expect(await processesOf(runId)).toEqual([])
  })
})

/** A trivial build right after: a wedged builder would never get past "load build definition". */
async function trivialBuildRuns(): Promise<void> {
  const at = Date.now()
  const res = await run(
    'docker',
    ['buildx', 'build', '--progress', 'plain', '--output', 'type=cacheonly', '-'],
    { input: 'FROM scratch\n', timeoutMs: 60_000 },
  )
  expect(res.code, res.stderr.slice(-2000)).toBe(0)
  expect(Date.now() - at).toBeLessThan(30_000)
}

/** The CLI on a project written for one test, its output streamed. */
function checkProject(
  files: Record<string, string>,
  args: string[],
): { cli: Started; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tfmc-cancel-'))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return { dir, cli: start(process.execPath, [CLI, dir, '--verbose', ...args]) }
}

/** Where in the output the CLI said it was interrupted, and where a later phase began. */
function before(stderr: string, first: string, later: RegExp): void {
  const at = stderr.indexOf(first)
  const m = later.exec(stderr)
  expect(at, stderr.slice(-3000)).toBeGreaterThan(0)
  if (m) expect(at, stderr.slice(-3000)).toBeLessThan(m.index)
}

const INTERRUPTED = 'interrupted; stopping builds and containers'

describe('cancelled in each phase of a build, the builder takes the next build at once', () => {
  it('while the context uploads', async () => {
    const { dir, cli } = checkProject(
      { Dockerfile: 'FROM python:3.11-slim\nCOPY data.bin /tmp/data.bin\nRUN echo copied\n' },
      ['--platforms', 'linux/amd64'],
    )
    try {
      // 2 GB of random bytes (which do not compress): BuildKit reports the transfer every 5 s.
      for (let i = 0; i < 32; i++) appendFileSync(join(dir, 'data.bin'), randomBytes(64 << 20))
      await cli.waitFor(/transferring context: [\d.]+[kMG]B [\d.]+s$/, 180_000)
      cli.signal('SIGINT')
      const res = await cli.done
      expect(res.code, res.stderr.slice(-3000)).toBe(130)
      before(res.stderr, INTERRUPTED, /transferring context: [\d.]+[kMG]B [\d.]+s done/)
      await trivialBuildRuns()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('while the base image is resolved (a registry that never answers)', async () => {
    const sockets: Socket[] = []
    const silent = createServer((s) => void sockets.push(s))
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r))
    const port = (silent.address() as AddressInfo).port
    try {
      const { cli } = checkProject({ Dockerfile: `FROM 127.0.0.1:${port}/slow/python:3.11\n` }, [
        '--platforms',
        'linux/arm64',
      ])
      await cli.waitFor(new RegExp(`load metadata for 127.0.0.1:${port}/slow/python:3.11`), 120_000)
      await sleep(2000)
      cli.signal('SIGINT')
      const res = await cli.done
      expect(res.code, res.stderr.slice(-3000)).toBe(130)
      before(res.stderr, INTERRUPTED, /\[1\/1\] FROM/)
      await trivialBuildRuns()
    } finally {
      for (const s of sockets) s.destroy()
      silent.close()
    }
  })

  it('while a RUN step runs under QEMU', async () => {
    const n = nonce()
    const cli = slowBuild(n, ['--platforms', 'linux/arm64'])
    await cli.waitFor(new RegExp(`slow build ${n} started`), 10 * 60_000)
    cli.signal('SIGINT')
    const res = await cli.done
    expect(res.code, res.stderr.slice(-3000)).toBe(130)
    await until(
      'the RUN step is stopped',
      async () => (await processesOf(`sleep 87.${n}`)).length === 0,
      30_000,
    )
    await trivialBuildRuns()
  })
})

describeOnce('a build that stops making progress', () => {
  it('is said to be silent at once, fails as builder-stalled with its step at the timeout, and leaves the builder ready', async () => {
    const json = jsonPath()
    const res = await run(
      process.execPath,
      [
        CLI,
        fixture('stalled-step'),
        '--platforms',
        'linux/amd64',
        '--build-arg',
        `NONCE=${nonce()}`,
        '--stall-minutes',
        '0.1',
        '--timeout',
        '0.5',
        '--json',
        json,
      ],
      { timeoutMs: 5 * 60_000 },
    )
    expect(res.code, res.stderr.slice(-3000)).toBe(1)
    expect(res.stderr).toMatch(
      /linux\/amd64: the build has printed nothing for \d+ s at \[2\/2\] RUN echo "waiting \d+" && mkfifo \/tmp\/never && cat \/tmp\/never; the Docker engine still answers/,
    )
    const p = platform(JSON.parse(readFileSync(json, 'utf8')) as Results, 'linux/amd64')
    expect(p.stages.build.status).toBe('timed-out')
    expect(p.stages.build.reason).toMatch(/^no output for \d+ s at \[2\/2\] RUN echo/)
    expect(p.diagnoses.map((d) => d.id)).toEqual(['builder-stalled'])
    expect(p.diagnoses[0]!.detail).toContain('mkfifo /tmp/never && cat /tmp/never')
    await trivialBuildRuns()
  })
})

describe('a Docker engine killed in the middle of a build', () => {
  it('fails every platform with docker-engine-lost, reports them all, and does not hang', async () => {
    const status = await run('bash', [SANDBOX, 'status'])
    const engine = process.env.TFMC_ENGINE ?? 'classic'
    const pid = new RegExp(
      `^engine ${engine}: running, .*\\(pid (\\d+), started by this script\\)`,
      'm',
    ).exec(status.stdout)?.[1]
    if (!pid) {
      throw new Error(
        `this test kills the sandbox's own ${engine} engine, and the running one was not started by scripts/sandbox.sh:\n${status.stdout}`,
      )
    }
    const n = nonce()
    const json = jsonPath()
    const cli = slowBuild(n, [
      '--platforms',
      'linux/amd64,linux/arm64',
      '--max-parallel',
      '1',
      '--json',
      json,
    ])
    let res
    let at: number
    try {
      await cli.waitFor(new RegExp(`slow build ${n} started`), 10 * 60_000)
      process.kill(Number(pid), 'SIGKILL')
      at = Date.now()
      const hung = sleep(3 * 60_000).then(() => {
        cli.signal('SIGKILL')
        throw new Error('the CLI still ran 3 minutes after the engine was killed')
      })
      res = await Promise.race([cli.done, hung])
    } finally {
      // The killed engine leaves its build step behind as an orphan.
      await run('pkill', ['-f', `sleep 87.${n}`])
      const up = await run('bash', [SANDBOX, 'up'])
      expect(up.code, up.stderr.slice(-3000)).toBe(0)
    }
    expect(res.code, res.stderr.slice(-3000)).toBe(1)
    expect(res.endedAt - at).toBeLessThan(60_000)
    const results = JSON.parse(readFileSync(json, 'utf8')) as Results
    for (const name of ['linux/amd64', 'linux/arm64']) {
      const p = platform(results, name)
      expect(p.passed).toBe(false)
      expect(p.stages.build.status).toBe('failed')
      expect(p.stages.import.status).toBe('skipped')
      expect(p.diagnoses[0]!.id, JSON.stringify(p.diagnoses)).toBe('docker-engine-lost')
    }
    const amd64 = platform(results, 'linux/amd64')
    expect(amd64.diagnoses[0]!.detail, amd64.stages.build.log).toMatch(/"ERROR: .*Unavailable/)
    expect(res.stdout).toMatch(/linux\/amd64: .*The Docker engine went away/)
    expect(res.stdout).toMatch(/linux\/arm64: .*The Docker engine went away/)
    // The engine is back, and the run left nothing in it.
    expect((await run('docker', ['version', '--format', '{{.Server.Version}}'])).code).toBe(0)
    const runId = /run ([a-z0-9-]+):/.exec(res.stderr)![1]!
    expect(await leftovers(runId)).toEqual({ images: [], containers: [] })
  })
})

describe('two checks of the same repository at once', () => {
  it('on one runner, in one workflow run: own tags, own files, and each post step removes only its own images', async () => {
    const shared = mkdtempSync(join(tmpdir(), 'tfmc-shared-runner-'))
    const opts = { cwd: ROOT, runnerTemp: shared, env: { GITHUB_RUN_ID: '777' } }
    const inputs = { context: 'examples/tf-app', platforms: 'linux/amd64' }
    const [a, b] = await Promise.all([runAction(inputs, opts), runAction(inputs, opts)])
    expect(a.code, a.stdout.slice(-3000)).toBe(0)
    expect(b.code, b.stdout.slice(-3000)).toBe(0)
    const ids = [a.state['run-id']!, b.state['run-id']!]
    expect(ids[0]).toMatch(/^777-1-[0-9a-f]{8}$/)
    expect(ids[1]).toMatch(/^777-1-[0-9a-f]{8}$/)
    expect(ids[0]).not.toBe(ids[1])
    expect(a.outputs['results-file']).not.toBe(b.outputs['results-file'])
    for (const r of [a, b]) {
      const results = JSON.parse(readFileSync(r.outputs['results-file']!, 'utf8')) as Results
      expect(results.passed).toBe(true)
    }
    const tag = (id: string): string => `tf-multiarch-check:${id}-linux-amd64`
    expect((await leftovers(ids[0]!)).images).toContain(tag(ids[0]!))
    expect((await leftovers(ids[1]!)).images).toContain(tag(ids[1]!))

    const postA = await runAction({}, { ...opts, state: a.state })
    expect(postA.stdout).toMatch(/removed 0 container\(s\) and 1 image\(s\)/)
    expect((await leftovers(ids[0]!)).images).toEqual([])
    expect((await leftovers(ids[1]!)).images).toContain(tag(ids[1]!))
    const postB = await runAction({}, { ...opts, state: b.state })
    expect(postB.stdout).toMatch(/removed 0 container\(s\) and 1 image\(s\)/)
    expect((await leftovers(ids[1]!)).images).toEqual([])
  })
})

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile())
}

describeOnce('isolation and token hygiene', () => {
  it('an image that prints its whole environment, in the build and in the check, finds no token; the container is locked down', async () => {
    const token = `ghs_tfmc${randomBytes(12).toString('hex')}`
    const project = mkdtempSync(join(tmpdir(), 'tfmc-hostile-'))
    cpSync(fixture('hostile-env'), project, { recursive: true })
    copyFileSync(join(EXAMPLE, 'requirements.txt'), join(project, 'requirements.txt'))
    const stub = await new GitHubStub().start()
    const env = {
      GITHUB_TOKEN: token,
      GH_TOKEN: token,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: join(ROOT, '__fixtures__/events/pull_request.json'),
      GITHUB_API_URL: stub.url,
      GITHUB_REPOSITORY: 'acme/ml-service',
      GITHUB_RUN_ID: '4243',
    }
    const inputs = {
      platforms: 'linux/amd64',
      'github-token': token,
      'build-args': `NONCE=${nonce()}`,
    }
    try {
      const main = await runAction(inputs, { cwd: project, env })
      expect(main.code, main.stdout.slice(-4000)).toBe(0)

      // The image really looked: in the build, and in the check's container.
      expect(main.stdout).toContain('hostile: build args GITHUB_TOKEN=unset GH_TOKEN=unset')
      expect(main.stdout).toMatch(/hostile-build-env: PATH=/)
      expect(main.stdout).toMatch(/hostile-env: HOME=\/home\/probe/)
      // Its own user, no capabilities, no privilege gain, 4 GiB, 4096 processes, no network.
      expect(main.stdout).toContain(
        'hostile-probe: uid=4321 CapEff=0000000000000000 NoNewPrivs=1 memory=4294967296 pids=4096 net=lo',
      )

      // The token was used, and masked.
      expect(stub.requests.length).toBeGreaterThan(0)
      expect(stub.requests.every((r) => r.authorization?.endsWith(token))).toBe(true)
      expect(lines(main.stdout).filter((l) => l.includes(token))).toEqual([`::add-mask::${token}`])
      // And it is nowhere else: not in the logs, the outputs, the state, the summary, the
      // results or the report, the comment or the statuses, the image.
      expect(main.stderr).not.toContain(token)
      const files = filesUnder(main.dir)
      expect(files.some((f) => f.endsWith('results.json'))).toBe(true)
      expect(files.some((f) => f.endsWith('report.md'))).toBe(true)
      for (const f of files) expect(readFileSync(f, 'utf8'), f).not.toContain(token)
      expect(Object.values(main.outputs).join('\n')).toMatch(/linux\/amd64/)
      expect(stub.comments.get(42)?.length).toBe(1)
      expect(stub.statuses.length).toBe(1)
      const sent = JSON.stringify(stub.requests.map(({ authorization: _a, ...r }) => r))
      expect(sent).not.toContain(token)
      const image = `tf-multiarch-check:${main.state['run-id']}-linux-amd64`
      const inspect = await run('docker', ['image', 'inspect', image])
      expect(inspect.code).toBe(0)
      expect(inspect.stdout).not.toContain(token)
      const history = await run('docker', ['history', '--no-trunc', image])
      expect(history.stdout).toContain('hostile: build args')
      expect(history.stdout).not.toContain(token)

      const post = await runAction(inputs, { cwd: project, env, state: main.state })
      expect(post.code).toBe(0)
      expect(
        lines(post.stdout).filter((l) => l.includes(token) && !l.startsWith('::add-mask::')),
      ).toEqual([])
    } finally {
      await stub.stop()
    }
  })
})
