import { posix } from 'node:path'
import { normalizeName } from '../knowledge/tensorflow.js'
import { parseRequirement } from './pip.js'
import { tomlDocument } from './toml.js'
import { poetryRequirements } from './poetry.js'

// What a local Python project says it installs, as `pip install .` reads it: pyproject.toml
// ([project] dependencies and the extras asked for, else Poetry's dependencies), else setup.cfg
// ([options] install_requires, [options.extras_require]), else the literal install_requires
// list of setup.py. Each requirement keeps the file and line that spell it.

/** A file of the build context, by its context-relative path; null if absent. */
export type ReadContext = (path: string) => string | null

export interface Declared {
  name: string
  /** The extras asked for, normalised: tensorflow[And_CUDA] -> ['and-cuda']. */
  extras: string[]
  specifier: string
  marker: string
  /** The text as written. */
  raw: string
  /** Context-relative path of the file that says it; null: the pip command line itself. */
  path: string | null
  /** 1-based. */
  line: number
}

/** A requirement string at a place; null when it is not a PEP 508 requirement. */
export function declared(raw: string, path: string, line: number): Declared | null {
  const r = parseRequirement(raw)
  return r ? { ...r, raw: raw.trim(), path, line } : null
}

const wanted = (extras: string[]): Set<string> => new Set(extras.map(normalizeName))

