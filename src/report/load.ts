import * as glob from '@actions/glob'
import { readFile, stat } from 'node:fs/promises'
import { relative } from 'node:path'
import { InputError } from '../errors.js'
import type { Results } from '../results/types.js'
import { LIMITS, validateResults } from '../results/validate.js'

/**
 * Reads every results file the pattern matches (one glob per line, as actions/upload-artifact
 * takes them), each checked against the schema. Nothing matched, an oversized file or one that
 * is not results JSON is an error before anything is posted.
 */
export async function loadResults(patterns: string, cwd: string): Promise<Results[]> {
  const globber = await glob.create(patterns, { matchDirectories: false })
  const files = (await globber.glob()).sort()
  if (files.length === 0) {
    throw new InputError(
      'results',
      `'${patterns.replace(/\n/g, ', ')}' matches no file; download the check jobs' results first (actions/download-artifact) and point results at them, e.g. results/**/results.json`,
    )
  }
  const out: Results[] = []
  for (const file of files) {
    const shown = relative(cwd, file) || file
    const { size } = await stat(file)
    if (size > LIMITS.fileBytes) {
      throw new InputError(
        'results',
        `${shown} is ${size} bytes, more than the ${LIMITS.fileBytes} a results file may have; point results at the results.json files the check jobs wrote (their results-file output)`,
      )
    }
    let value: unknown
    try {
      value = JSON.parse(await readFile(file, 'utf8'))
    } catch (err) {
      throw new InputError(
        'results',
        `${shown} is not JSON (${err instanceof Error ? err.message : String(err)})`,
      )
    }
    out.push(validateResults(value, shown))
  }
  return out
}
