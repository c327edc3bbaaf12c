import { readFileSync } from 'node:fs'
import type { Results } from '../../src/results/types.js'

export const fixturePath = (rel: string): string =>
  new URL(`../../__fixtures__/${rel}`, import.meta.url).pathname

/** A results document captured from a real run in the sandbox (see __fixtures__/README.md). */
export function loadResultsFixture(
  name: 'tf-app' | 'tensorflow-macos' | 'venv-not-on-path' | 'tensorflow-cpu',
): Results {
  return JSON.parse(readFileSync(fixturePath(`results/${name}.json`), 'utf8')) as Results
}

/** Text outside fenced code blocks, where markdown and HTML are live. */
export function outsideCodeBlocks(markdown: string): string {
  const out: string[] = []
  let fence: string | null = null
  for (const line of markdown.split('\n')) {
    const m = /^(`{3,}|~{3,})/.exec(line)
    if (fence === null && m) {
      fence = m[1]!
      continue
    }
    if (fence !== null) {
      if (line.trim() === fence) fence = null
      continue
    }
    out.push(line)
  }
  return out.join('\n')
}
