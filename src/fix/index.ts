import { resolve } from 'node:path'
import type { Finding } from '../diagnosis.js'
import { lintProject, type ReadFile, readFromDisk } from '../lint/index.js'
import type { DockerfileModel } from '../lint/model.js'
import type { FixEdit } from '../results/types.js'
import { type FixContext, proposeFix } from './edits.js'
import { applyHunks, hunksOf, type LineOp, splitLines } from './lines.js'

// The fixes a project is offered: an edit per finding whose fix is a line edit (edits.ts),
// those that touch the same lines joined, and each proven before it is offered: applied to a
// copy of the project, the static analysis runs again, and the edit's findings must be gone
// with no new one in their place. An edit that fails that is not offered.

type LintOptions = Parameters<typeof lintProject>[0]

interface Candidate {
  findings: Finding[]
  ops: LineOp[]
  summaries: string[]
}

/** What counts as the same finding once lines have moved: its id and its platform. */
const keyOf = (f: Finding): string => `${f.diagnosis.id} ${f.platform ?? '*'}`

function countByKey(findings: Finding[]): Map<string, number> {
  const out = new Map<string, number>()
  for (const f of findings) out.set(keyOf(f), (out.get(keyOf(f)) ?? 0) + 1)
  return out
}

/** Findings with one id at one place (one per platform) share one edit. */
function candidates(findings: Finding[], ctx: FixContext): Candidate[] {
  const byPlace = new Map<string, Candidate>()
  for (const f of findings) {
    const d = f.diagnosis
    const place = `${d.id} ${d.file}:${d.line}`
    const known = byPlace.get(place)
    if (known) {
      known.findings.push(f)
      continue
    }
    const p = proposeFix(f, ctx)
    if (p) byPlace.set(place, { findings: [f], ops: p.ops, summaries: [p.summary] })
  }
  // Edits that touch a line in common become one: a suggestion cannot overlap another.
  const out: Candidate[] = []
  for (const c of byPlace.values()) {
    const lines = new Set(c.ops.map((o) => `${o.file}:${o.line}`))
    const joined = out.find((o) => o.ops.some((x) => lines.has(`${x.file}:${x.line}`)))
    if (joined) {
      joined.findings.push(...c.findings)
      joined.ops.push(...c.ops)
      joined.summaries.push(...c.summaries)
    } else out.push(c)
  }
  return out
}

/**
 * The proven fixes for a linted project. `read` reads the project's files by absolute path (the
 * disk, or a test's copy); shown paths resolve against the base, as the linter shows them.
 */
export function fixesFor(
  opts: LintOptions,
  lint: { model: DockerfileModel | null; findings: Finding[] },
  buildArch?: string,
  read: ReadFile = readFromDisk,
): FixEdit[] {
  if (!lint.model || lint.findings.length === 0) return []
  const pathOf = (file: string): string => resolve(opts.base, file)
  // Each file read and split once, however many edits look at it.
  const files = new Map<string, { text: string; lines: string[] } | null>()
  const fileOf = (file: string): { text: string; lines: string[] } | null => {
    if (!files.has(file)) {
      const text = read(pathOf(file))
      files.set(file, text === null ? null : { text, lines: splitLines(text).lines })
    }
    return files.get(file)!
  }
  const ctx: FixContext = { model: lint.model, lines: (file) => fileOf(file)?.lines ?? null }
  const before = countByKey(lint.findings)
  const out: FixEdit[] = []
  for (const c of candidates(lint.findings, ctx)) {
    const hunks = hunksOf(c.ops, ctx.lines)
    if (!hunks || hunks.length === 0) continue
    const edited = new Map<string, string | null>()
    for (const file of new Set(hunks.map((h) => h.file))) {
      const text = fileOf(file)?.text
      const mine = hunks.filter((h) => h.file === file)
      edited.set(pathOf(file), text === undefined ? null : applyHunks(text, mine))
    }
    if ([...edited.values()].includes(null)) continue
    let after: Map<string, number>
    try {
      const copy: ReadFile = (p) => (edited.has(p) ? edited.get(p)! : read(p))
      after = countByKey(lintProject(opts, buildArch, copy).findings)
    } catch {
      continue // the edited Dockerfile no longer parses: not a fix
    }
    const fixed = countByKey(c.findings)
    const gone = [...fixed].every(([k, n]) => (after.get(k) ?? 0) <= (before.get(k) ?? 0) - n)
    const noneNew = [...after].every(([k, n]) => n <= (before.get(k) ?? 0))
    if (!gone || !noneNew) continue
    const platforms = c.findings.map((f) => f.platform)
    out.push({
      diagnoses: [...new Set(c.findings.map((f) => f.diagnosis.id))],
      platforms: platforms.includes(null) ? null : [...new Set(platforms as string[])].sort(),
      summary: [...new Set(c.summaries)].join('; '),
      hunks,
    })
  }
  return out
}
