import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CHECK_OPTIONS } from '../../src/config/lists.js'
import { causeOf, commandStage } from '../../src/engine/output.js'
import { RUNNERS } from '../../src/engine/platform.js'
import { emptyRecorded, record, stagesFromEvents } from '../../src/engine/stages/smoke-events.js'
import { renderReport } from '../../src/report/markdown.js'
import { fingerprint, statusDescription, statusState } from '../../src/report/identity.js'
import { textTable } from '../../src/report/summary.js'
import {
  CAUSES,
  STAGE_ORDER,
  STAGES,
  type StageName,
  stageTitle,
} from '../../src/results/stages.js'
import { shownStages, type PlatformResult, type Results } from '../../src/results/types.js'
import { validateResults } from '../../src/results/validate.js'
import { stagesPassed } from '../../src/results/verdict.js'
import { MARKER } from '../../src/smoke/script.js'
import { result } from '../support/engine.js'
import { loadResultsFixture } from '../support/fixtures.js'

// The stage table (src/results/stages.ts) is the one list of stages: every place that lists
// them must know each row, as the option table's test does for options. A stage left out of
// one place fails here.

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')

/** tf-app's passing linux/amd64, with every stage of the table present and passed. */
function everyStage(): Results {
  const r = loadResultsFixture('tf-app')
  const p = r.platforms.find((x) => x.passed)!
  const st = { status: 'passed' as const, durationMs: 1000, log: 'ok', exitCode: 0 }
  p.stages = Object.fromEntries(STAGE_ORDER.map((s) => [s, { ...st }])) as PlatformResult['stages']
  // The GPU stage with what proves it (results/verdict.ts's gpuMismatch).
  p.gpu = {
    requested: 'all',
    devices: [{ name: '/physical_device:GPU:0', model: 'Tesla T4', computeCapability: '7.5' }],
    trainedOn: '/job:localhost/replica:0/task:0/device:GPU:0',
  }
  return { ...r, platforms: [p] }
}

describe('the stage table', () => {
  it('has a runner for every stage that is not decided by another', () => {
    const run = STAGES.filter((s) => !('decidedBy' in s)).map((s) => s.name)
    expect(Object.keys(RUNNERS).sort()).toEqual([...run].sort())
    for (const s of STAGES)
      if ('decidedBy' in s) expect(STAGE_ORDER).toContain(s.decidedBy as StageName)
  })

  it('asks for a stage only by an option the check reads', () => {
    for (const s of STAGES)
      if (s.present !== 'always') expect(CHECK_OPTIONS).toContain(s.present as string)
  })

  it('is every column of the reports, by its title', () => {
    const r = everyStage()
    // The build is a column unless every platform checked an existing image instead.
    expect(shownStages(r.platforms)).toEqual(STAGE_ORDER.filter((s) => s !== 'build'))
    const header = renderReport(r)
      .split('\n')
      .find((l) => l.startsWith('| Platform'))!
    const text = textTable(r).split('\n')[0]!
    for (const s of shownStages(r.platforms)) {
      expect(header).toContain(` ${stageTitle(s)} `)
      expect(text).toContain(stageTitle(s).toUpperCase())
    }
  })

  it('is what results files are read with: every stage kept, one in every check required', () => {
    const r = everyStage()
    const back = validateResults(structuredClone(r), 'r.json')
    expect(Object.keys(back.platforms[0]!.stages)).toEqual(STAGE_ORDER)
    for (const s of STAGES) {
      const without = structuredClone(r)
      delete (without.platforms[0]!.stages as Record<string, unknown>)[s.name]
      if (s.present === 'always') expect(() => validateResults(without, 'r.json')).toThrow(s.name)
      else expect(validateResults(without, 'r.json').platforms[0]!.stages[s.name]).toBeUndefined()
    }
  })

  it.each(STAGE_ORDER)('counts %s in the verdict, the fingerprint and the status', (s) => {
    const r = everyStage()
    const p = r.platforms[0]!
    expect(stagesPassed(p.stages, true)).toBe(true)
    const before = fingerprint(r, 'x')
    p.stages[s]!.status = 'failed'
    expect(stagesPassed(p.stages, true)).toBe(false)
    expect(fingerprint(r, 'x')).not.toBe(before)
    p.passed = false
    expect(statusDescription(p)).toMatch(new RegExp(`^${s} failed`))
  })

  it('names in a passing status every stage that ran in the image', () => {
    const p = everyStage().platforms[0]!
    expect(statusDescription(p)).toMatch(
      /^import ok, train ok, gpu ok, start ok, run ok, on 1× Tesla T4, \d+ s native$/,
    )
  })

  it('is in the README: every stage and every cause', () => {
    const section = README.slice(
      README.indexOf('## Results JSON'),
      README.indexOf('## Command line'),
    )
    for (const s of STAGE_ORDER)
      expect(section.includes(`stages.${s}`) || section.includes(`"${s}": {`), s).toBe(true)
    const causes = section.slice(section.indexOf('`stages.<stage>.cause`'))
    for (const c of Object.keys(CAUSES)) expect(causes, c).toContain(`\`${c}\``)
  })
})

