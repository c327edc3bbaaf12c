import { createTwoFilesPatch } from 'diff'
import type { FixHunk } from '../results/types.js'

// Fixes as changes to lines: a rewrite of one line, and lines inserted before or after it. The
// changes to neighbouring lines become one hunk; a hunk replaces exactly the lines it touches.

export interface LineOp {
  /** The file as shown (relative to the base). */
  file: string
  /** 1-based. */
  line: number
  /** The line's new text; returning the text unchanged means the edit could not be made. */
  rewrite?: (text: string) => string
  before?: string[]
  after?: string[]
}

/** A file's lines without their endings, and the ending it uses. */
export function splitLines(text: string): { lines: string[]; eol: string } {
  return { lines: text.split(/\r?\n/), eol: text.includes('\r\n') ? '\r\n' : '\n' }
}

/**
 * The hunks that a set of changes makes, or null when one cannot be made (a line that is not
 * there, a rewrite that changes nothing). Lines next to each other form one hunk.
 */
export function hunksOf(
  ops: LineOp[],
  linesOf: (file: string) => string[] | null,
): FixHunk[] | null {
  const hunks: FixHunk[] = []
  const files = [...new Set(ops.map((o) => o.file))]
  for (const file of files) {
    const lines = linesOf(file)
    if (!lines) return null
    const mine = ops.filter((o) => o.file === file)
    const touched = [...new Set(mine.map((o) => o.line))].sort((a, b) => a - b)
    for (const line of touched) {
      const original = lines[line - 1]
      if (original === undefined) return null
      let text = original
      const before: string[] = []
      const after: string[] = []
      for (const op of mine.filter((o) => o.line === line)) {
        if (op.rewrite) {
          const next = op.rewrite(text)
          if (next === text) return null
          text = next
        }
        before.push(...(op.before ?? []))
        after.push(...(op.after ?? []))
      }
      const replacement = [...before, text, ...after]
      const last = hunks.at(-1)
      if (last && last.file === file && last.endLine === line - 1) {
        last.endLine = line
        last.original.push(original)
        last.replacement.push(...replacement)
      } else {
        hunks.push({ file, startLine: line, endLine: line, original: [original], replacement })
      }
    }
  }
  return hunks
}

/**
 * A file's text with hunks applied, or null when a hunk's lines are not what it says they are
 * (the file changed since). The file's line endings are kept.
 */
export function applyHunks(text: string, hunks: FixHunk[]): string | null {
  const { lines, eol } = splitLines(text)
  const sorted = [...hunks].sort((a, b) => b.startLine - a.startLine)
  for (const h of sorted) {
    const now = lines.slice(h.startLine - 1, h.endLine)
    if (now.length !== h.original.length || now.some((l, i) => l !== h.original[i])) return null
    lines.splice(h.startLine - 1, h.endLine - h.startLine + 1, ...h.replacement)
  }
  return lines.join(eol)
}

/** A unified diff of one file's change, as git shows it (a/ and b/ prefixes, 3 lines of context). */
export function unifiedDiff(file: string, before: string, after: string): string {
  const patch = createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, {
    context: 3,
  })
  // jsdiff starts with a line of '=' that git does not print.
  return patch.replace(/^=+\n/, '')
}

/**
 * The lines one Dockerfile instruction spans, from its first: continuation lines end in a
 * backslash. null for a heredoc, whose lines are not the instruction's words.
 */
export function instructionLines(lines: string[], start: number): number[] | null {
  const out: number[] = []
  for (let n = start; n <= lines.length; n++) {
    const text = lines[n - 1]!
    if (/<<-?\s*['"]?[A-Za-z_]/.test(text)) return null
    out.push(n)
    if (!/\\\s*$/.test(text)) break
  }
  return out
}

/** The first line of an instruction that matches, or null. */
export function lineMatching(lines: string[], start: number, re: RegExp): number | null {
  return instructionLines(lines, start)?.find((n) => re.test(lines[n - 1]!)) ?? null
}

/** A regular expression for a string, matched literally. */
export function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
}
