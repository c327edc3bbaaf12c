import { type Arg, DockerfileParser, type Instruction, ModifiableInstruction } from 'dockerfile-ast'
import type { DockerfileModel, ExecForm } from './dockerfile.js'
import { contextCopy, envSettings } from './records.js'
import { parsePipInstall, shellCommands } from './pip.js'
import { pipRequirements } from './reqfiles.js'
import { absolutize, expand, oneLine, pinOf } from './text.js'

// Reads a Dockerfile into its model (dockerfile.ts) with a real parser: multi-stage builds, ARG
// in FROM, line continuations, heredocs. Each instruction that matters has its reader below.

// The rest of the code knows the model's types by this module's name.
export type { BaseImage, CopyFrom, DockerfileModel, ExecForm, Requirement } from './dockerfile.js'

export interface ParseInput {
  dockerfile: string
  /** Shown path of the Dockerfile (relative to the repository). */
  file: string
  /** Reads a file of the build context by its context-relative path; null if absent. */
  readContext: (path: string) => string | null
  /** Shown path of a context file. */
  showContext: (path: string) => string
  buildArgs?: [string, string][]
  target?: string
}

/** What the readers share on their way down the Dockerfile. */
interface ParseState {
  input: ParseInput
  model: DockerfileModel
  /** The ARGs before the first FROM, with the build's --build-arg values over them. */
  globalArgs: Map<string, string>
  /** The stage names so far, lowercased: a FROM that names one builds on that stage. */
  aliases: Set<string>
  stageIndex: number
  workdir: string
  /** The venv whose bin/ leads PATH (ENV PATH=...), by stage: a bare pip or python is its. */
  pathVenvs: (string | null)[]
}

type Reader = (ins: Instruction, line: number, st: ParseState) => void

const ACTIVATE = /^(\.|source)\s+(\S+)\/bin\/activate$/
const VENV =
  /(?:^|\s)(?:python3?(?:\.\d+)?\s+-m\s+(?:venv|virtualenv)|virtualenv|uv\s+venv)\s+(?:--?\S+\s+)*([^\s-][^\s]*)/

function lineOf(ins: Instruction): number {
  return ins.getRange().start.line + 1
}

// Flags are not arguments to the parser: --platform and --from come from the instruction's flags.
function flagValue(ins: Instruction, name: string): string | null | undefined {
  const flags = ins instanceof ModifiableInstruction ? ins.getFlags() : []
  return flags.find((f) => f.getName() === name)?.getValue()
}

/** An image reference's name and tag: python:3.11-slim@sha256:... -> python, 3.11-slim. */
function nameAndTag(ref: string): { name: string; tag: string | null } {
  const at = ref.lastIndexOf(':')
  const slash = ref.lastIndexOf('/')
  return {
    name: at > slash ? ref.slice(0, at) : ref,
    tag: at > slash ? ref.slice(at + 1).split('@')[0]! : null,
  }
}

function readFrom(ins: Instruction, line: number, st: ParseState): void {
  const { input, model, globalArgs, aliases } = st
  const stageIndex = ++st.stageIndex
  st.workdir = '/'
  const args = ins
    .getArguments()
    .map((a) => a.getValue())
    .filter((a) => !a.startsWith('--'))
  const platformFlag = flagValue(ins, 'platform') ?? null
  const ref = expand(args[0] ?? '', globalArgs)
  const alias = args[1]?.toLowerCase() === 'as' ? (args[2] ?? null) : null
  const { name, tag } = nameAndTag(ref)
  const stage = aliases.has(ref.toLowerCase()) ? ref : null
  if (alias) aliases.add(alias.toLowerCase())
  const parent = stage
    ? model.stages.find((x) => x.from.alias?.toLowerCase() === ref.toLowerCase())
    : null
  // A stage built on another starts with its PATH.
  st.pathVenvs[stageIndex] = parent ? (st.pathVenvs[parent.index] ?? null) : null
  model.stages.push({
    index: stageIndex,
    from: {
      file: input.file,
      line,
      ref,
      name,
      tag,
      stage,
      alias,
      platformFlag,
      pin: pinOf(platformFlag, globalArgs),
      text: oneLine(ins.getTextContent()),
    },
  })
  if (input.target && alias === input.target) model.finalStage = stageIndex
  else if (!input.target) model.finalStage = stageIndex
}

function readWorkdir(ins: Instruction, _line: number, st: ParseState): void {
  st.workdir = ins.getArgumentsContent() ?? st.workdir
}

function readEnv(ins: Instruction, line: number, st: ParseState): void {
  const { input, model, stageIndex } = st
  const text = ins.getArgumentsContent() ?? ''
  model.envs.push(...envSettings(ins, input.file, line, stageIndex))
  const m = /(?:^|\s)PATH[= ]\s*"?([^"\s]+)"?/.exec(text)
  if (!m) return
  model.paths.push({ file: input.file, line, value: m[1]!, stageIndex })
  const first = (m[1]!.split(':')[0] ?? '').replace(/\/+$/, '')
  const venv = first.endsWith('/bin') ? first.slice(0, -4) : null
  // A venv's RUN before the ENV PATH that leads with it, because only a venv the Dockerfile has
  // made counts: /usr/local/bin first on PATH is the system's.
  st.pathVenvs[stageIndex] = model.venvs.some((v) => v.path === venv) ? venv : null
}

