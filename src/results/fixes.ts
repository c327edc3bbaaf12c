import { parsePlatform } from '../platforms.js'
import { type Checker, LIMITS } from './checker.js'
import type { FixEdit, FixHunk } from './types.js'

// The fixes of a results file from another job: they become suggested changes on the pull
// request, so each must name a file inside the repository, lines in order, and text that is
// only text. Anything else fails the file, as any other field would.

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f\u2028\u2029]/

/** A path relative to the repository that stays inside it: no root, no .., no backslash. */
export function confinedPath(file: string): boolean {
  return (
    file !== '' &&
    !file.startsWith('/') &&
    !file.startsWith('-') &&
    !/[\\:]/.test(file) &&
    !CONTROL.test(file) &&
    file.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..')
  )
}

function lines(c: Checker, v: unknown, path: string, exactly?: number): string[] {
  const out = c.arr(v, path, LIMITS.hunkLines).map((x, i) => {
    if (typeof x !== 'string' || x.length > 1000 || CONTROL.test(x))
      c.fail(`${path}[${i}]`, 'must be one line of text (at most 1000 characters)')
    return x
  })
  if (exactly !== undefined && out.length !== exactly)
    c.fail(path, `has ${out.length} lines where the line range names ${exactly}`)
  return out
}

function hunk(c: Checker, v: unknown, path: string): FixHunk {
  const o = c.obj(v, path)
  const file = c.str(o.file, `${path}.file`, 300)
  if (!confinedPath(file)) c.fail(`${path}.file`, `'${file}' is not a path inside the repository`)
  const line = (k: 'startLine' | 'endLine'): number => {
    const n = o[k]
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1)
      c.fail(`${path}.${k}`, 'must be a line number (1 or more)')
    return n
  }
  const startLine = line('startLine')
  const endLine = line('endLine')
  if (endLine < startLine || endLine - startLine >= LIMITS.hunkLines)
    c.fail(`${path}.endLine`, `must lie between startLine and startLine + ${LIMITS.hunkLines - 1}`)
  return {
    file,
    startLine,
    endLine,
    original: lines(c, o.original, `${path}.original`, endLine - startLine + 1),
    replacement: lines(c, o.replacement, `${path}.replacement`),
  }
}

export function fixesOf(c: Checker, v: unknown): FixEdit[] {
  return c.arr(v, 'fixes', LIMITS.fixes).map((x, i) => {
    const path = `fixes[${i}]`
    const o = c.obj(x, path)
    const diagnoses = c.arr(o.diagnoses, `${path}.diagnoses`, 10).map((d, j) => {
      const id = c.str(d, `${path}.diagnoses[${j}]`, 64)
      if (!/^[a-z0-9-]+$/.test(id))
        c.fail(`${path}.diagnoses[${j}]`, `'${id}' is not a diagnosis id`)
      return id
    })
    const platforms =
      o.platforms === null
        ? null
        : c.arr(o.platforms, `${path}.platforms`, LIMITS.platforms).map((p, j) => {
            try {
              return parsePlatform(c.str(p, `${path}.platforms[${j}]`, 64), 'platform').id
            } catch {
              return c.fail(`${path}.platforms[${j}]`, `'${String(p)}' is not a platform`)
            }
          })
    const hunks = c
      .arr(o.hunks, `${path}.hunks`, LIMITS.hunks)
      .map((h, j) => hunk(c, h, `${path}.hunks[${j}]`))
    if (hunks.length === 0) c.fail(`${path}.hunks`, 'is empty')
    return { diagnoses, platforms, summary: c.str(o.summary, `${path}.summary`, 300), hunks }
  })
}