describe('a stage result’s cause', () => {
  it('is decided in one place from how the process ended', () => {
    expect(causeOf('passed', { aborted: true })).toBeUndefined()
    expect(causeOf('skipped', {})).toBeUndefined()
    expect(causeOf('timed-out', { reported: true, aborted: true })).toBe('timeout')
    expect(causeOf('failed', { reported: true, oomKilled: true })).toBe('error')
    expect(causeOf('failed', { oomKilled: true, signal: 'SIGKILL', aborted: true })).toBe('oom')
    expect(causeOf('failed', { aborted: true, signal: 'SIGKILL' })).toBe('cancelled')
    expect(causeOf('failed', { signal: 'SIGILL' })).toBe('signal')
    expect(causeOf('failed', { signal: null, spawnFailed: true })).toBe('docker')
    expect(causeOf('failed', {})).toBe('exit')
  })

  it('of a build or pull: timeout, cancelled, docker, exit, and none for a pass', () => {
    const stage = (over: Parameters<typeof result>[0]) =>
      commandStage(result(over), 'build', 60, '', () => 'failed')
    expect(stage({}).cause).toBeUndefined()
    expect(stage({ timedOut: true, exitCode: null })).toMatchObject({ cause: 'timeout' })
    expect(stage({ aborted: true, exitCode: 130 })).toMatchObject({
      reason: 'cancelled',
      cause: 'cancelled',
    })
    const enoent = Object.assign(new Error('spawn docker ENOENT'), { code: 'ENOENT' })
    expect(stage({ spawnError: enoent, exitCode: null }).cause).toBe('docker')
    expect(stage({ exitCode: 1 })).toMatchObject({ reason: 'failed', cause: 'exit' })
  })

  it('of the import and train: agrees with the reason beside it', () => {
    const started = `${MARKER}{"stage":"start","machine":"x86_64"}`
    const ended = (lines: string[], exit: Partial<Parameters<typeof stagesFromEvents>[1]>) => {
      const recorded = emptyRecorded()
      lines.forEach((l, i) => record(recorded, l, i))
      const base = { startedAt: 0, endedAt: 9, exitCode: 1, signal: null }
      const flags = { oomKilled: false, timedOut: false, aborted: false }
      return stagesFromEvents(
        recorded,
        { ...base, ...flags, ...exit },
        { train: true, timeoutMinutes: 60 },
      )
    }
    const noImport = [started, `${MARKER}{"stage":"import","ok":false}`]
    const imported = [started, `${MARKER}{"stage":"import","ok":true}`]
    const cases: [string[], Partial<Parameters<typeof stagesFromEvents>[1]>, string, string][] = [
      [noImport, { exitCode: 3 }, 'TensorFlow did not import', 'error'],
      [[started], { exitCode: 137, signal: 'SIGKILL', oomKilled: true }, '(OOM)', 'oom'],
      [[started], { aborted: true, exitCode: 137, signal: 'SIGKILL' }, 'cancelled', 'cancelled'],
      [[started], { exitCode: 132, signal: 'SIGILL' }, 'killed by SIGILL', 'signal'],
      [[], { exitCode: null, spawnFailure: 'docker: not found' }, 'docker: not found', 'docker'],
      [[started], { exitCode: 255 }, 'exited with 255', 'exit'],
      [[started], { timedOut: true, exitCode: null }, 'timeout-minutes', 'timeout'],
    ]
    for (const [lines, exit, reason, cause] of cases) {
      const s = ended(lines, exit)
      expect(s.import.reason, cause).toContain(reason)
      expect(s.import.cause).toBe(cause)
      expect(s.train).toMatchObject({ status: 'skipped', cause: 'not-reached' })
    }
    const raised = ended([...imported, `${MARKER}{"stage":"train","ok":false}`], { exitCode: 4 })
    expect(raised.import.cause).toBeUndefined()
    expect(raised.train).toMatchObject({
      reason: 'the training step raised an error',
      cause: 'error',
    })
    expect(ended(imported, { timedOut: true }).train.cause).toBe('timeout')
    expect(ended(imported, { exitCode: 139, signal: 'SIGSEGV' }).train.cause).toBe('signal')
    const off = stagesFromEvents(
      emptyRecorded(),
      {
        startedAt: 0,
        endedAt: 1,
        exitCode: 0,
        signal: null,
        oomKilled: false,
        timedOut: false,
        aborted: false,
      },
      { train: false, timeoutMinutes: 60 },
    )
    expect(off.train.cause).toBe('turned-off')
  })
})

