import { InputError } from '../errors.js'
import { type Platform, parsePlatform, parsePlatformList } from '../platforms.js'
import { defaultOf } from './table.js'

// The reusable workflow's plan (.github/workflows/check.yml), from its inputs: which runner
// checks which platform. Pure: the plan mode prints it as the check jobs' matrix (runners/), and
// the watch mode makes it again from the same inputs to know which jobs to watch.

export type Emulate = 'auto' | 'never'

/** A runner as `runs-on` names it: one label, or several that must all match (self-hosted). */
export type Labels = readonly string[]

export interface RunnerJob {
  /** The job's name suffix, unique in the plan: its labels, e.g. `ubuntu-24.04-arm`. */
  id: string
  labels: Labels
  /** The platforms this job checks, in the order given. */
  platforms: string[]
}

export interface Plan {
  /** The runner every platform without one of its own runs on (under QEMU): linux/amd64's. */
  host: RunnerJob
  /** The other runners' jobs, one per runner (several platforms on one runner share it). */
  native: RunnerJob[]
  /** The platforms whose failure fails the report: required-platforms, else all of them. */
  required: string[]
}

/** linux/amd64's runner when the map names none. */
const DEFAULT_HOST = 'ubuntu-24.04'
const LABEL = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/

/**
 * Parses `runners`: `platform=label` entries, comma or newline separated; a runner of several
 * labels lists them separated by spaces (`linux/arm64=self-hosted linux ARM64`).
 */
export function parseRunners(raw: string): Map<string, Labels> {
  const map = new Map<string, Labels>()
  const text = raw.trim() || defaultOf('runners')
  for (const entry of text.split(/[,\n]/).map((e) => e.trim())) {
    if (entry === '') continue
    const eq = entry.indexOf('=')
    if (eq < 0) {
      throw new InputError(
        'runners',
        `'${entry}' has no '='; each entry maps a platform to a runner, e.g. linux/arm64=ubuntu-24.04-arm`,
      )
    }
    const platform = parsePlatform(entry.slice(0, eq), 'runners').id
    const labels = entry
      .slice(eq + 1)
      .trim()
      .split(/\s+/)
      .filter(Boolean)
    const bad = labels.find((l) => !LABEL.test(l))
    if (labels.length === 0 || bad !== undefined) {
      throw new InputError(
        'runners',
        `'${entry}' does not name a runner label${bad ? ` ('${bad}' may hold only letters, digits and . _ -)` : ''}; e.g. linux/arm64=ubuntu-24.04-arm, or several labels separated by spaces`,
      )
    }
    if (map.has(platform)) {
      throw new InputError('runners', `${platform} is mapped twice; keep one runner per platform`)
    }
    map.set(platform, labels)
  }
  return map
}

export function parseEmulate(raw: string): Emulate {
  const v = raw.trim().toLowerCase() || defaultOf('emulate')
  if (v === 'auto' || v === 'never') return v
  throw new InputError(
    'emulate',
    `'${raw}' is not auto or never; auto checks a platform under QEMU on the linux/amd64 runner when its own runner never starts, never leaves it unchecked`,
  )
}

const idOf = (labels: Labels): string => labels.join(' ')

/** Who checks what: a platform mapped to a runner other than linux/amd64's gets its own job. */
export function planRunners(
  platforms: readonly Platform[],
  runners: Map<string, Labels>,
  required: ReadonlySet<string> | null,
): Plan {
  const hostLabels = runners.get('linux/amd64') ?? [DEFAULT_HOST]
  const host: RunnerJob = { id: idOf(hostLabels), labels: hostLabels, platforms: [] }
  const jobs = new Map<string, RunnerJob>([[host.id, host]])
  for (const p of platforms) {
    const labels = runners.get(p.id) ?? hostLabels
    const id = idOf(labels)
    const job = jobs.get(id) ?? { id, labels, platforms: [] }
    job.platforms.push(p.id)
    jobs.set(id, job)
  }
  const ids = platforms.map((p) => p.id)
  const unknown = [...(required ?? [])].filter((r) => !ids.includes(r))
  if (unknown.length > 0) {
    throw new InputError(
      'required-platforms',
      `${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not in platforms (${ids.join(', ')})`,
    )
  }
  return {
    host,
    native: [...jobs.values()].filter((j) => j !== host && j.platforms.length > 0),
    required: required ? ids.filter((id) => required.has(id)) : ids,
  }
}

/** The plan from the raw inputs. */
export function planFromInputs(raw: {
  platforms: string
  runners: string
  required: ReadonlySet<string> | null
}): Plan {
  return planRunners(parsePlatformList(raw.platforms), parseRunners(raw.runners), raw.required)
}
