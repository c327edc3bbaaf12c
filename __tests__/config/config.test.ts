import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { flagRows, USAGE } from '../../src/config/flags.js'
import { OPTIONS, type OptionSpec, shownDefault } from '../../src/config/table.js'

// The option table (src/config/table.ts) is the one source: action.yml's inputs, the README's
// input table and its flag table must say what it says. An input, a flag or a default changed
// in one place only fails here. TFMC_UPDATE_README=1 rewrites the README's flag table from the
// option table (then npm run format:write).

const ROOT = new URL('../../', import.meta.url)
const read = (file: string): string => readFileSync(new URL(file, ROOT), 'utf8')
const specs = Object.entries(OPTIONS as Record<string, OptionSpec>)
const inputs = specs.filter(([, o]) => o.input !== null)

/** The rows of the markdown table under a heading, as trimmed cells (`\|` kept as text). */
function tableAfter(
  markdown: string,
  heading: string,
): { rows: string[][]; span: [number, number] } {
  const lines = markdown.split('\n')
  const start = lines.findIndex((l) => l.trim() === heading)
  expect(start, `README has no "${heading}"`).toBeGreaterThan(-1)
  const first = lines.findIndex((l, i) => i > start && l.startsWith('|'))
  let end = first
  while (lines[end]?.startsWith('|')) end++
  const rows = lines.slice(first + 2, end).map((l) =>
    l
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((c) => c.trim().replace(/\\\|/g, '|')),
  )
  return { rows, span: [first, end] }
}

describe('the option table', () => {
  it("is action.yml's inputs, with the same defaults", () => {
    const action = parse(read('action.yml')) as { inputs: Record<string, { default?: string }> }
    expect(Object.keys(action.inputs).sort()).toEqual(inputs.map(([, o]) => o.input).sort())
    for (const [, o] of inputs) {
      expect(String(action.inputs[o.input!]!.default ?? ''), `default of ${o.input}`).toBe(
        o.default,
      )
    }
  })

  it("is the README's input table, with the same defaults", () => {
    const { rows } = tableAfter(read('README.md'), '### Inputs')
    const byInput = new Map(rows.map(([name, dflt]) => [name!.replace(/`/g, ''), dflt!]))
    expect([...byInput.keys()].sort()).toEqual(inputs.map(([, o]) => o.input).sort())
    for (const [, o] of inputs) {
      expect(byInput.get(o.input!), `README default of ${o.input}`).toBe(shownDefault(o))
    }
  })

  it("is the README's flag table", () => {
    const readme = read('README.md')
    const { rows, span } = tableAfter(readme, '## Command line')
    const wanted = flagRows()
    if (process.env.TFMC_UPDATE_README) {
      const lines = readme.split('\n')
      const esc = (c: string): string => c.replace(/\|/g, '\\|')
      lines.splice(
        span[0] + 2,
        span[1] - span[0] - 2,
        ...wanted.map(([f, m]) => `| ${esc(f)} | ${esc(m)} |`),
      )
      writeFileSync(new URL('README.md', ROOT), lines.join('\n'))
      return
    }
    expect(rows).toEqual(wanted)
  })

  it("is the CLI's usage: every flag, its value and its default", () => {
    for (const [, o] of specs.filter(([, x]) => x.flag !== null)) {
      expect(USAGE).toContain(`${o.flag}${o.arg ? `${o.bare ? '' : ' '}${o.arg}` : ''}`)
    }
    expect(USAGE).toContain('--timeout MINUTES             per platform (default 60)')
    expect(USAGE).toContain('--memory SIZE                 memory limit')
    expect(USAGE).toContain('--fix[=dry-run]               write the fixes')
  })
})

// GitHub runs Node 20 actions on Node 24 since June 2026 and removes Node 20 in September:
// every example uses a major whose runtime is node24 (these are the first such majors).
const NODE24_MAJOR: Record<string, number> = {
  'actions/checkout': 5,
  'actions/setup-node': 5,
  'actions/upload-artifact': 6,
  'docker/setup-qemu-action': 4,
  'docker/setup-buildx-action': 4,
  'docker/login-action': 4,
  'docker/build-push-action': 7,
  'actions/download-artifact': 7,
}

describe('workflow examples', () => {
  const files = [
    'README.md',
    ...readdirSync(new URL('.github/workflows/', ROOT)).map((f) => `.github/workflows/${f}`),
  ]
  it.each(files)('%s uses the Node 24 majors of the actions it calls', (file) => {
    const uses = [...read(file).matchAll(/uses:\s*(actions\/[a-z-]+)@v(\d+)/g)]
    for (const [, action, major] of uses) {
      expect(NODE24_MAJOR[action!], `${action} is not in the table`).toBeDefined()
      expect(Number(major), `${file}: ${action}@v${major}`).toBeGreaterThanOrEqual(
        NODE24_MAJOR[action!]!,
      )
    }
  })
})
