import { describe, expect, it } from 'vitest'
import type { CheckOptions } from '../../src/config/check.js'
import { watchRunners, type WatchDeps } from '../../src/runners/fallback.js'
import { planOutputs } from '../../src/runners/modes.js'
import { parseEmulate, parseRunners, planFromInputs, type Plan } from '../../src/config/runners.js'
import { type ApiJob, callerPrefix, findJob, runnerState } from '../../src/runners/watch.js'
import { parsePlatformList } from '../../src/platforms.js'
import { mergeResults } from '../../src/results/merge.js'
import type { Results } from '../../src/results/types.js'
import { validateResults } from '../../src/results/validate.js'

// The reusable workflow's logic: the runner map, the watch's reading of the API's jobs, the
// fallback, and the merge of what its jobs leave.

const plan = (platforms: string, runners = '', required: string[] | null = null): Plan =>
  planFromInputs({ platforms, runners, required: required ? new Set(required) : null })

describe('the runner map', () => {
  it('maps amd64 and arm64 to GitHub-hosted runners by default; the rest run on amd64', () => {
    const p = plan('linux/amd64,linux/arm64,linux/arm/v7,linux/ppc64le')
    expect(p.host).toEqual({
      id: 'ubuntu-24.04',
      labels: ['ubuntu-24.04'],
      platforms: ['linux/amd64', 'linux/arm/v7', 'linux/ppc64le'],
    })
    expect(p.native).toEqual([
      { id: 'ubuntu-24.04-arm', labels: ['ubuntu-24.04-arm'], platforms: ['linux/arm64'] },
    ])
    expect(p.required).toEqual(['linux/amd64', 'linux/arm64', 'linux/arm/v7', 'linux/ppc64le'])
  })

  it('lets several platforms share a runner, and a runner have several labels', () => {
    const p = plan(
      'linux/arm64,linux/arm/v7,linux/amd64',
      'linux/amd64=ubuntu-24.04\nlinux/arm64=self-hosted  linux ARM64, linux/arm=self-hosted linux ARM64',
      ['linux/arm64'],
    )
    expect(p.native).toEqual([
      {
        id: 'self-hosted linux ARM64',
        labels: ['self-hosted', 'linux', 'ARM64'],
        platforms: ['linux/arm64', 'linux/arm/v7'],
      },
    ])
    expect(p.host.platforms).toEqual(['linux/amd64'])
    expect(p.required).toEqual(['linux/arm64'])
  })

  it('has a host job with no platform of its own when amd64 is not asked for', () => {
    const p = plan('linux/arm64')
    expect(p.host.platforms).toEqual([])
    expect(p.native.map((j) => j.platforms)).toEqual([['linux/arm64']])
    const out = planOutputs(p, '{"platforms":"linux/arm64"}')
    expect(JSON.parse(out.host!)).toEqual({
      id: 'ubuntu-24.04',
      name: 'check (ubuntu-24.04)',
      'runs-on': ['ubuntu-24.04'],
      platforms: '',
      required: 'none',
    })
    expect(out.native).toBe('true')
    expect(out.key).toMatch(/^[0-9a-f]{12}$/)
    // Another build argument is another configuration: other artifacts.
    const other = '{"platforms":"linux/arm64","build-args":"TF=2.20"}'
    expect(planOutputs(p, other).key).not.toBe(out.key)
    // A call that requires nothing says so: an empty list would mean every platform.
    expect(planOutputs(plan('linux/arm64', '', []), '{}')['required-platforms']).toBe('none')
  })

  it.each([
    ['linux/arm64', /runners: 'linux\/arm64' has no '='/],
    ['linux/arm64=', /does not name a runner label/],
    ['linux/arm64=${{ evil }}', /may hold only letters, digits and \. _ -/],
    ['linux/sparc=ubuntu-24.04', /runners: 'linux\/sparc' is not a platform/],
    ['linux/arm64=a,linux/arm64/v8=b', /linux\/arm64 is mapped twice/],
  ])('refuses runners %j, naming the input and the fix', (raw, message) => {
    expect(() => parseRunners(raw)).toThrow(message)
  })

  it('refuses a required platform that is not checked, and an unknown emulate', () => {
    expect(() => plan('linux/amd64', '', ['linux/arm64'])).toThrow(
      /required-platforms: linux\/arm64 is not in platforms \(linux\/amd64\)/,
    )
    expect(parseEmulate('')).toBe('auto')
    expect(() => parseEmulate('always')).toThrow(/emulate: 'always' is not auto or never/)
  })
})

const T0 = Date.parse('2026-12-08T10:00:00Z')
const at = (min: number): string => new Date(T0 + min * 60_000).toISOString()
const job = (over: Partial<ApiJob>): ApiJob => ({
  name: 'tf / check (ubuntu-24.04-arm)',
  status: 'queued',
  conclusion: null,
  runner_name: null,
  created_at: at(0),
  steps: [],
  ...over,
})

