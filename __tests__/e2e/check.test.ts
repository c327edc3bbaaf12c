import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderReport } from '../../src/report/markdown.js'
import type { Results } from '../../src/results/types.js'
import { GitHubStub } from '../support/github-server.js'
import { describeOnce, ENGINE, itOnce, makeContext, run } from './helpers.js'
import { fixture, platform, ROOT, runAction, runCli } from './runner.js'

// The check itself, end to end on the sandbox: the shipped CLI and action bundles, a real
// Docker engine, real QEMU and real TensorFlow wheels from the package index.

const EXAMPLE = join(ROOT, 'examples/tf-app')

async function imagesOfRun(): Promise<string[]> {
  const res = await run('docker', [
    'image',
    'ls',
    '--format',
    '{{.Repository}}:{{.Tag}}',
    'tf-multiarch-check',
  ])
  // In a set's order: the engine lists images of one second in no fixed order.
  return res.stdout.split('\n').filter(Boolean).sort()
}

describeOnce('installers other than pip', () => {
  it('uv, which does not read pip’s configuration, reaches the index and installs TensorFlow', async () => {
    const res = await runCli([fixture('uv-venv'), '--platforms', 'linux/amd64', '--no-train'])
    expect(res.code, res.stderr.slice(-3000)).toBe(0)
    const p = platform(res.results, 'linux/amd64')
    expect(p.environment).toMatchObject({
      tensorflow: '2.21.0',
      executable: '/opt/venv/bin/python',
    })
  })
})

