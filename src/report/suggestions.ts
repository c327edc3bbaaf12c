import { TOOL_NAME } from '../version.js'
import { createHash } from 'node:crypto'
import { parsePatch } from 'diff'
import type { FixEdit, FixHunk } from '../results/types.js'
import { codeBlock, codeSpan, fence, inline } from './safe.js'

// Suggested changes on the pull request, as pure functions: which hunks lie on lines of the
// pull request's diff (and still read as the hunk says), the hidden marker that finds our
// comments again, and the comment body with its `suggestion` block.

/** What every suggestion comment of this configuration starts with. */
export function suggestionPrefix(header: string): string {
  return `<!-- ${TOOL_NAME}:suggestion${header ? ` (${header})` : ''} `
}

/** Names a hunk by what it changes, not where: a moved line keeps its key. */
export function hunkKey(h: FixHunk): string {
  const text = JSON.stringify([h.file, h.original, h.replacement])
  return createHash('sha256').update(text).digest('hex').slice(0, 16)
}

/** The key in a comment body that starts with the prefix, or null. */
export function keyOfBody(body: string, header: string): string | null {
  const prefix = suggestionPrefix(header)
  if (!body.startsWith(prefix)) return null
  const m = /^([0-9a-f]{16}) -->/.exec(body.slice(prefix.length))
  return m ? m[1]! : null
}

/**
 * The lines of the new file that a patch shows (added and context lines), each with its text
 * and the hunk it is in: a review comment may only cover lines of one hunk.
 */
export function diffLines(patch: string): Map<number, { text: string; hunk: number }> {
  const out = new Map<number, { text: string; hunk: number }>()
  const [file] = parsePatch(patch)
  file?.hunks.forEach((h, index) => {
    let line = h.newStart
    for (const l of h.lines) {
      if (l.startsWith('+') || l.startsWith(' ')) out.set(line++, { text: l.slice(1), hunk: index })
    }
  })
  return out
}

export interface PullFileLike {
  filename: string
  status: string
  patch?: string
}

/** Whether a file's new-side diff lines show exactly the hunk's lines, in one diff hunk. */
function onDiff(h: FixHunk, shown: Map<number, { text: string; hunk: number }> | null): boolean {
  const first = shown?.get(h.startLine)
  return h.original.every((text, i) => {
    const at = shown?.get(h.startLine + i)
    return at !== undefined && at.hunk === first?.hunk && at.text === text
  })
}

/** Splits the fixes into those every hunk of which lies on the diff, and the rest. */
export function partitionFixes(
  fixes: FixEdit[],
  files: PullFileLike[],
): { onDiff: FixEdit[]; outside: FixEdit[] } {
  // Each file's patch is read once, however many hunks point into it.
  const shown = new Map<string, Map<number, { text: string; hunk: number }> | null>()
  const linesOf = (file: string): Map<number, { text: string; hunk: number }> | null => {
    if (!shown.has(file)) {
      const f = files.find((x) => x.filename === file && x.status !== 'removed')
      shown.set(file, f?.patch ? diffLines(f.patch) : null)
    }
    return shown.get(file)!
  }
  const inside = fixes.filter((f) => f.hunks.every((h) => onDiff(h, linesOf(h.file))))
  return { onDiff: inside, outside: fixes.filter((f) => !inside.includes(f)) }
}

/** The comment for one hunk: marker, what it fixes, and the suggestion block. */
export function suggestionBody(fix: FixEdit, index: number, header: string): string {
  const h = fix.hunks[index]!
  const f = fence(h.replacement.join('\n'))
  const ids = fix.diagnoses.map((d) => codeSpan(d, 64)).join(', ')
  const where = fix.platforms ? ` on ${fix.platforms.map((p) => codeSpan(p, 40)).join(', ')}` : ''
  const part =
    fix.hunks.length > 1
      ? [
          '',
          `Part ${index + 1} of ${fix.hunks.length} of one fix: add each part to a batch ("Add suggestion to batch") and commit them together.`,
        ]
      : []
  return [
    `${suggestionPrefix(header)}${hunkKey(h)} -->`,
    `**${TOOL_NAME}** fix for ${ids}${where}: ${inline(fix.summary, 300)}`,
    ...part,
    '',
    `${f}suggestion`,
    ...h.replacement,
    f,
  ].join('\n')
}

/** A fix as the sticky comment and the job summary show it: what it does, and a diff of its hunks. */
export function fixLines(fix: FixEdit): string[] {
  const ids = fix.diagnoses.map((d) => codeSpan(d, 64)).join(', ')
  const where = fix.platforms ? ` (${fix.platforms.map((p) => codeSpan(p, 40)).join(', ')})` : ''
  const diff = fix.hunks.flatMap((h) => [
    `@@ ${h.file}:${h.startLine}${h.endLine > h.startLine ? `-${h.endLine}` : ''} @@`,
    ...h.original.map((l) => `-${l}`),
    ...h.replacement.map((l) => `+${l}`),
  ])
  return [
    `- ${ids}${where}: ${inline(fix.summary, 300)}`,
    '',
    codeBlock(diff.join('\n'), 'diff'),
    '',
  ]
}
