import { CATALOG, type CatalogEntry, type Finding } from '../diagnosis.js'
import type { Diagnosis } from '../results/types.js'

/** A catalogue flag of a diagnosis id (an id not in the catalogue has none). */
function flagged(flag: 'proven' | 'generic' | 'root' | 'advisory'): (d: Diagnosis) => boolean {
  return (d) => (CATALOG as Record<string, CatalogEntry>)[d.id]?.[flag] === true
}
const proven = flagged('proven')
const generic = flagged('generic')
const root = flagged('root')
/** A finding about a build that succeeds all the same: said, never failing anything. */
export const isAdvisory = flagged('advisory')

/**
 * A platform's diagnoses: what its failure evidence says, sharpened by the static findings of
 * the same id (they know the file, the line and the precise fix), then the findings that concern
 * this platform alone. `unknown` stays only when nothing else explains the failure. The
 * advisory findings of the platform come last, after whatever explains it.
 */
export function explain(
  classified: Diagnosis[],
  findings: Finding[],
  platform: string,
): Diagnosis[] {
  const out = causes(classified, findings, platform)
  for (const f of findings.filter((x) => x.platform === platform && isAdvisory(x.diagnosis))) {
    if (!out.some((d) => d.id === f.diagnosis.id)) out.push(f.diagnosis)
  }
  return out
}

/** What explains the platform's outcome, without its advisory findings. */
function causes(classified: Diagnosis[], findings: Finding[], platform: string): Diagnosis[] {
  const statics = findings
    .filter((f) => f.platform === null || f.platform === platform)
    .map((f) => f.diagnosis)
  const out: Diagnosis[] = classified.map((c) => {
    const s = statics.find((x) => x.id === c.id)
    return s
      ? {
          ...c,
          // What ran proves the fault; the Dockerfile line that causes it is the other half.
          ...(proven(c) ? { detail: `${c.detail} ${s.detail}` } : {}),
          fix: s.fix,
          ...(s.file ? { file: s.file } : {}),
          ...(s.line ? { line: s.line } : {}),
        }
      : c
  })
  for (const f of findings.filter((x) => x.platform === platform && !isAdvisory(x.diagnosis))) {
    if (!out.some((d) => d.id === f.diagnosis.id)) out.push(f.diagnosis)
  }
  // A root cause the Dockerfile shows (Alpine, a macOS-only package) comes before what the log
  // shows only generically ("no version found", "no module named tensorflow").
  if (out.length > 0 && out.every(generic)) {
    const roots = statics.filter((d) => root(d) && !out.some((x) => x.id === d.id))
    out.unshift(...roots)
  }
  if (out.length > 1) {
    const rest = out.filter((d) => d.id !== 'unknown')
    if (rest.length > 0) {
      // Static findings for every platform explain an otherwise unrecognised failure.
      return rest
    }
  }
  if (out.length === 1 && out[0]!.id === 'unknown') {
    // Nothing in the log matched, but a static finding for every platform explains a failure of
    // this kind: it leads, and the unknown keeps the decisive lines after it.
    const relevant = statics.filter(root)
    if (relevant.length > 0) return [...relevant, out[0]!]
  }
  return out
}
