import type { StatusState } from '../github/statuses.js'
import { createHash } from 'node:crypto'
import { failingStage, type PlatformResult, type Results } from '../results/types.js'
import { formatDuration } from './summary.js'

// Names that tie what we post to one configuration of the check: the comment's hidden marker
// and the commit status contexts.

export const TOOL = 'tf-multiarch-check'

/** The hidden first line of our comment. The header is validated plain text (see options). */
export function commentMarker(header: string): string {
  return `<!-- ${TOOL}${header ? `:${header}` : ''} -->`
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
        p.stages.build.status,
        p.stages.import.status,
        p.stages.train.status,
        // Stages asked for beyond those (a digest of the core three stays what it was).
        ...(['pull', 'start', 'run'] as const).flatMap((n) => {
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
  return `<!-- ${TOOL}-fingerprint:${fp} -->`
}

/** `tf-multiarch-check / linux/arm64`, or `tf-multiarch-check (gpu) / linux/arm64` with a header. */
export function statusContext(header: string, platform: string): string {
  return `${TOOL}${header ? ` (${header})` : ''} / ${platform}`
}

/** success when it passed; error when it could not be decided (a timeout, no emulator); failure otherwise. */
export function statusState(p: PlatformResult): StatusState {
  if (p.passed) return 'success'
  const stage = failingStage(p.stages)
  const st = stage ? p.stages[stage] : undefined
  if (st?.status === 'timed-out') return 'error'
  if (st?.status === 'failed' && /no QEMU emulator/.test(st.reason ?? '')) return 'error'
  return 'failure'
}

/** GitHub keeps 140 characters of a status description. */
export function statusDescription(p: PlatformResult): string {
  const where = p.emulated ? 'under QEMU' : 'native'
  let text: string
  if (p.passed) {
    const train = p.stages.train.status === 'passed' ? 'train ok' : 'train skipped'
    const extra = (['start', 'run'] as const).filter((s) => p.stages[s]).map((s) => `${s} ok`)
    text = `import ok, ${[train, ...extra].join(', ')}, ${formatDuration(p.durationMs)} ${where}`
  } else {
    const stage = failingStage(p.stages)
    const st = stage ? p.stages[stage] : undefined
    const cause = p.diagnoses[0]?.title ?? st?.reason ?? ''
    text = `${stage ?? 'check'} ${st?.status ?? 'failed'}${cause ? `: ${cause}` : ''} (${where})`
  }
  const flat = text.replace(/\s+/g, ' ')
  return flat.length > 140 ? flat.slice(0, 139) + '…' : flat
}
