import type { Probe } from '../../diagnose/evidence.js'
import { elfArch, type ElfHeader } from '../../arches.js'
import {
  emptyEnvironment,
  emptyStage,
  type Environment,
  type StageResult,
  type Training,
} from '../../results/types.js'
import type { ProbeEvent, SmokeEvent } from '../../smoke/events.js'
import { parseSmokeLine } from '../../smoke/script.js'
import { causeOf, type Ending, tailText } from '../output.js'
import { LOG_TAIL_LINES } from '../stage.js'

// From what the smoke container printed to the import and train stages: pure, so that it is
// tested on recorded output. The runner (smoke.ts) only records and times the lines.

/** Output kept per phase: a container printing without end costs a bounded tail, not memory. */
const KEEP_LINES = 400

/** A marker line and when it arrived (epoch ms). */
export interface TimedEvent {
  event: SmokeEvent
  at: number
}

/** The container's output as recorded: its marker lines, timed, and a tail of the rest per phase. */
export interface Recorded {
  events: TimedEvent[]
  /** Output before the import marker, and after it. */
  importLines: string[]
  trainLines: string[]
}

/** Records one line of the container's output; answers its event when it is a marker line. */
export function record(recorded: Recorded, line: string, at: number): SmokeEvent | null {
  const event = parseSmokeLine(line)
  if (event) {
    recorded.events.push({ event, at })
    return event
  }
  const imported = recorded.events.some((e) => e.event.stage === 'import')
  const lines = imported ? recorded.trainLines : recorded.importLines
  lines.push(line)
  if (lines.length > KEEP_LINES) lines.shift()
  return null
}

/** The tail of everything the container printed, before the import and after it. */
export function wholeLog(recorded: Recorded): string {
  return tailText([...recorded.importLines, ...recorded.trainLines], LOG_TAIL_LINES)
}

export function emptyRecorded(): Recorded {
  return { events: [], importLines: [], trainLines: [] }
}

/** How the container ended. */
export interface SmokeExit {
  /** When the container was started, and when it was gone (epoch ms). */
  startedAt: number
  endedAt: number
  exitCode: number | null
  /** The signal that killed the process, from its exit code. */
  signal: string | null
  oomKilled: boolean
  timedOut: boolean
  aborted: boolean
  /** Why the container could not be run at all, when it could not. */
  spawnFailure?: string
}

export interface SmokeStages {
  import: StageResult
  train: StageResult
  environment: Environment
  training: Training | null
  probe: Probe | null
  /** KERAS_BACKEND and TF_USE_LEGACY_KERAS, as the process that imported TensorFlow had them. */
  variables: Record<string, string>
}

/** When each phase ended by its marker line, and how. */
interface Ends {
  importAt: number | null
  importOk: boolean | null
  trainAt: number | null
  trainOk: boolean | null
}

/** What the marker lines said: the image's facts, and the phases' ends. */
type Read = Omit<SmokeStages, 'import' | 'train'> & Ends

function readEvents(recorded: Recorded): Read {
  const environment = emptyEnvironment()
  let training: Training | null = null
  let probe: Probe | null = null
  let variables: Record<string, string> = {}
  let importAt: number | null = null
  let importOk: boolean | null = null
  let trainAt: number | null = null
  let trainOk: boolean | null = null
  for (const { event, at } of recorded.events) {
    if (event.stage === 'start') {
      environment.machine = event.machine ?? null
      environment.python = event.python ?? null
      environment.executable = event.executable ?? null
      environment.interpreter = event.elf ? archOfElf(event.elf) : null
      if (event.env) variables = event.env
    } else if (event.stage === 'import') {
      importAt = at
      importOk = event.ok === true
      if (event.ok) {
        environment.tensorflow = event.tensorflow ?? null
        environment.numpy = event.numpy ?? null
        environment.keras = event.keras ?? null
      }
    } else if (event.stage === 'probe') {
      probe = probeOf(event)
    } else if (event.stage === 'train') {
      trainAt = at
      trainOk = event.ok === true
      if (event.ok) {
        training = {
          steps: event.steps ?? 0,
          loss: event.loss ?? [],
          examplesPerSecond: event.examplesPerSecond ?? 0,
        }
        if (event.keras) environment.keras = event.keras
      }
    }
  }
  return { environment, training, probe, variables, importAt, importOk, trainAt, trainOk }
}

