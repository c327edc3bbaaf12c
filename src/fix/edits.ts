import type { Finding } from '../diagnosis.js'
import { archOf, checkPin, MACOS_ONLY, newestFor } from '../knowledge/tensorflow.js'
import { multiArchTag, pythonOfImage } from '../knowledge/images.js'
import type { DockerfileModel, Requirement } from '../lint/model.js'
import { shellWords } from '../lint/pip.js'
import { baseOf, stageChain } from '../lint/stages.js'
import { parsePlatform } from '../platforms.js'
import { tagWithPython } from '../knowledge/images.js'
import { instructionLines, type LineOp, lineMatching, literal } from './lines.js'

// The edit that fixes a finding, as changes to lines, for the diagnoses whose fix is mechanical.
// Each returns null when the project is not in the shape the edit knows; fix/index.ts then
// proves each edit by linting an edited copy of the project before anyone is shown it.

export interface Proposal {
  ops: LineOp[]
  /** What the edit does, in one line. */
  summary: string
}

export interface FixContext {
  model: DockerfileModel
  /** A file's lines, by its shown path; null when it cannot be read. */
  lines: (file: string) => string[] | null
}

type Fixer = (f: Finding, ctx: FixContext) => Proposal | null

/** A package name as pip reads it: - _ . alike, any case. */
function nameBody(name: string): string {
  return name
    .split(/[-_.]+/)
    .map(literal)
    .join('[-_.]+')
}

/** The name as written, in a line. */
function nameRe(name: string): RegExp {
  return new RegExp(`(^|[\\s"'])(${nameBody(name)})(?=$|[\\s"'\\[;=<>!~,@])`, 'i')
}

/** The requirements a finding points at: those of its id's packages on its line. */
function requirementsAt(f: Finding, ctx: FixContext, names: string[]): Requirement[] {
  const d = f.diagnosis
  return ctx.model.requirements.filter(
    (r) => r.file === d.file && r.line === d.line && names.includes(r.name),
  )
}

/** Renames a requirement on the line that spells it (a continuation line of a RUN, too). */
function rename(r: Requirement, to: string, ctx: FixContext): LineOp | null {
  const lines = ctx.lines(r.file)
  const re = nameRe(r.name)
  const line = lines && lineMatching(lines, r.line, re)
  if (!line) return null
  return { file: r.file, line, rewrite: (t) => t.replace(re, `$1${to}`) }
}

/**
 * A requirement kept for macOS by a marker: after it on a requirements line, or inside its
 * string in pyproject.toml or setup.py (a Poetry key gets no edit: the line is left as it is).
 */
