import { readFile, writeFile } from 'node:fs/promises'
import { resolve, sep } from 'node:path'
import { errorMessage } from '../errors.js'
import type { FixEdit } from '../results/types.js'
import { applyHunks, unifiedDiff } from './lines.js'

// The CLI's --fix: each file's edits shown as a unified diff, then written (unless a dry run).
// Only files inside the build context, only the lines each hunk names, and only when those
// lines still read as the hunk says.

export interface FixReport {
  /** The files written (or, in a dry run, that would be), as shown. */
  changed: string[]
  /** Files left alone, with the reason. */
  refused: string[]
}

export async function writeFixes(
  fixes: FixEdit[],
  paths: { base: string; contextPath: string },
  mode: 'write' | 'dry-run',
  print: (text: string) => void,
): Promise<FixReport> {
  const out: FixReport = { changed: [], refused: [] }
  const files = [...new Set(fixes.flatMap((f) => f.hunks.map((h) => h.file)))]
  for (const file of files) {
    const full = resolve(paths.base, file)
    if (!full.startsWith(paths.contextPath + sep)) {
      out.refused.push(`${file}: outside the build context, not changed`)
      continue
    }
    try {
      const before = await readFile(full, 'utf8')
      const hunks = fixes.flatMap((f) => f.hunks.filter((h) => h.file === file))
      const after = applyHunks(before, hunks)
      if (after === null) {
        out.refused.push(`${file}: changed since it was analysed, not changed`)
        continue
      }
      print(unifiedDiff(file, before, after))
      if (mode === 'write') await writeFile(full, after)
      out.changed.push(file)
    } catch (err) {
      out.refused.push(`${file}: ${errorMessage(err)}`)
    }
  }
  return out
}