/** The import and train stages, and what the image told of itself, from the recorded output. */
export function stagesFromEvents(
  recorded: Recorded,
  exit: SmokeExit,
  opts: { train: boolean; timeoutMinutes: number },
): SmokeStages {
  const { importAt, importOk, trainAt, trainOk, ...told } = readEvents(recorded)
  const ends: Ends = { importAt, importOk, trainAt, trainOk }
  const timeoutReason = `the container ran longer than what was left of timeout-minutes (${opts.timeoutMinutes})`
  const train = !opts.train
    ? emptyStage('skipped', 'train is false', 'turned-off')
    : importOk !== true
      ? emptyStage('skipped', 'TensorFlow did not import', 'not-reached')
      : trainStage(recorded, exit, ends, timeoutReason)
  return { import: importStage(recorded, exit, ends, timeoutReason), train, ...told }
}

/** Why the process ended, when the exit says it was ended from outside (or never started). */
function crash(exit: SmokeExit): string | undefined {
  return exit.oomKilled
    ? 'the container was killed for using too much memory (OOM)'
    : exit.aborted
      ? 'cancelled'
      : exit.signal
        ? `the process was killed by ${exit.signal}`
        : exit.spawnFailure
}

function ending(exit: SmokeExit, reported: boolean): Ending {
  return {
    reported,
    oomKilled: exit.oomKilled,
    aborted: exit.aborted,
    signal: exit.signal,
    spawnFailed: exit.spawnFailure !== undefined,
  }
}

function importStage(
  recorded: Recorded,
  exit: SmokeExit,
  { importAt, importOk }: Ends,
  timeoutReason: string,
): StageResult {
  const { exitCode, signal } = exit
  const durationMs = (importAt ?? exit.endedAt) - exit.startedAt
  if (importOk === true)
    return {
      status: 'passed',
      durationMs,
      log: tailText(recorded.importLines, LOG_TAIL_LINES),
      exitCode: 0,
      signal: null,
    }
  const status = exit.timedOut && importAt === null ? 'timed-out' : 'failed'
  return {
    status,
    durationMs,
    // stdout and stderr are separate pipes: a traceback may arrive after the marker line
    // that reports the failed import, so a failed import owns every line printed.
    log: wholeLog(recorded),
    exitCode,
    signal,
    reason:
      exit.timedOut && importAt === null
        ? timeoutReason
        : importOk === false
          ? 'TensorFlow did not import'
          : (crash(exit) ?? `the container exited with ${exitCode} before TensorFlow was imported`),
    cause: causeOf(status, ending(exit, importOk === false))!,
  }
}

/** The train stage of a run whose import passed. */
function trainStage(
  recorded: Recorded,
  exit: SmokeExit,
  { importAt, trainAt, trainOk }: Ends,
  timeoutReason: string,
): StageResult {
  const { exitCode, signal } = exit
  const status =
    trainOk === true ? 'passed' : exit.timedOut && trainAt === null ? 'timed-out' : 'failed'
  const cause = causeOf(status, ending(exit, trainOk === false))
  return {
    status,
    durationMs: (trainAt ?? exit.endedAt) - (importAt ?? exit.endedAt),
    log: tailText(recorded.trainLines, LOG_TAIL_LINES),
    exitCode,
    signal,
    ...(trainOk !== true
      ? {
          reason:
            exit.timedOut && trainAt === null
              ? timeoutReason
              : trainOk === false
                ? 'the training step raised an error'
                : (crash(exit) ?? `the container exited with ${exitCode} during training`),
        }
      : {}),
    ...(cause ? { cause } : {}),
  }
}

function probeOf(event: ProbeEvent): Probe {
  return {
    tensorflowDirs: event.tensorflowDirs ?? [],
    venvs: event.venvs ?? [],
    sysPath: event.sysPath ?? [],
    prefix: event.prefix ?? null,
    path: event.path ?? null,
    glibc: event.glibc ?? null,
    foreignBinaries: (event.foreignBinaries ?? []).map((b) => ({
      file: b.file,
      arch: archOfElf(b),
    })),
    binariesChecked: event.binariesChecked ?? 0,
    foreignCount: event.foreignCount ?? 0,
  }
}

/** An ELF header's architecture; one the tool does not know is named by its number, never taken for a match. */
function archOfElf(h: ElfHeader): string {
  return elfArch(h) ?? `unknown (ELF machine ${h.machine}, ${h.bits}-bit)`
}