function darwinOnly(r: Requirement): (t: string) => string {
  if (!/\.(toml|py)$/.test(r.file))
    return (t) => t.replace(/^(\s*[^#]*?)(\s+#.*)?$/, '$1; sys_platform == "darwin"$2')
  const quoted = new RegExp(`(["'])(${nameBody(r.name)}[^"']*)\\1`, 'i')
  return (t) =>
    t.replace(quoted, (_m, q: string, body: string) => {
      const darwin = q === '"' ? "'darwin'" : '"darwin"'
      return `${q}${body}; sys_platform == ${darwin}${q}`
    })
}

const macosOnly: Fixer = (f, ctx) => {
  const ops: LineOp[] = []
  const said: string[] = []
  for (const r of requirementsAt(f, ctx, MACOS_ONLY)) {
    if (r.name !== 'tensorflow-metal') {
      const op = rename(r, 'tensorflow', ctx)
      if (!op) return null
      ops.push(op)
      said.push(`${r.name} → tensorflow${r.specifier}`)
    } else if (r.file !== ctx.model.file) {
      // The Apple GPU plugin, in a file a macOS setup may share: kept there by a marker.
      if (r.marker !== '') return null
      ops.push({ file: r.file, line: r.line, rewrite: darwinOnly(r) })
      said.push('tensorflow-metal for macOS only')
    } else {
      // In a RUN: dropped, when the same pip install has something else to install.
      const spec = new RegExp(`\\s+(["']?)${nameBody(r.name)}[^\\s"']*\\1(?=\\s|$)`, 'i')
      const lines = ctx.lines(r.file)
      const line = lines && lineMatching(lines, r.line, spec)
      const others = ctx.model.requirements.filter((x) => x.file === r.file && x.line === r.line)
      if (!line || others.length < 2) return null
      ops.push({ file: r.file, line, rewrite: (t) => t.replace(spec, '') })
      said.push('tensorflow-metal dropped (the Apple GPU plugin has no Linux build)')
    }
  }
  return ops.length === 0 ? null : { ops, summary: said.join('; ') }
}

const noWheel: Fixer = (f, ctx) => {
  const reqs = requirementsAt(f, ctx, ['tensorflow-cpu'])
  const ops = reqs.map((r) => rename(r, 'tensorflow', ctx))
  if (ops.length === 0 || ops.some((o) => o === null)) return null
  return {
    ops: ops as LineOp[],
    summary: `tensorflow-cpu → tensorflow${reqs[0]!.specifier} (it has wheels for both architectures)`,
  }
}

const archSuffixedTag: Fixer = (f, ctx) => {
  const from = ctx.model.stages.find((s) => s.from.line === f.diagnosis.line)?.from
  const clean = multiArchTag(from?.tag ?? null)
  if (!from || clean === null) return null
  const ref = `${from.name}:${from.tag}`
  const to = `${from.name}:${clean}`
  return {
    ops: [{ file: from.file, line: from.line, rewrite: (t) => t.replace(ref, to) }],
    summary: `FROM ${ref} → FROM ${to} (the multi-arch tag)`,
  }
}

const SHELL_SYNTAX = /[|;&$`<>*?(){}]/

const execFormShell: Fixer = (f, ctx) => {
  const cmd = ctx.model.cmds.find((c) => c.line === f.diagnosis.line && c.args)
  if (!cmd?.args) return null
  const words = shellWords(cmd.args.join(' ').replace(/&&/g, ' && '))
  const act = /^(.+)\/bin\/activate$/.exec(words[1] ?? '')
  if (!['.', 'source'].includes(words[0] ?? '') || !act) return null
  const rest = words.slice(words[2] === '&&' ? 3 : 2)
  if (rest.length === 0 || rest.some((w) => SHELL_SYNTAX.test(w))) return null
  const rel = act[1]!.replace(/^\.\//, '')
  const venv = rel.startsWith('/')
    ? rel
    : ctx.model.venvs.find((v) => v.path === `/${rel}` || v.path.endsWith(`/${rel}`))?.path
  if (!venv) return null
  const program = rest[0]!.replace(/^python3?(\.\d+)?$/, 'python')
  if (program.includes('/')) return null
  const args = [`${venv}/bin/${program}`, ...rest.slice(1)]
  const lines = ctx.lines(cmd.file)
  if (!lines || instructionLines(lines, cmd.line)?.length !== 1) return null
  const form = `${cmd.keyword} [${args.map((a) => JSON.stringify(a)).join(', ')}]`
  return {
    ops: [
      { file: cmd.file, line: cmd.line, rewrite: (t) => t.replace(/^(\s*)\S.*$/, `$1${form}`) },
    ],
    summary: `${cmd.keyword} runs the venv's ${program} directly: ${form}`,
  }
}

/** The venv a venv-not-on-path finding is about, from the place it points at. */
function venvAt(f: Finding, m: DockerfileModel): string | null {
  const at = (x: { file: string; line: number }): boolean =>
    x.file === f.diagnosis.file && x.line === f.diagnosis.line
  return (
    m.requirements.find((r) => at(r) && r.venv)?.venv ??
    m.pipInstalls.find((p) => at(p) && p.venv)?.venv ??
    m.venvs.find(at)?.path ??
    m.danglingActivations.find(at)?.path ??
    null
  )
}

const pathEnv = (venv: string): string => `ENV PATH="${venv}/bin:$PATH"`

const venvNotOnPath: Fixer = (f, ctx) => {
  const venv = venvAt(f, ctx.model)
  const final = stageChain(ctx.model, ctx.model.finalStage).map((s) => s.index)
  const made = ctx.model.venvs.find((v) => v.path === venv && final.includes(v.stageIndex))
  const lines = made && ctx.lines(made.file)
  const end = lines && instructionLines(lines, made.line)?.at(-1)
  if (!venv || !made || !end) return null
  return {
    ops: [{ file: made.file, line: end, after: [pathEnv(venv)] }],
    summary: `${pathEnv(venv)} after the venv is created`,
  }
}

const VENV = '/opt/venv'

/** The stage a line of the Dockerfile belongs to. */
function stageAt(m: DockerfileModel, line: number): number {
  return m.stages.findLast((s) => s.from.line <= line)?.index ?? -1
}

const externallyManaged: Fixer = (f, ctx) => {
  const pip = ctx.model.pipInstalls.find((p) => p.line === f.diagnosis.line)
  const lines = ctx.lines(ctx.model.file)
  if (!pip || !lines) return null
  // python3 -m venv needs Debian's python3-venv: added where the RUN installs python3-pip.
  const chain = stageChain(ctx.model, pip.stageIndex).map((s) => s.index)
  const apt = lines
    .map((_, i) => i + 1)
    .find(
      (n) =>
        n < pip.line &&
        chain.includes(stageAt(ctx.model, n)) &&
        /\bapt(-get)?\s+install\b/.test(lines[n - 1]!),
    )
  const aptLines = apt ? (instructionLines(lines, apt) ?? []) : []
  const aptText = aptLines.map((n) => lines[n - 1]).join(' ')
  const pipPkg = /(^|\s)python3-pip(?=\s|$|\\)/
  const ops: LineOp[] = []
  if (!/\bpython3(\.\d+)?-(venv|full)\b/.test(aptText)) {
    const at = aptLines.find((n) => pipPkg.test(lines[n - 1]!))
    if (!at) return null
    ops.push({
      file: ctx.model.file,
      line: at,
      rewrite: (t) => t.replace(pipPkg, '$1python3-pip python3-venv'),
    })
  }
  ops.push({
    file: ctx.model.file,
    line: pip.line,
    before: [`RUN python3 -m venv ${VENV}`, pathEnv(VENV)],
  })
  return { ops, summary: `pip installs into a venv (${VENV}) on PATH, not the system Python` }
}

const pythonUnsupported: Fixer = (f, ctx) => {
  const r = ctx.model.requirements.find(
    (x) => x.file === f.diagnosis.file && x.line === f.diagnosis.line,
  )
  const base = r && baseOf(ctx.model, r.stageIndex)
  const python = base && pythonOfImage(base.name, base.tag)
  if (!r || !base || !python) return null
  const arch = f.platform ? archOf(parsePlatform(f.platform, 'platform').arch) : 'x86_64'
  const pythons = arch ? checkPin(r.name, r.specifier, python, arch).pythons : []
  const wanted = pythons.at(-1)
  const ref = `${base.name}:${base.tag}`
  const lines = ctx.lines(r.file)
  const written = ctx.lines(base.file)?.[base.line - 1]
  if (wanted && written && (written.includes(ref) || (!base.tag && written.includes(base.name)))) {
    const to = `${base.name}:${tagWithPython(base.tag, wanted)}`
    return {
      ops: [
        {
          file: base.file,
          line: base.line,
          rewrite: (t) =>
            t.includes(ref)
              ? t.replace(ref, to)
              : t.replace(new RegExp(`${literal(base.name)}(?=\\s|$)`), to),
        },
      ],
      summary: `FROM ${to}: Python ${wanted}, which ${r.name}${r.specifier} has wheels for`,
    }
  }
  // Else the pin the finding names: the newest TensorFlow with wheels for the image's Python.
  const newest = newestFor(python)
  const spec = new RegExp(`(^|[\\s"'])${nameBody(r.name)}${literal(r.specifier)}`, 'i')
  const line = newest && r.specifier !== '' && lines && lineMatching(lines, r.line, spec)
  if (!line) return null
  return {
    ops: [{ file: r.file, line, rewrite: (t) => t.replace(spec, `$1${r.name}==${newest}`) }],
    summary: `${r.name}==${newest}, which has wheels for Python ${python}`,
  }
}

const wrongArchitecture: Fixer = (f, ctx) => {
  const from = ctx.model.stages.find((s) => s.from.line === f.diagnosis.line)?.from
  const flag = /\s--platform(=|\s+)\S+/
  if (!from?.platformFlag || !ctx.lines(from.file)?.[from.line - 1]?.match(flag)) return null
  return {
    ops: [{ file: from.file, line: from.line, rewrite: (t) => t.replace(flag, '') }],
    summary: `FROM without --platform=${from.platformFlag}: each platform gets its own base image`,
  }
}

const FIXERS: Partial<Record<string, Fixer>> = {
  'macos-only-package': macosOnly,
  'no-wheel-for-platform': noWheel,
  'base-image-not-found': archSuffixedTag,
  'exec-form-shell': execFormShell,
  'venv-not-on-path': venvNotOnPath,
  'externally-managed-environment': externallyManaged,
  'python-version-unsupported': pythonUnsupported,
  'tensorflow-prerelease': pythonUnsupported,
  'wrong-architecture': wrongArchitecture,
}

/** The edit for a finding, or null when its fix is not a line edit (or not one we can make). */
export function proposeFix(f: Finding, ctx: FixContext): Proposal | null {
  if (!f.diagnosis.file || !f.diagnosis.line) return null
  return FIXERS[f.diagnosis.id]?.(f, ctx) ?? null
}
