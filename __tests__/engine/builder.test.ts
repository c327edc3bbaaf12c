import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { BuilderInfo } from '../../src/docker/builder.js'
import type { ContainerState } from '../../src/docker/containers.js'
import type { RunOptions } from '../../src/docker/exec.js'
import { runCheck } from '../../src/engine/check.js'
import { parseOptions } from '../../src/config/check.js'
import { EnvironmentError } from '../../src/errors.js'
import { okOn, quiet, result } from '../support/engine.js'
import { EXITED, fakeDocker, type Script } from '../support/docker.js'
import { fixturePath } from '../support/fixtures.js'

// A docker-container builder (setup-buildx-action's default) runs BuildKit in a container of its
// own, which can be killed, paused or wedged while the engine answers on. The answers here are
// the sandbox's: its BuildKit container killed under a build (logs/buildkit-killed.log), and
// `docker buildx inspect` of that builder before and after it booted.

const BUILDER: BuilderInfo = {
  name: 'ci',
  driver: 'docker-container',
  platforms: ['linux/amd64', 'linux/arm64'],
  nodes: [{ name: 'ci0', status: 'running', buildkit: '0.25.2', error: null }],
}
const CONTAINER = 'buildx_buildkit_ci0'
const RUNNING: ContainerState = {
  ...EXITED,
  running: true,
  startedAt: '2026-12-07T17:00:00.000000000Z',
}
const STEP = '#8 [2/2] RUN pip install tensorflow'

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tfmc-builder-'))
  writeFileSync(join(dir, 'Dockerfile'), 'FROM python:3.11-slim\nRUN pip install tensorflow\n')
  return dir
}

/** A build that goes silent at a RUN step: stopped by the check, or on until its timeout. */
async function silentBuild(_spec: unknown, opts: RunOptions) {
  opts.onLine?.(STEP, 'stderr')
  opts.idle?.onIdle()
  const stopped = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), 300)
    opts.signal?.addEventListener('abort', () => {
      clearTimeout(timer)
      resolve(true)
    })
  })
  return stopped
    ? result({ exitCode: null, signal: 'SIGTERM', aborted: true, tail: [STEP] })
    : result({ exitCode: null, signal: 'SIGKILL', timedOut: true, tail: [STEP] })
}

async function check(script: Script, extra: Record<string, string> = {}) {
  const warnings: string[] = []
  const docker = fakeDocker({
    builder: BUILDER,
    container: () => result({ tail: okOn('x86_64') }),
    containerState: (name) => (name === CONTAINER ? RUNNING : EXITED),
    ...script,
  })
  const opts = parseOptions(
    { context: project(), platforms: 'linux/amd64', builder: 'ci', train: 'false', ...extra },
    '/',
  )
  const results = await runCheck(opts, {
    docker,
    log: { ...quiet, warning: (m) => void warnings.push(m) },
    runId: 'r-builder',
    hostArch: 'amd64',
    readBinfmt: async () => [],
  })
  return { p: results.platforms[0]!, warnings, docker }
}