/** The requirement lines of a plain file (setuptools' `file:` directive): no options. */
function requirementLines(path: string, read: ReadContext): Declared[] {
  const text = read(path)
  if (text === null) return []
  return text.split(/\r?\n/).flatMap((l, i) => declared(l, path, i + 1) ?? [])
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

const stringsOf = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []

const record = (v: unknown, key: string): Record<string, unknown> => {
  const x = isRecord(v) ? v[key] : undefined
  return isRecord(x) ? x : {}
}

/**
 * pyproject.toml's requirements; null when it declares none of its own (no [project] and no
 * Poetry dependencies, or dependencies left dynamic to setup.cfg or setup.py).
 */
export function fromPyproject(
  path: string,
  text: string,
  extras: string[],
  read: ReadContext,
): Declared[] | null {
  const doc = tomlDocument(text)
  if (!doc) return null // not TOML: pip fails on it, and says so
  const poetry = (): Declared[] | null =>
    poetryRequirements(doc, extras)?.map((r) => ({ ...r, path })) ?? null
  const project = doc.data['project']
  if (!isRecord(project)) return poetry()
  const dir = posix.dirname(path)
  const dynamic = stringsOf(project['dynamic'])
  // setuptools' [tool.setuptools.dynamic] dependencies = { file = ["requirements.txt"] }.
  const dyn = record(record(doc.data['tool'], 'setuptools'), 'dynamic')
  const fromFiles = (v: unknown): Declared[] =>
    stringsOf(isRecord(v) ? v['file'] : undefined).flatMap((f) =>
      requirementLines(posix.join(dir, f), read),
    )
  const fromArray = (key: string[]): Declared[] =>
    doc.strings(key).flatMap((e) => declared(e.value, path, e.line) ?? [])
  const out: Declared[] = []
  if (!dynamic.includes('dependencies')) out.push(...fromArray(['project', 'dependencies']))
  else if (isRecord(dyn['dependencies'])) out.push(...fromFiles(dyn['dependencies']))
  else return poetry() // Poetry 2 keeps them in its own table; setuptools in setup.cfg/setup.py
  const want = wanted(extras)
  const chosen = (v: Record<string, unknown>): string[] =>
    Object.keys(v).filter((k) => want.has(normalizeName(k)))
  for (const extra of chosen(record(project, 'optional-dependencies')))
    out.push(...fromArray(['project', 'optional-dependencies', extra]))
  if (dynamic.includes('optional-dependencies')) {
    const files = record(dyn, 'optional-dependencies')
    for (const extra of chosen(files)) out.push(...fromFiles(files[extra]))
  }
  return out
}

/** An INI file's sections as configparser reads them: a value goes on in indented lines. */
function iniValues(text: string): Map<string, { text: string; line: number }[]> {
  const out = new Map<string, { text: string; line: number }[]>()
  let section = ''
  let key: string | null = null
  text.split(/\r?\n/).forEach((l, i) => {
    if (/^\s*([#;].*)?$/.test(l)) return
    const header = /^\[([^\]]+)\]/.exec(l)
    if (header) {
      section = header[1]!.trim()
      key = null
    } else if (/^\s/.test(l) && key !== null) {
      out.get(key)!.push({ text: l.trim(), line: i + 1 })
    } else {
      const kv = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(l)
      key = kv ? `${section}\0${kv[1]!.trim()}` : null
      if (key === null) return
      out.set(key, kv![2] ? [{ text: kv![2].trim(), line: i + 1 }] : [])
    }
  })
  return out
}

/** setup.cfg's [options] install_requires and the [options.extras_require] asked for. */
export function fromSetupCfg(path: string, text: string, extras: string[]): Declared[] | null {
  const values = iniValues(text)
  const req = values.get('options\0install_requires')
  const want = wanted(extras)
  const extra = [...values].filter(([k]) => {
    const [section, name] = k.split('\0')
    return section === 'options.extras_require' && want.has(normalizeName(name!))
  })
  if (!req && extra.length === 0) return null
  return [...(req ?? []), ...extra.flatMap(([, v]) => v)].flatMap(
    (v) => declared(v.text, path, v.line) ?? [],
  )
}

/**
 * setup.py's install_requires, only where it is one literal list of plain string literals
 * (comments and a trailing comma allowed): anything computed says nothing here.
 */
export function fromSetupPy(path: string, text: string): Declared[] {
  const at = [...text.matchAll(/\binstall_requires\s*=\s*/g)].filter(
    (m) => !/#/.test(text.slice(text.lastIndexOf('\n', m.index) + 1, m.index)),
  )
  if (at.length !== 1) return []
  let i = at[0]!.index + at[0]![0].length
  if (text[i] !== '[') return []
  const found: { value: string; at: number }[] = []
  const skip = (): void => {
    for (;;) {
      while (i < text.length && /\s/.test(text[i]!)) i++
      if (text[i] !== '#') return
      while (i < text.length && text[i] !== '\n') i++
    }
  }
  i++
  for (;;) {
    skip()
    if (text[i] === ']') break
    const q = text[i]
    if (q !== '"' && q !== "'") return []
    const end = text.indexOf(q, i + 1)
    const value = end < 0 ? '' : text.slice(i + 1, end)
    // No triple quotes, escapes or line breaks: such a string is not the simple literal.
    if (end < 0 || end === i + 1 || /[\\\n]/.test(value)) return []
    found.push({ value, at: i })
    i = end + 1
    skip()
    if (text[i] === ',') i++
    else if (text[i] !== ']') return []
  }
  i++
  skip()
  // The list is the whole argument: `[...] + extra` or `[...][0]` is not a literal list.
  if (i < text.length && text[i] !== ',' && text[i] !== ')') return []
  const lineAt = (n: number): number => text.slice(0, n).split('\n').length
  return found.flatMap((f) => declared(f.value, path, lineAt(f.at)) ?? [])
}

/** What `pip install <dir>[extras]` installs, by what the project in that context dir declares. */
export function readProject(dir: string, extras: string[], read: ReadContext): Declared[] {
  const at = (f: string): string => posix.join(dir || '.', f)
  const toml = read(at('pyproject.toml'))
  const fromToml = toml === null ? null : fromPyproject(at('pyproject.toml'), toml, extras, read)
  if (fromToml) return fromToml
  const cfg = read(at('setup.cfg'))
  const fromCfg = cfg === null ? null : fromSetupCfg(at('setup.cfg'), cfg, extras)
  if (fromCfg) return fromCfg
  const py = read(at('setup.py'))
  return py === null ? [] : fromSetupPy(at('setup.py'), py)
}