describe("the watch's reading of the API's jobs", () => {
  const arm = ['ubuntu-24.04-arm']
  const WAIT = 10 * 60_000

  it('says started for a job a runner took, done when it completed', () => {
    expect(
      runnerState(
        job({ status: 'in_progress', runner_name: 'GitHub Actions 12' }),
        arm,
        T0,
        WAIT,
        T0,
      ),
    ).toEqual({ state: 'started', done: false })
    expect(
      runnerState(
        job({
          status: 'completed',
          conclusion: 'failure',
          runner_name: 'GitHub Actions 12',
          steps: [{}],
        }),
        arm,
        T0,
        WAIT,
        T0,
      ),
    ).toEqual({ state: 'started', done: true })
  })

  it('says never started for a job GitHub ended without a runner, at once', () => {
    const s = runnerState(
      job({ status: 'completed', conclusion: 'failure' }),
      arm,
      T0 + 60_000,
      WAIT,
      T0,
    )
    expect(s).toEqual({
      state: 'never-started',
      reason: 'GitHub ended its job (failure) before any runner labelled ubuntu-24.04-arm took it',
    })
  })

  it('waits for a queued job until the wait is over, counted from its creation', () => {
    const queued = job({ created_at: at(-3) })
    expect(runnerState(queued, arm, T0 + 6 * 60_000, WAIT, T0)).toEqual({ state: 'waiting' })
    expect(runnerState(queued, arm, T0 + 7 * 60_000, WAIT, T0)).toMatchObject({
      state: 'never-started',
      reason: 'no runner labelled ubuntu-24.04-arm took its job in 10 min',
    })
  })

  it('takes a cancelled run for what it is, not for a missing runner', () => {
    expect(
      runnerState(job({ status: 'completed', conclusion: 'cancelled' }), arm, T0, WAIT, T0),
    ).toEqual({ state: 'cancelled', done: true })
  })

  it("finds this call's jobs by its own job's prefix, not another call's", () => {
    const jobs = [
      job({ name: 'gpu / check (ubuntu-24.04-arm)', status: 'in_progress', runner_name: 'r9' }),
      job({ name: 'cpu / check (ubuntu-24.04)', status: 'in_progress', runner_name: 'r1' }),
      job({ name: 'gpu / check (ubuntu-24.04)', status: 'in_progress', runner_name: 'r2' }),
      job({ name: 'cpu / check (ubuntu-24.04-arm)' }),
    ]
    const prefix = callerPrefix(jobs, 'check (ubuntu-24.04)', 'r1')
    expect(prefix).toBe('cpu / ')
    const armJob = { id: 'ubuntu-24.04-arm', labels: ['ubuntu-24.04-arm'], platforms: [] }
    expect(findJob(jobs, armJob, prefix)?.status).toBe('queued')
    // Without its own job in the list, only an unambiguous name is taken.
    expect(findJob(jobs, armJob, '')).toBeNull()
  })
})

/** Results of a fallback check, as the engine would return them for these platforms. */
function engineResults(opts: CheckOptions): Results {
  return {
    schemaVersion: 1,
    tool: { name: 'tf-multiarch-check', version: '1.0.0' },
    context: '.',
    dockerfile: 'Dockerfile',
    passed: false,
    platforms: opts.platforms.map((p) => ({
      platform: p.id,
      emulated: true,
      required: true,
      passed: false,
      durationMs: 1,
      stages: {
        build: { status: 'failed', durationMs: 1, log: 'x', cause: 'exit' },
        import: { status: 'skipped', durationMs: 0, log: '', cause: 'not-reached' },
        train: { status: 'skipped', durationMs: 0, log: '', cause: 'not-reached' },
      },
      environment: { machine: null, python: null, tensorflow: null, numpy: null, keras: null },
      training: null,
      diagnoses: [],
      host: { engine: '28.5.2', buildx: '0.29.1', driver: 'docker', imageStore: 'classic' },
    })),
    diagnoses: [],
  }
}

/** A run whose jobs the API answers in turn, one answer per poll (the last one repeats). */
function fakeRun(answers: ApiJob[][]): WatchDeps & { checked: string[][]; polls: number } {
  let now = T0
  const deps = {
    checked: [] as string[][],
    polls: 0,
    listJobs: async () => answers[Math.min(deps.polls++, answers.length - 1)]!,
    check: async (o: CheckOptions) => {
      deps.checked.push(o.platforms.map((p) => p.id))
      return engineResults(o)
    },
    info: () => undefined,
    warn: () => undefined,
    sleep: async (ms: number) => {
      now += ms
    },
    now: () => now,
    pollMs: 60_000,
    runnerName: 'host-runner',
    runner: { label: 'ubuntu-24.04', os: 'ubuntu24', version: '20261130.1' },
  }
  return deps
}

const own = job({
  name: 'tf / check (ubuntu-24.04)',
  status: 'in_progress',
  runner_name: 'host-runner',
})
const checkOpts = {
  platforms: parsePlatformList('linux/amd64,linux/arm64'),
  context: '.',
  dockerfile: 'Dockerfile',
} as unknown as CheckOptions

