import type { Located } from '../diagnosis.js'
import type { DockerfileModel, ExecForm } from './model.js'
import { stageChain } from './stages.js'
import { absolutize } from './text.js'

// The image's ENTRYPOINT as the Dockerfile makes it: the instruction, and when it is a script
// copied from the build context, what the script does with its arguments and its environment.
// The engine decides from this (and from the built image's own configuration) whether the check
// runs through the entrypoint; the static rules learn which venv it activates.

/** What an entrypoint script does, read from its text. */
export interface ScriptFacts {
  /** It ends by running its arguments: `exec "$@"` (also through gosu, tini, su-exec ...). */
  execsArgs: boolean
  /** It reads its arguments at all ($@, $*, $1 ...). */
  usesArgs: boolean
  /** Venvs it activates (`. /opt/venv/bin/activate`) or puts first on PATH. */
  venvs: string[]
  /** The interpreter its #! line names, if any. */
  shebang: string | null
  /** Windows line endings: the kernel then looks for "/bin/sh\r". */
  crlf: boolean
}

export interface EntrypointScript {
  /** Where the script is in the image. */
  path: string
  /** The build-context file it was copied from, as shown. */
  file: string
  facts: ScriptFacts
  /** The COPY or ADD that put it there, and the mode its --chmod gives (null: the file's own). */
  copy: Located
  copyMode: string | null
}

const EXECS_ARGS = /(^|[\s;&|])exec\s+(?:[^\n;&|]*\s)?("\$@"|"\$\{@\}"|\$@|\$\{@\})(\s|;|$)/m
const RUNS_ARGS_LAST = /(^|\n)\s*("\$@"|"\$\{@\}")\s*$/
const USES_ARGS = /\$\{?[@*#1-9]\}?/
const ACTIVATE =
  /(?:^|[\s;&|])(?:\.|source)\s+["']?([^\s"';&|]+?)\/bin\/activate["']?(?=\s|;|&|$)/gm
const PATH_EXPORT = /(?:^|[\s;&|])(?:export\s+)?PATH=["']?([^:"'\s$]+?)\/bin(?=:)/gm

export function readScript(text: string): ScriptFacts {
  const crlf = /\r\n/.test(text)
  const body = text
    .replace(/\r/g, '')
    .split('\n')
    .map((l) => l.replace(/(^|\s)#.*$/, ''))
    .join('\n')
    .trimEnd()
  const venvs = new Set<string>()
  for (const m of body.matchAll(ACTIVATE)) venvs.add(m[1]!)
  for (const m of body.matchAll(PATH_EXPORT))
    if (m[1] !== '/usr' && m[1] !== '/usr/local') venvs.add(m[1]!)
  const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(text)
  const program = shebang
    ? /(^|\/)env$/.test(shebang[1]!)
      ? (shebang[2] ?? shebang[1]!)
      : shebang[1]!
    : null
  return {
    execsArgs: EXECS_ARGS.test(body) || RUNS_ARGS_LAST.test(body),
    usesArgs: USES_ARGS.test(body),
    venvs: [...venvs],
    shebang: program ? program.replace(/\r$/, '') : null,
    crlf,
  }
}

/** The ENTRYPOINT the final image has from this Dockerfile: the last one in its stage chain. */
export function finalEntrypoint(model: DockerfileModel): ExecForm | null {
  const chain = new Set(stageChain(model, model.finalStage).map((s) => s.index))
  return model.cmds.findLast((c) => c.keyword === 'ENTRYPOINT' && chain.has(c.stageIndex)) ?? null
}

/** The program of an ENTRYPOINT that a script may be: its first word, or what a wrapper runs. */
function programs(ep: ExecForm): string[] {
  const words = ep.args ?? []
  return words.filter((w) => w.startsWith('/') || w.startsWith('./') || /\.(sh|bash)$/.test(w))
}

/**
 * The script the final ENTRYPOINT runs, when a COPY or ADD from the build context put it there
 * and the context has it; null otherwise (a binary, a file the base image brought, shell form).
 */
export function entrypointScript(
  model: DockerfileModel,
  readContext: (path: string) => string | null,
  showContext: (path: string) => string,
): EntrypointScript | null {
  const ep = finalEntrypoint(model)
  if (!ep?.args) return null
  const chain = new Set(stageChain(model, model.finalStage).map((s) => s.index))
  for (const word of programs(ep)) {
    const paths = word.includes('/') ? [absolutize(word, ep.workdir)] : onPath(model, word)
    const copiedTo = (p: string) =>
      model.contextCopies.findLast(
        (c) =>
          chain.has(c.stageIndex) && c.sources.some((s) => landsAt(s, c.dest, c.sources.length, p)),
      )
    const path = paths.find((p) => copiedTo(p) !== undefined)
    const copy = path === undefined ? undefined : copiedTo(path)
    if (path === undefined) continue
    if (!copy) continue
    const source = copy.sources.find((s) => landsAt(s, copy.dest, copy.sources.length, path))!
    const rel = source.replace(/^\.?\/+/, '')
    const text = readContext(rel)
    if (text === null) continue
    const facts = readScript(text)
    facts.venvs = facts.venvs.map((v) => absolutize(v, ep.workdir))
    return {
      path,
      file: showContext(rel),
      facts,
      copy: { file: copy.file, line: copy.line },
      copyMode: copy.chmod,
    }
  }
  return null
}

/** Where a program named without a directory is found: the image's PATH (ENV PATH, else Debian's). */
function onPath(model: DockerfileModel, name: string): string[] {
  const dirs = [
    ...model.paths.flatMap((p) => p.value.split(':')).filter((d) => d.startsWith('/')),
    '/usr/local/sbin',
    '/usr/local/bin',
    '/usr/sbin',
    '/usr/bin',
    '/sbin',
    '/bin',
  ]
  return dirs.map((d) => `${d.replace(/\/+$/, '')}/${name}`)
}

/** Whether copying `source` to `dest` puts it at `path`. */
function landsAt(source: string, dest: string, count: number, path: string): boolean {
  const name = source.replace(/\/+$/, '').split('/').at(-1) ?? ''
  const intoDir = dest.endsWith('/') || count > 1
  const target = intoDir ? `${dest.replace(/\/+$/, '')}/${name}` : dest
  return target === path || (!intoDir && `${dest}/${name}` === path)
}