/** COPY and ADD: from another stage or image with --from, else from the build context. */
function readCopy(ins: Instruction, line: number, st: ParseState): void {
  const { input, model, stageIndex } = st
  const from = flagValue(ins, 'from')
  if (!from) {
    const copy = contextCopy(ins, input.file, line, stageIndex, st.workdir)
    if (copy) model.contextCopies.push(copy)
    return
  }
  model.copies.push({
    file: input.file,
    line,
    from: expand(from, st.globalArgs),
    stageIndex,
    text: oneLine(ins.getTextContent()),
  })
}

/** A JSON array of strings is exec form; anything else Docker runs in a shell (null). */
function execArgs(ins: Instruction): string[] | null {
  const text = (ins.getRawArgumentsContent() ?? '').trim()
  if (!text.startsWith('[')) return null
  try {
    const v = JSON.parse(text) as unknown
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v
  } catch {
    // not valid JSON: Docker runs it in shell form
  }
  return null
}

/** CMD and ENTRYPOINT. */
function readExecForm(ins: Instruction, line: number, st: ParseState): void {
  const keyword: ExecForm['keyword'] = ins.getKeyword() === 'CMD' ? 'CMD' : 'ENTRYPOINT'
  st.model.cmds.push({
    file: st.input.file,
    line,
    keyword,
    args: execArgs(ins),
    stageIndex: st.stageIndex,
    workdir: st.workdir,
  })
}

function readRun(ins: Instruction, line: number, st: ParseState): void {
  const { input, model } = st
  const text = ins.getRawArgumentsContent() ?? ''
  const body = text.startsWith('<<') ? text.split('\n').slice(1, -1).join('\n') : text
  const commands = shellCommands(body)
  let activeVenv: string | null = null
  // Within one RUN, a venv's creation before its activation and the activation before pip,
  // because `python -m venv /v && . /v/bin/activate && pip install x` installs into /v.
  for (const [idx, cmd] of commands.entries()) {
    const venvMatch = VENV.exec(cmd)
    if (venvMatch)
      model.venvs.push({
        file: input.file,
        line,
        path: absolutize(venvMatch[1]!, st.workdir),
        stageIndex: st.stageIndex,
      })
    const act = ACTIVATE.exec(cmd)
    if (act) {
      activeVenv = absolutize(act[2]!, st.workdir)
      if (idx === commands.length - 1)
        model.danglingActivations.push({ file: input.file, line, path: activeVenv })
      continue
    }
    readPipInstall(cmd, line, activeVenv, st)
  }
}

/** One pip install of a RUN: the installer, and the requirements it installs where. */
function readPipInstall(cmd: string, line: number, active: string | null, st: ParseState): void {
  const { input, model, stageIndex } = st
  const pip = parsePipInstall(cmd)
  if (!pip) return
  const venv = pip.venv
    ? absolutize(pip.venv, st.workdir)
    : (active ?? (pip.viaPath ? (st.pathVenvs[stageIndex] ?? null) : null))
  const breakSystem = pip.breakSystem
  model.pipInstalls.push({ file: input.file, line, stageIndex, venv, breakSystem })
  // The command line's requirements, the local projects it installs and its -r/-c files.
  for (const d of pipRequirements(pip, input.readContext))
    model.requirements.push({
      name: d.name,
      extras: d.extras,
      specifier: d.specifier,
      marker: d.marker,
      raw: d.raw,
      file: d.path === null ? input.file : input.showContext(d.path),
      line: d.path === null ? line : d.line,
      stageIndex,
      venv,
      breakSystem,
    })
}

// Keyed by keyword, not ordered: the Dockerfile's order is the parse's, and each reader sees what
// the instructions above it left in the state (the stage, WORKDIR, the venv leading PATH). Other
// instructions (ARG in a stage, LABEL, USER...) say nothing the rules read.
const READERS: ReadonlyMap<string, Reader> = new Map<string, Reader>([
  ['FROM', readFrom],
  ['WORKDIR', readWorkdir],
  ['ENV', readEnv],
  ['COPY', readCopy],
  ['ADD', readCopy],
  ['CMD', readExecForm],
  ['ENTRYPOINT', readExecForm],
  ['RUN', readRun],
])

function globalArgsOf(initial: Arg[], buildArgs: [string, string][]): Map<string, string> {
  const out = new Map<string, string>()
  for (const a of initial) {
    const p = a.getProperty()
    if (p?.getName()) out.set(p.getName(), p.getValue() ?? '')
  }
  for (const [k, v] of buildArgs) out.set(k, v)
  return out
}

export function parseDockerfile(input: ParseInput): DockerfileModel {
  const df = DockerfileParser.parse(input.dockerfile)
  const st: ParseState = {
    input,
    model: {
      file: input.file,
      stages: [],
      requirements: [],
      pipInstalls: [],
      venvs: [],
      danglingActivations: [],
      paths: [],
      cmds: [],
      copies: [],
      contextCopies: [],
      envs: [],
      finalStage: 0,
    },
    globalArgs: globalArgsOf(df.getInitialARGs(), input.buildArgs ?? []),
    aliases: new Set(),
    stageIndex: -1,
    workdir: '/',
    pathVenvs: [],
  }
  for (const ins of df.getInstructions()) {
    const kw = ins.getKeyword()
    // The first FROM before any other reader, because an instruction above it belongs to no
    // stage: the ARGs there are the global ones, read above for FROM lines to expand.
    if (kw !== 'FROM' && st.stageIndex < 0) continue
    READERS.get(kw)?.(ins, lineOf(ins), st)
  }
  return st.model
}