describe('the watch and its fallback', () => {
  const p = plan('linux/amd64,linux/arm64')

  it('checks under QEMU a platform whose runner never started, marked with the reason', async () => {
    const deps = fakeRun([
      [own, job({})],
      [own, job({ status: 'completed', conclusion: 'failure' })],
    ])
    const w = await watchRunners(
      { plan: p, emulate: 'auto', waitMs: 600_000, check: checkOpts },
      deps,
    )
    expect(deps.checked).toEqual([['linux/arm64']])
    expect(w.fallback).toEqual(['linux/arm64'])
    expect(w.results!.platforms[0]!.host!.runner).toEqual({
      label: 'ubuntu-24.04',
      os: 'ubuntu24',
      version: '20261130.1',
      insteadOf: {
        label: 'ubuntu-24.04-arm',
        reason:
          'GitHub ended its job (failure) before any runner labelled ubuntu-24.04-arm took it',
      },
    })
  })

  it('reports it unchecked with emulate: never, and that fails the merge', async () => {
    const deps = fakeRun([[own, job({ created_at: at(0) })]])
    const w = await watchRunners(
      { plan: p, emulate: 'never', waitMs: 600_000, check: checkOpts },
      deps,
    )
    expect(deps.checked).toEqual([])
    expect(deps.polls).toBe(11) // polled each minute until ten had passed
    const r = validateResults(JSON.parse(JSON.stringify(w.results)), 'watch.json')
    expect(r.platforms[0]).toMatchObject({ platform: 'linux/arm64', passed: false, required: true })
    expect(r.platforms[0]!.diagnoses[0]!.id).toBe('runner-unavailable')
    expect(r.platforms[0]!.stages.build).toMatchObject({ status: 'skipped', cause: 'no-runner' })
    expect(mergeResults([r]).passed).toBe(false)
  })

  it('checks nothing when the runner took its job, and waits for that job to end', async () => {
    const deps = fakeRun([
      [own],
      [own, job({})],
      [own, job({ status: 'in_progress', runner_name: 'arm-7' })],
      [own, job({ status: 'in_progress', runner_name: 'arm-7' })],
      [own, job({ status: 'completed', conclusion: 'success', runner_name: 'arm-7' })],
    ])
    const w = await watchRunners(
      { plan: p, emulate: 'auto', waitMs: 600_000, check: checkOpts },
      deps,
    )
    expect(w).toEqual({ results: null, fallback: [], unstarted: [] })
    expect(deps.polls).toBe(5)
  })
})

describe('a runner that starts late', () => {
  const p = plan('linux/amd64,linux/arm64')

  it('is waited for after the fallback, and its native result beats the fallback in the merge', async () => {
    const late = job({ created_at: at(-20) })
    const deps = fakeRun([
      [own, late],
      [own, job({ status: 'in_progress', runner_name: 'arm-7' })],
      [own, job({ status: 'completed', conclusion: 'success', runner_name: 'arm-7' })],
    ])
    const w = await watchRunners(
      { plan: p, emulate: 'auto', waitMs: 600_000, check: checkOpts },
      deps,
    )
    expect(w.fallback).toEqual(['linux/arm64'])
    expect(deps.polls).toBe(3) // it looked again after the fallback, and waited for the end
    // The native job's results were written before the fallback's: they still win.
    const fallback = { ...w.results!, createdAt: at(30) }
    const native = engineResults(checkOpts)
    const nativeArm = {
      ...native,
      createdAt: at(25),
      platforms: native.platforms.slice(1).map((x) => ({ ...x, emulated: false })),
    }
    const merged = mergeResults([nativeArm, fallback])
    expect(merged.platforms).toHaveLength(1)
    expect(merged.platforms[0]!.emulated).toBe(false)
    expect(merged.platforms[0]!.host!.runner).toBeUndefined()
  })

  it('keeps what the watch found when the API stops answering while it waits', async () => {
    const deps = fakeRun([[own, job({ status: 'completed', conclusion: 'failure' })]])
    let calls = 0
    const list = deps.listJobs
    deps.listJobs = async () => {
      if (calls++ > 0) throw new Error('HTTP 502')
      return list()
    }
    const warned: string[] = []
    deps.warn = (m) => warned.push(m)
    const w = await watchRunners(
      { plan: p, emulate: 'auto', waitMs: 600_000, check: checkOpts },
      deps,
    )
    expect(w.fallback).toEqual(['linux/arm64'])
    expect(w.results!.platforms).toHaveLength(1)
    expect(warned.join('\n')).toMatch(/stopped waiting for the other runners' jobs: HTTP 502/)
  })
})

describe('the merge of the jobs results', () => {
  it('fails a required platform that no results file holds', () => {
    const one = engineResults(checkOpts)
    const amd64 = { ...one, platforms: one.platforms.slice(0, 1) }
    const merged = mergeResults([amd64], new Set(['linux/amd64', 'linux/arm64']))
    const arm = merged.platforms.find((x) => x.platform === 'linux/arm64')!
    expect(arm).toMatchObject({ passed: false, required: true })
    expect(arm.diagnoses[0]!.id).toBe('results-missing')
    expect(merged.passed).toBe(false)
  })
})