describe('the commit status of a failed platform', () => {
  const failed = (stage: Partial<PlatformResult['stages']['build']>): PlatformResult => {
    const p = structuredClone(loadResultsFixture('tensorflow-cpu').platforms[1]!)
    p.passed = false
    p.stages.build = { status: 'failed', durationMs: 1, log: '', ...stage }
    return p
  }

  it('is keyed on the cause, not on what the reason says', () => {
    expect(statusState(failed({ cause: 'timeout', status: 'timed-out' }))).toBe('error')
    expect(statusState(failed({ cause: 'no-emulator', reason: 'whatever it says' }))).toBe('error')
    expect(statusState(failed({ cause: 'exit', reason: 'no QEMU emulator, it says' }))).toBe(
      'failure',
    )
    for (const [cause, kind] of Object.entries(CAUSES))
      if (kind === 'failure')
        expect(statusState(failed({ cause: cause as keyof typeof CAUSES })), cause).toBe('failure')
  })

  it('of results written before causes: what their status and reason said', () => {
    expect(statusState(failed({ status: 'timed-out' }))).toBe('error')
    const why =
      'no QEMU emulator for aarch64 is registered on this amd64 machine and setup-qemu is false'
    expect(statusState(failed({ reason: why }))).toBe('error')
    expect(statusState(failed({ reason: 'the build failed' }))).toBe('failure')
  })

  it('reads a cause from a results file, and leaves out one it does not know', () => {
    const r = loadResultsFixture('tensorflow-cpu')
    const doc = structuredClone(r) as unknown as { platforms: { stages: Record<string, object> }[] }
    doc.platforms[1]!.stages.build = {
      status: 'timed-out',
      durationMs: 1,
      log: '',
      cause: 'timeout',
    }
    doc.platforms[1]!.stages.import = { status: 'skipped', durationMs: 0, log: '', cause: 'later' }
    const back = validateResults(doc, 'r.json')
    expect(back.platforms[1]!.stages.build.cause).toBe('timeout')
    expect(back.platforms[1]!.stages.import).not.toHaveProperty('cause')
    doc.platforms[1]!.stages.build = { status: 'failed', durationMs: 1, log: '', cause: 7 }
    expect(() => validateResults(doc, 'r.json')).toThrow('stages.build.cause')
  })
})
