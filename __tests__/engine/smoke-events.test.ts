import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  emptyRecorded,
  record,
  type Recorded,
  type SmokeExit,
  stagesFromEvents,
} from '../../src/engine/stages/smoke-events.js'
import { signalFromExitCode } from '../../src/engine/output.js'
import { MARKER } from '../../src/smoke/script.js'

// The import and train stages from the smoke script's real output (__fixtures__/smoke), as the
// runner records it: each line at the millisecond it arrived.

interface Recording {
  recorded: Recorded
  exit: SmokeExit
}

function replay(name: string, until?: (line: string) => boolean): Recording {
  const rows = readFileSync(new URL(`../../__fixtures__/smoke/${name}`, import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { line?: string; at: number; exit?: number })
  const recorded = emptyRecorded()
  let endedAt = 0
  let exitCode: number | null = null
  for (const row of rows) {
    endedAt = row.at
    if (row.exit !== undefined) exitCode = row.exit
    else {
      record(recorded, row.line!, row.at)
      if (until?.(row.line!)) break
    }
  }
  return {
    recorded,
    exit: {
      startedAt: 0,
      endedAt,
      exitCode,
      signal: signalFromExitCode(exitCode),
      oomKilled: false,
      timedOut: false,
      aborted: false,
    },
  }
}

const OPTS = { train: true, timeoutMinutes: 60 }
const afterImport = (l: string): boolean => l.includes('"stage": "import"')

describe('stagesFromEvents on recorded output', () => {
  it('a TensorFlow that imports and trains: both stages pass, timed by their markers', () => {
    const { recorded, exit } = replay('tensorflow-2.21-x86_64.jsonl')
    const s = stagesFromEvents(recorded, exit, OPTS)
    expect(s.import).toMatchObject({ status: 'passed', durationMs: 1565, exitCode: 0 })
    expect(s.train).toMatchObject({ status: 'passed', durationMs: 2134 - 1565, exitCode: 0 })
    expect(s.import.reason).toBeUndefined()
    expect(s.environment).toMatchObject({
      machine: 'x86_64',
      python: '3.11.7',
      executable: '/opt/venv/bin/python',
      interpreter: 'amd64',
      tensorflow: '2.21.0',
      numpy: '2.4.6',
      keras: '3.15.1',
    })
    expect(s.training).toMatchObject({ steps: 24 })
    expect(s.training!.loss).toHaveLength(3)
    expect(s.probe).toBeNull()
    // TensorFlow's own start-up lines belong to the import; no marker line is in any log.
    expect(s.import.log).toContain('oneDNN custom operations')
    expect(s.import.log + s.train.log).not.toContain(MARKER)
  })

  it('without train: the import passes and training is skipped as asked', () => {
    const { recorded, exit } = replay('tensorflow-2.21-x86_64.jsonl', afterImport)
    const s = stagesFromEvents(recorded, { ...exit, exitCode: 0 }, { ...OPTS, train: false })
    expect(s.import.status).toBe('passed')
    expect(s.train).toMatchObject({ status: 'skipped', reason: 'train is false' })
    expect(s.training).toBeNull()
  })

  it('TensorFlow in a venv the python does not use: the import fails with its traceback and the probe', () => {
    const { recorded, exit } = replay('venv-not-on-path.jsonl')
    const s = stagesFromEvents(recorded, exit, OPTS)
    expect(s.import).toMatchObject({
      status: 'failed',
      exitCode: 3,
      reason: 'TensorFlow did not import',
    })
    // The traceback came on stderr after the marker: the failed import still owns it.
    expect(s.import.log).toContain("ModuleNotFoundError: No module named 'tensorflow'")
    expect(s.train).toMatchObject({ status: 'skipped', reason: 'TensorFlow did not import' })
    expect(s.probe).toMatchObject({
      venvs: ['/opt/venv'],
      tensorflowDirs: ['/opt/venv/lib/python3.11/site-packages/tensorflow'],
      foreignBinaries: [],
      foreignCount: 0,
    })
    expect(s.probe!.binariesChecked).toBeGreaterThan(0)
    expect(s.environment.tensorflow).toBeNull()
  })

  it('killed while training: the import passed, training failed for the reason the exit gives', () => {
    const { recorded, exit } = replay('tensorflow-2.21-x86_64.jsonl', afterImport)
    const oom = stagesFromEvents(
      recorded,
      { ...exit, exitCode: 137, signal: 'SIGKILL', oomKilled: true },
      OPTS,
    )
    expect(oom.import.status).toBe('passed')
    expect(oom.train).toMatchObject({
      status: 'failed',
      exitCode: 137,
      reason: 'the container was killed for using too much memory (OOM)',
    })
    const killed = stagesFromEvents(recorded, { ...exit, exitCode: 139, signal: 'SIGSEGV' }, OPTS)
    expect(killed.train.reason).toBe('the process was killed by SIGSEGV')
    const timedOut = stagesFromEvents(recorded, { ...exit, timedOut: true }, OPTS)
    expect(timedOut.train).toMatchObject({ status: 'timed-out' })
    expect(timedOut.train.reason).toContain('timeout-minutes (60)')
  })

  it('no marker at all: the import failed, and says how the container ended', () => {
    const recorded = emptyRecorded()
    record(recorded, 'exec /bin/sh: exec format error', 40)
    const exit: SmokeExit = {
      startedAt: 0,
      endedAt: 50,
      exitCode: 255,
      signal: null,
      oomKilled: false,
      timedOut: false,
      aborted: false,
    }
    const s = stagesFromEvents(recorded, exit, OPTS)
    expect(s.import).toMatchObject({
      status: 'failed',
      durationMs: 50,
      reason: 'the container exited with 255 before TensorFlow was imported',
    })
    expect(s.import.log).toContain('exec format error')
    expect(s.environment.machine).toBeNull()
    const never = stagesFromEvents(
      emptyRecorded(),
      { ...exit, exitCode: null, spawnFailure: 'docker: not found' },
      OPTS,
    )
    expect(never.import.reason).toBe('docker: not found')
    const late = stagesFromEvents(recorded, { ...exit, timedOut: true }, OPTS)
    expect(late.import.status).toBe('timed-out')
  })

  it('a marker line with a field of another type is output, like a truncated one', () => {
    const recorded = emptyRecorded()
    for (const line of [`${MARKER}{"stage":"import","ok":1}`, `${MARKER}{"stage":"import"`])
      expect(record(recorded, line, 10)).toBeNull()
    expect(recorded.events).toHaveLength(0)
    expect(recorded.importLines).toHaveLength(2)
    const exit: SmokeExit = {
      startedAt: 0,
      endedAt: 20,
      exitCode: 3,
      signal: null,
      oomKilled: false,
      timedOut: false,
      aborted: false,
    }
    const s = stagesFromEvents(recorded, exit, OPTS)
    expect(s.import).toMatchObject({
      status: 'failed',
      reason: 'the container exited with 3 before TensorFlow was imported',
    })
  })

  it('keeps a bounded tail of each phase, and every marker', () => {
    const recorded = emptyRecorded()
    for (let i = 0; i < 1000; i++) record(recorded, `before ${i}`, i)
    record(recorded, `${MARKER}{"stage":"import","ok":true}`, 1000)
    for (let i = 0; i < 1000; i++) record(recorded, `after ${i}`, 1001 + i)
    expect(recorded.events).toHaveLength(1)
    expect(recorded.importLines).toHaveLength(400)
    expect(recorded.importLines.at(-1)).toBe('before 999')
    expect(recorded.trainLines).toHaveLength(400)
    expect(recorded.trainLines[0]).toBe('after 600')
  })
})