describe('a docker-container builder', () => {
  it('records its driver and BuildKit version, read again once the probe has booted it', async () => {
    let inspected = 0
    const { p } = await check({
      builder: () =>
        ++inspected === 1
          ? {
              ...BUILDER,
              nodes: [{ name: 'ci0', status: 'inactive', buildkit: null, error: null }],
            }
          : BUILDER,
      build: () => result(),
    })
    expect(inspected).toBe(2)
    expect(p.passed).toBe(true)
    expect(p.host).toMatchObject({ driver: 'docker-container', buildkit: '0.25.2' })
  })

  it('is refused at once when its BuildKit container is paused', async () => {
    const run = check({ containerState: () => ({ ...RUNNING, paused: true }) })
    await expect(run).rejects.toThrow(EnvironmentError)
    await expect(run).rejects.toThrow(`docker unpause ${CONTAINER}`)
  })

  it.each([
    [
      'paused',
      { containerState: () => ({ ...RUNNING, paused: true }) },
      /has its BuildKit container paused/,
    ],
    [
      'not answering',
      { askBuilder: () => null },
      /did not answer docker buildx inspect within 30 s/,
    ],
  ] as const)(
    'silent, with its BuildKit %s: the build is stopped then, not waited out, and fails as builder-stalled',
    async (_what, down, said) => {
      let paused = false
      const { p, warnings } = await check(
        {
          build: (spec, opts) => {
            paused = true
            return silentBuild(spec, opts)
          },
          // Paused only once the build runs: the preflight found it running.
          containerState: (name) =>
            name === CONTAINER && paused && 'containerState' in down
              ? down.containerState()
              : name === CONTAINER
                ? RUNNING
                : EXITED,
          ...('askBuilder' in down ? { askBuilder: () => (paused ? null : BUILDER) } : {}),
        },
        { 'stall-minutes': '0.5' },
      )
      expect(p.passed).toBe(false)
      expect(p.stages.build).toMatchObject({ status: 'failed', cause: 'builder' })
      expect(p.stages.build.reason).toMatch(said)
      expect(p.diagnoses.map((d) => d.id)).toEqual(['builder-stalled'])
      expect(p.diagnoses[0]!.detail).toMatch(said)
      expect(p.diagnoses[0]!.detail).toContain('"[2/2] RUN pip install tensorflow"')
      expect(p.diagnoses[0]!.fix).toContain('docker buildx stop ci')
      expect(warnings.find((w) => w.includes('stopping the build now'))).toMatch(said)
    },
  )

  it('silent while BuildKit answers: the build runs on to its timeout, as on the docker driver', async () => {
    const { p, warnings } = await check({ build: silentBuild }, { 'stall-minutes': '0.5' })
    expect(p.stages.build).toMatchObject({ status: 'timed-out', cause: 'timeout' })
    expect(p.diagnoses.map((d) => d.id)).toEqual(['builder-stalled'])
    expect(warnings.join('\n')).toMatch(/the Docker engine still answers/)
  })

  // Killed and left exited (docker kill), or killed and started again by buildx's restart
  // policy (unless-stopped: an out-of-memory kill), before the client's error reaches the check.
  it.each([
    ['exited', { ...EXITED, exitCode: 137 }, `${CONTAINER} exited with code 137`],
    [
      'restarted',
      { ...RUNNING, startedAt: '2026-12-07T17:09:41.5Z', oomKilled: true },
      `${CONTAINER} was started again at 2026-12-07T17:09:41.5Z, killed for using too much memory`,
    ],
  ] as const)(
    'its BuildKit container killed under a build, then %s: builder-lost, not the engine, not the image',
    async (_how, after, said) => {
      const killed = readFileSync(fixturePath('logs/buildkit-killed.log'), 'utf8')
        .trimEnd()
        .split('\n')
      let built = false
      const { p } = await check({
        build: () => {
          built = true
          return result({ exitCode: 1, tail: killed })
        },
        containerState: (name) => (name !== CONTAINER ? EXITED : built ? after : RUNNING),
      })
      expect(p.stages.build).toMatchObject({ status: 'failed', cause: 'builder' })
      expect(p.stages.build.reason).toContain(said)
      expect(p.diagnoses.map((d) => d.id)).toEqual(['builder-lost'])
      expect(p.diagnoses[0]!.fix).toContain('docker buildx stop ci')
    },
  )

  // Gone when the build failed, or while the builder was being asked (it answered once after).
  it.each([
    ['gone', 0],
    ['going while the builder is asked', 1],
  ])(
    'the same lines with the engine %s: docker-engine-lost, the builder not blamed',
    async (_when, answers) => {
      const killed = readFileSync(fixturePath('logs/buildkit-killed.log'), 'utf8')
        .trimEnd()
        .split('\n')
      let built = false
      const docker = fakeDocker({
        builder: BUILDER,
        containerState: (name) => (name === CONTAINER && !built ? RUNNING : null),
        askBuilder: () => (built ? null : BUILDER),
        build: () => {
          built = true
          return result({ exitCode: 1, tail: killed })
        },
      })
      const serverVersion = docker.serverVersion
      let after = 0
      docker.serverVersion = () =>
        built && after++ >= answers ? Promise.reject(new Error('gone')) : serverVersion()
      const opts = parseOptions(
        { context: project(), platforms: 'linux/amd64', builder: 'ci', train: 'false' },
        '/',
      )
      const r = await runCheck(opts, { docker, log: quiet, runId: 'r-gone', hostArch: 'amd64' })
      const p = r.platforms[0]!
      expect(p.stages.build.cause).toBe('exit')
      expect(p.diagnoses.map((d) => d.id)).toEqual(['docker-engine-lost'])
    },
  )

  it('on another endpoint (its container not on this engine), or with a node not booted: judged by buildx alone', async () => {
    const multi: BuilderInfo = {
      ...BUILDER,
      nodes: [
        { name: 'ci0', status: 'running', buildkit: '0.25.2', error: null },
        { name: 'ci1', status: 'inactive', buildkit: null, error: null },
      ],
    }
    const { p } = await check({
      builder: multi,
      containerState: () => null,
      build: () =>
        result({
          exitCode: 1,
          tail: [
            'ERROR: failed to solve: process "/bin/sh -c pip install tensorflow" did not complete successfully: exit code: 1',
          ],
        }),
    })
    expect(p.stages.build.cause).toBe('exit')
    expect(p.diagnoses.map((d) => d.id)).not.toContain('builder-lost')
  })

  it('a build that fails on its own, with BuildKit well: the build failure, no builder diagnosis', async () => {
    const { p } = await check({
      build: () =>
        result({
          exitCode: 1,
          tail: [
            '#8 0.912 ERROR: Could not find a version that satisfies the requirement tensorflow==9.9 (from versions: none)',
            'ERROR: failed to solve: process "/bin/sh -c pip install tensorflow==9.9" did not complete successfully: exit code: 1',
          ],
        }),
    })
    expect(p.stages.build.cause).toBe('exit')
    expect(p.diagnoses.map((d) => d.id)).not.toContain('builder-lost')
  })
})
