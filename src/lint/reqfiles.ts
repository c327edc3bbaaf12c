import { posix } from 'node:path'
import {
  type Declared,
  declared,
  fromPyproject,
  fromSetupCfg,
  fromSetupPy,
  type ReadContext,
  readProject,
} from './declared.js'
import { type PipCall, parseRequirement, shellWords } from './pip.js'
import { contextPathOf } from './text.js'

// Everything one pip install names, with the file and line that say it: the requirements on its
// command line, the local projects it installs (`.`, `-e .`, `./sub[gpu]`), and its -r / -c
// files with the files they name in turn (relative to the file naming them, as pip does).

/** How deep -r inside -r goes before the rest is left unread (pip itself has no limit). */
const MAX_DEPTH = 10

/** A local project as pip is given it: `.`, `./sub[gpu,dev]`, `/app`; null for anything else. */
export function localProject(spec: string): { dir: string; extras: string[] } | null {
  const m = /^((?:\.{1,2}|\/|file:)[^[]*?)\/?(?:\[([^\]]*)\])?$/.exec(spec.trim())
  // A wheel or an sdist is a file, not a project to read.
  if (!m || /\.(whl|zip|tar(\.\w+)?|tgz)$/i.test(m[1]!)) return null
  const path = m[1]!.replace(/^file:(\/\/)?/, '')
  const extras = (m[2] ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)
  // The project's directory in the build context, as contextPathOf maps a file under WORKDIR.
  const dir = contextPathOf(`${path.replace(/\/+$/, '')}/`).replace(/^\/+|\/+$/g, '')
  return { dir: posix.normalize(dir || '.'), extras }
}

/** A requirements file's logical lines: a trailing backslash joins the next; comments dropped. */
function logicalLines(text: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = []
  let cur: { text: string; line: number } | null = null
  text.split(/\r?\n/).forEach((l, i) => {
    const body = l.replace(/(^|\s+)#.*$/, '')
    const joined = cur ? `${cur.text} ${body.trim()}` : body
    cur = { text: joined, line: cur?.line ?? i + 1 }
    if (/\\\s*$/.test(body)) cur.text = cur.text.replace(/\\\s*$/, '')
    else {
      if (cur.text.trim() !== '') out.push({ text: cur.text.trim(), line: cur.line })
      cur = null
    }
  })
  return out
}

/** A project's own declaration given as -r, as uv reads it (uv pip install -r pyproject.toml). */
function declarationFile(path: string, text: string, read: ReadContext): Declared[] | null {
  switch (posix.basename(path)) {
    case 'pyproject.toml':
      return fromPyproject(path, text, [], read) ?? []
    case 'setup.cfg':
      return fromSetupCfg(path, text, []) ?? []
    case 'setup.py':
      return fromSetupPy(path, text)
    default:
      return null
  }
}

const FILE_OPTION = /^(-r|--requirement|-c|--constraint)(?:=(.+))?$/
const EDITABLE = /^(-e|--editable)(?:=(.+))?$/

class Reader {
  readonly out: Declared[] = []
  private readonly seen = new Set<string>()
  constructor(
    private readonly read: ReadContext,
    private readonly noDeps: boolean,
  ) {}

  /** A local project's declared requirements (unless pip runs with --no-deps). */
  project(spec: string): boolean {
    const local = localProject(spec)
    if (!local) return false
    const key = `project ${local.dir} [${local.extras.join(',')}]`
    if (this.noDeps || this.seen.has(key)) return true
    this.seen.add(key)
    this.out.push(...readProject(local.dir, local.extras, this.read))
    return true
  }

  /** A requirements or constraints file, by its context path, and the files it names. */
  file(path: string, depth: number): void {
    const norm = posix.normalize(path)
    if (depth > MAX_DEPTH || this.seen.has(norm)) return
    this.seen.add(norm)
    const text = this.read(norm)
    if (text === null) return
    const own = declarationFile(norm, text, this.read)
    if (own) {
      this.out.push(...own)
      return
    }
    for (const l of logicalLines(text)) {
      const words = shellWords(l.text)
      const [first = '', second = ''] = words
      const opt = FILE_OPTION.exec(first) ?? /^-([rc])(.+)$/.exec(first)
      const edit = EDITABLE.exec(first)
      if (opt) {
        const named = opt[2] ?? second
        // Named relative to this file, unless absolute (then as the image's path).
        const next = named.startsWith('/')
          ? contextPathOf(named)
          : posix.join(posix.dirname(norm), named)
        // A file by URL is not in the build context.
        if (named && !named.includes('://')) this.file(next, depth + 1)
      } else if (edit) this.project(edit[2] ?? second)
      else if (!this.project(l.text)) {
        const r = declared(l.text, norm, l.line)
        if (r) this.out.push(r)
      }
    }
  }
}

/**
 * The requirements one pip install names, in order: its command line (path null), the local
 * projects it installs, then its requirements and constraints files.
 */
export function pipRequirements(pip: PipCall, read: ReadContext): Declared[] {
  const reader = new Reader(read, pip.noDeps)
  for (const spec of pip.specs) {
    if (reader.project(spec)) continue
    const r = parseRequirement(spec)
    if (r) reader.out.push({ ...r, raw: spec, path: null, line: 0 })
  }
  for (const f of [...pip.requirementFiles, ...pip.constraintFiles])
    reader.file(contextPathOf(f), 0)
  return reader.out
}
