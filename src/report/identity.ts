import { TOOL_NAME } from '../version.js'
import { formatDuration, truncate } from '../format.js'
import { gpuNames } from './gpu.js'
import type { StatusState } from '../github/statuses.js'
import { createHash } from 'node:crypto'
import { CAUSES, CORE_STAGES, EXTRA_STAGES, spec } from '../results/stages.js'
import {
  decisiveStage,
  type PlatformResult,
  type Results,
  stageCause,
  stagesOf,
} from '../results/types.js'

// Names that tie what we post to one configuration of the check: the comment's hidden marker
// and the commit status contexts.

/** The hidden first line of our comment. The header is validated plain text (see options). */
export function commentMarker(header: string): string {
  return `<!-- ${TOOL_NAME}${header ? `:${header}` : ''} -->`
}

/**
 * A digest of what the comment says that matters: verdicts, stages, versions, diagnoses and the
 * commit. Timings are left out, so a re-run with the same outcome leaves the comment alone.
 */
export function fingerprint(results: Results, sha: string | null): string {
  const essence = {
    sha,
    passed: results.passed,
    platforms: results.platforms.map((p) => ({
      p: p.platform,
      r: p.required,
      e: p.emulated,
      s: [
        ...CORE_STAGES.map((n) => p.stages[n].status),
        // Stages asked for beyond those (a digest of the core stages alone stays what it was).
        ...EXTRA_STAGES.flatMap((n) => {
          const st = p.stages[n]
          return st ? [`${n}:${st.status}`] : []
        }),
      ],
      v: [p.environment.tensorflow, p.environment.python],
      d: p.diagnoses.map((d) => [d.id, d.file, d.line]),
    })),
    d: results.diagnoses.map((d) => [d.id, d.file, d.line]),
  }
  return createHash('sha256').update(JSON.stringify(essence)).digest('hex').slice(0, 16)
}

export function fingerprintLine(fp: string): string {
  return `<!-- ${TOOL_NAME}-fingerprint:${fp} -->`
}

/** `tf-multiarch-check / linux/arm64`, or `tf-multiarch-check (gpu) / linux/arm64` with a header. */
export function statusContext(header: string, platform: string): string {
  return `${TOOL_NAME}${header ? ` (${header})` : ''} / ${platform}`
}

/**
 * success when it passed; error when the failing stage's cause says it could not be decided here
 * (a timeout, no emulator); failure otherwise.
 */
export function statusState(p: PlatformResult): StatusState {
  if (p.passed) return 'success'
  const stage = decisiveStage(p.stages)
  const cause = stage ? stageCause(p.stages[stage]!) : undefined
  return cause && CAUSES[cause] === 'undecided' ? 'error' : 'failure'
}

/** GitHub keeps 140 characters of a status description. */
export function statusDescription(p: PlatformResult): string {
  const where = p.emulated ? 'under QEMU' : 'native'
  let text: string
  if (p.passed) {
    // What ran in the image, stage by stage: "import ok, train skipped, run ok".
    const ran = stagesOf(p.stages)
      .filter((s) => spec(s).verdict !== 'image')
      .map((s) => `${s} ${p.stages[s]!.status === 'passed' ? 'ok' : p.stages[s]!.status}`)
    const gpus = gpuNames(p)
    if (gpus) ran.push(`on ${gpus}`)
    text = `${ran.join(', ')}, ${formatDuration(p.durationMs)} ${where}`
  } else {
    const stage = decisiveStage(p.stages)
    const st = stage ? p.stages[stage] : undefined
    const ready = p.gpuReady?.required && !p.gpuReady.ready ? p.gpuReady.reason : null
    const cause = p.diagnoses[0]?.title ?? st?.reason ?? ready ?? ''
    const what = stage ? `${stage} ${st!.status}` : ready ? 'not GPU-ready' : 'check failed'
    text = `${what}${cause ? `: ${cause}` : ''} (${where})`
  }
  const flat = text.replace(/\s+/g, ' ')
  return truncate(flat, 140)
}