describe('the bundled example', () => {
  it('passes import and training on linux/amd64 natively and linux/arm64 under QEMU', async () => {
    const before = await imagesOfRun()
    const res = await runCli([EXAMPLE, '--platforms', 'linux/amd64,linux/arm64'])
    expect(res.code, res.stderr.slice(-4000)).toBe(0)
    // Without a terminal: a progress line at each stage and build step, in order, per platform.
    for (const p of ['linux/amd64', 'linux/arm64']) {
      const progress = res.stderr
        .split('\n')
        .filter((l) => l.startsWith(`tf-multiarch-check: ${p}: `))
        .map((l) => l.slice(`tf-multiarch-check: ${p}: `.length))
        .filter((l) => /^(build|import|train|passed|failed)(: \[| \(still working|$)/.test(l))
      expect(progress[0]).toBe('build')
      expect(progress).toContain('build: [4/5] RUN pip install --no-cache-dir -r requirements.txt')
      // A stage silent for a minute (an import under QEMU on a loaded machine) adds a heartbeat.
      const stages = progress.filter((l) => !l.includes('(still working'))
      expect(stages.slice(-3)).toEqual(['import', 'train', 'passed'])
    }
    const r = res.results!
    expect(r.schemaVersion).toBe(1)
    expect(r.passed).toBe(true)
    const amd64 = platform(r, 'linux/amd64')
    const arm64 = platform(r, 'linux/arm64')
    expect(amd64).toMatchObject({ emulated: false, required: true, passed: true })
    expect(arm64).toMatchObject({ emulated: true, required: true, passed: true })
    // gpu-ready auto: a plain CPU image says nothing of GPUs.
    for (const p of r.platforms) expect(p.gpuReady ?? p.gpu ?? null).toBeNull()
    expect(res.stdout).not.toMatch(/GPU/)
    expect(renderReport(r)).not.toMatch(/GPU|CUDA/)
    expect(amd64.environment).toMatchObject({
      machine: 'x86_64',
      python: expect.stringMatching(/^3\.11\./),
      tensorflow: '2.21.0',
    })
    expect(arm64.environment).toMatchObject({
      machine: 'aarch64',
      python: expect.stringMatching(/^3\.11\./),
      tensorflow: '2.21.0',
    })
    // The proof behind each pass: the image declares the platform, and the interpreter that ran
    // is a binary of it.
    expect([amd64.image?.architecture, amd64.environment.interpreter]).toEqual(['amd64', 'amd64'])
    expect([arm64.image?.architecture, arm64.environment.interpreter]).toEqual(['arm64', 'arm64'])
    expect(arm64.emulationSlowdown?.native).toBe('linux/amd64')
    // Where it was proven: the sandbox engine this run targets, and the QEMU behind arm64.
    const store = process.env.TFMC_ENGINE === 'containerd' ? 'containerd' : 'classic'
    for (const p of [amd64, arm64]) {
      expect(p.host).toMatchObject({
        engine: expect.stringMatching(/^28\.5\./),
        buildx: '0.29.1',
        driver: 'docker',
        imageStore: store,
      })
    }
    expect(arm64.host?.qemu).toMatch(/^\d+\.\d+/)
    expect(res.stdout + res.stderr).toContain(`(${store} image store)`)
    for (const p of [amd64, arm64]) {
      expect(p.stages.build.status).toBe('passed')
      expect(p.stages.import.status).toBe('passed')
      expect(p.stages.train.status).toBe('passed')
      expect(p.training!.steps).toBeGreaterThan(0)
      expect(p.training!.loss.length).toBeGreaterThan(0)
      expect(p.training!.loss.every(Number.isFinite)).toBe(true)
      expect(p.training!.examplesPerSecond).toBeGreaterThan(0)
      expect(p.environment.numpy).toMatch(/^\d+\./)
      expect(p.environment.keras).toMatch(/^3\./)
      // What the image would run by itself is recorded, not executed.
      expect(p.image?.cmd).toEqual(['python', 'train.py'])
      expect(p.image?.workingDir).toBe('/app')
    }
    expect(res.stdout).toMatch(/linux\/arm64\s+qemu\s+passed/)
    // The CLI removes the images it built.
    expect(await imagesOfRun()).toEqual(before)
  })
})

describeOnce('classic failures', () => {
  it('tensorflow-macos fails at build on both platforms and fails the check', async () => {
    const res = await runCli([fixture('tensorflow-macos')])
    expect(res.code, res.stderr.slice(-3000)).toBe(1)
    for (const name of ['linux/amd64', 'linux/arm64']) {
      const p = platform(res.results, name)
      expect(p.passed).toBe(false)
      expect(p.stages.build.status).toBe('failed')
      expect(p.stages.build.log).toMatch(/tensorflow-macos/)
      expect(p.diagnoses[0]).toMatchObject({ id: 'macos-only-package', line: 4 })
      expect(p.stages.import.status).toBe('skipped')
      expect(p.stages.train.status).toBe('skipped')
    }
    expect(res.stdout).toMatch(/TensorFlow fails on linux\/amd64, linux\/arm64/)
  })

  it('TensorFlow in a venv the image does not use: builds, then fails at import', async () => {
    const res = await runCli([fixture('venv-not-on-path')])
    expect(res.code, res.stderr.slice(-3000)).toBe(1)
    for (const name of ['linux/amd64', 'linux/arm64']) {
      const p = platform(res.results, name)
      expect(p.stages.build.status).toBe('passed')
      expect(p.stages.import.status).toBe('failed')
      expect(p.stages.import.log).toContain("ModuleNotFoundError: No module named 'tensorflow'")
      expect(p.stages.import.exitCode).toBe(3)
      expect(p.stages.train.status).toBe('skipped')
      expect(p.environment.executable).toBe('/usr/bin/python')
      expect(p.diagnoses[0]).toMatchObject({
        id: 'venv-not-on-path',
        file: '__fixtures__/projects/venv-not-on-path/Dockerfile',
        line: 6,
      })
    }
  })

  it('tensorflow-cpu: amd64 passes, arm64 fails at build; optional arm64 does not fail the check', async () => {
    const strict = await runCli([fixture('tensorflow-cpu'), '--no-train'])
    expect(strict.code, strict.stderr.slice(-3000)).toBe(1)
    expect(platform(strict.results, 'linux/amd64').passed).toBe(true)
    expect(platform(strict.results, 'linux/arm64').stages.build.status).toBe('failed')
    expect(platform(strict.results, 'linux/arm64').stages.build.log).toMatch(/tensorflow-cpu/)
    expect(platform(strict.results, 'linux/arm64').diagnoses[0]).toMatchObject({
      id: 'no-wheel-for-platform',
      line: 4,
    })
    expect(platform(strict.results, 'linux/amd64').diagnoses).toEqual([])

    const lenient = await runCli([
      fixture('tensorflow-cpu'),
      '--no-train',
      '--required-platforms',
      'linux/amd64',
    ])
    expect(lenient.code, lenient.stderr.slice(-3000)).toBe(0)
    expect(lenient.results!.passed).toBe(true)
    const arm64 = platform(lenient.results, 'linux/arm64')
    expect(arm64).toMatchObject({ required: false, passed: false })
    const amd64 = platform(lenient.results, 'linux/amd64')
    expect(amd64).toMatchObject({ required: true, passed: true })
    expect(amd64.stages.train).toMatchObject({ status: 'skipped', reason: 'train is false' })
    expect(lenient.stdout).toMatch(/not required, failing: linux\/arm64/)
  })
})

describe('the action as the runner runs it', () => {
  // The docker driver of the containerd store (Docker 29's default) exports caches: not refused.
  it.skipIf(ENGINE !== 'containerd')(
    'lets the docker driver of the containerd store export a local cache, under the platform’s own tag',
    async () => {
      const dest = join(mkdtempSync(join(tmpdir(), 'tfmc-cache-')), 'cache')
      const context = makeContext({
        Dockerfile: `FROM debian:bookworm-slim\nRUN echo ${Date.now()} > /x\n`,
      })
      const res = await runCli([
        context,
        '--platforms',
        'linux/amd64',
        '--cache-to',
        `type=local,dest=${dest}`,
      ])
      // No Python in that image: the build passes and exports, the import fails.
      expect(
        platform(res.results, 'linux/amd64').stages.build.status,
        res.stderr.slice(-3000),
      ).toBe('passed')
      const index = JSON.parse(readFileSync(join(dest, 'index.json'), 'utf8')) as {
        manifests: { annotations?: Record<string, string> }[]
      }
      expect(
        index.manifests.map((m) => m.annotations?.['org.opencontainers.image.ref.name']),
      ).toContain('tf-multiarch-check-linux-amd64')
    },
  )

  itOnce(
    'refuses a type=gha cache export on the docker driver of the classic store before building anything',
    async () => {
      const before = await imagesOfRun()
      const main = await runAction(
        { context: 'examples/tf-app', 'cache-to': 'type=gha,mode=max' },
        { cwd: ROOT },
      )
      expect(main.code).toBe(1)
      expect(main.stdout).toMatch(
        /::error::cache-to: builder 'default' uses the docker driver on the classic image store, which cannot export gha cache/,
      )
      expect(main.stdout).not.toMatch(/#\d+ \[internal\] load build definition/)
      expect(await imagesOfRun()).toEqual(before)
    },
  )

  it('checks the example, sets its outputs and job summary, and its post step removes the images', async () => {
    const main = await runAction(
      { platforms: 'linux/amd64\nlinux/arm64', context: 'examples/tf-app' },
      { cwd: ROOT },
    )
    expect(main.code, main.stdout.slice(-4000)).toBe(0)
    // Both platforms at once by default: each output line says whose it is.
    expect(main.stdout).toMatch(/^\[linux\/arm64\] #\d+ /m)
    expect(main.stdout).toMatch(/^\[linux\/amd64\] #\d+ /m)
    expect(main.stdout).toContain('linux/arm64: emulated (QEMU aarch64')
    expect(main.outputs.passed).toBe('true')
    expect(main.outputs['failed-platforms']).toBe('')
    const results = JSON.parse(main.outputs.results!) as Results
    expect(results.platforms.map((p) => [p.platform, p.passed, p.environment.machine])).toEqual([
      ['linux/amd64', true, 'x86_64'],
      ['linux/arm64', true, 'aarch64'],
    ])
    expect(results.dockerfile).toBe('examples/tf-app/Dockerfile')
    expect(main.summary).toContain('| `linux/arm64` | QEMU | ✅ passed')
    expect(main.outputs['results-file']).toMatch(/results\.json$/)
    expect(main.outputs.report).toMatch(/report\.md$/)

    const runId = main.state['run-id']!
    expect(runId).toMatch(/^[a-z0-9-]+$/)
    expect(await imagesOfRun()).toContain(`tf-multiarch-check:${runId}-linux-arm64`)

    const post = await runAction({}, { cwd: ROOT, state: main.state })
    expect(post.code, post.stdout).toBe(0)
    expect(post.stdout).toMatch(/removed 0 container\(s\) and 2 image\(s\)/)
    expect((await imagesOfRun()).join('\n')).not.toContain(runId)

    // A second post step finds nothing left and still succeeds.
    const again = await runAction({}, { cwd: ROOT, state: main.state })
    expect(again.code).toBe(0)
    expect(again.stdout).toMatch(/removed 0 container\(s\) and 0 image\(s\)/)
  })

  it('on a pull request: fails the step naming the platform, comments and sets statuses on the head commit', async () => {
    const stub = await new GitHubStub().start()
    try {
      const main = await runAction(
        {
          context: '__fixtures__/projects/tensorflow-macos',
          train: 'false',
          'github-token': 'ghs_e2eTOKEN',
          'max-parallel': '1',
        },
        {
          cwd: ROOT,
          env: {
            GITHUB_EVENT_NAME: 'pull_request',
            GITHUB_EVENT_PATH: join(ROOT, '__fixtures__/events/pull_request.json'),
            GITHUB_API_URL: stub.url,
            GITHUB_REPOSITORY: 'acme/ml-service',
            GITHUB_RUN_ID: '4242',
          },
        },
      )
      expect(main.code).toBe(1)
      // One platform at a time: each stage is a group in the log.
      expect(main.stdout).toContain('::group::linux/arm64 · build (QEMU)')
      expect(main.stdout).toMatch(/::error::TensorFlow check failed on linux\/amd64, linux\/arm64/)
      expect(main.outputs.passed).toBe('false')
      expect(main.outputs['failed-platforms']).toBe('linux/amd64,linux/arm64')
      expect(stub.statuses.map((x) => [x.sha, x.context, x.state])).toEqual([
        ['a1b2c3d4e5f60718293a4b5c6d7e8f9012345678', 'tf-multiarch-check / linux/amd64', 'failure'],
        ['a1b2c3d4e5f60718293a4b5c6d7e8f9012345678', 'tf-multiarch-check / linux/arm64', 'failure'],
      ])
      const [comment] = stub.comments.get(42) ?? []
      expect(comment?.body).toMatch(/^<!-- tf-multiarch-check -->/)
      expect(comment?.body).toContain('tensorflow-macos')
      await runAction({}, { cwd: ROOT, state: main.state })
    } finally {
      await stub.stop()
    }
  })
})
