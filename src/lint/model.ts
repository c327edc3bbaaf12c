import { DockerfileParser, type Instruction, ModifiableInstruction } from 'dockerfile-ast'
import type { Located } from '../diagnosis.js'
import { type ContextCopy, contextCopy, type EnvSetting, envSettings } from './records.js'
import { parsePipInstall, shellCommands } from './pip.js'
import { pipRequirements } from './reqfiles.js'
import { absolutize, expand, oneLine, type Pin, pinOf } from './text.js'

// What a Dockerfile says that matters for TensorFlow, read with a real parser (multi-stage
// builds, ARG in FROM, line continuations, heredocs): base images, pip requirements with their
// file and line, venvs, activations, PATH, and the image's CMD/ENTRYPOINT.

export interface BaseImage extends Located {
  /** The image as written, ARGs expanded: python:3.11-slim. */
  ref: string
  name: string
  tag: string | null
  /** The FROM names an earlier stage, not an image. */
  stage: string | null
  alias: string | null
  platformFlag: string | null
  /** What --platform pins the stage to (see Pin). */
  pin: Pin
  /** The instruction as written: FROM --platform=linux/amd64 python:3.11-slim AS base. */
  text: string
}

/** COPY --from=<stage> (or ADD --from): files of another stage or image. */
export interface CopyFrom extends Located {
  /** The stage or image named by --from, as written. */
  from: string
  /** The stage doing the copying. */
  stageIndex: number
  text: string
}

export interface Requirement extends Located {
  name: string
  specifier: string
  marker: string
  /** The text as written. */
  raw: string
  /** Index of the stage whose RUN installs it. */
  stageIndex: number
  /** The venv whose pip installs it (directly, or after an activation in the same RUN). */
  venv: string | null
  /** pip was run with --break-system-packages. */
  breakSystem: boolean
}

export interface ExecForm extends Located {
  keyword: 'CMD' | 'ENTRYPOINT'
  args: string[] | null
  stageIndex: number
  /** The WORKDIR it runs in (a relative program is found there). */
  workdir: string
}

export interface DockerfileModel {
  file: string
  stages: { from: BaseImage; index: number }[]
  requirements: Requirement[]
  /** pip install commands, for rules about the installer itself. */
  pipInstalls: (Located & { stageIndex: number; venv: string | null; breakSystem: boolean })[]
  venvs: (Located & { path: string; stageIndex: number })[]
  /** `. venv/bin/activate` or `source ...` at the end of a RUN, where it cannot persist. */
  danglingActivations: (Located & { path: string })[]
  /** ENV PATH=... settings. */
  paths: (Located & { value: string; stageIndex: number })[]
  cmds: ExecForm[]
  copies: CopyFrom[]
  contextCopies: ContextCopy[]
  envs: EnvSetting[]
  finalStage: number
}

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

const ACTIVATE = /^(\.|source)\s+(\S+)\/bin\/activate$/
const VENV =
  /(?:^|\s)(?:python3?(?:\.\d+)?\s+-m\s+(?:venv|virtualenv)|virtualenv|uv\s+venv)\s+(?:--?\S+\s+)*([^\s-][^\s]*)/

function lineOf(ins: Instruction): number {
  return ins.getRange().start.line + 1
}

export function parseDockerfile(input: ParseInput): DockerfileModel {
  const df = DockerfileParser.parse(input.dockerfile)
  const model: DockerfileModel = {
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
  }
  const globalArgs = new Map<string, string>()
  for (const a of df.getInitialARGs()) {
    const p = a.getProperty()
    if (p?.getName()) globalArgs.set(p.getName(), p.getValue() ?? '')
  }
  for (const [k, v] of input.buildArgs ?? []) globalArgs.set(k, v)

  const aliases = new Set<string>()
  let stageIndex = -1
  let workdir = '/'
  // The venv whose bin/ leads PATH (ENV PATH=...), by stage: a bare pip or python is its.
  const pathVenvs: (string | null)[] = []
  for (const ins of df.getInstructions()) {
    const kw = ins.getKeyword()
    const line = lineOf(ins)
    if (kw === 'FROM') {
      stageIndex++
      workdir = '/'
      const raw = ins.getArguments().map((a) => a.getValue())
      const args = raw.filter((a) => !a.startsWith('--'))
      // Flags are not arguments to the parser: --platform comes from the instruction's flags.
      const flags = ins instanceof ModifiableInstruction ? ins.getFlags() : []
      const platformFlag = flags.find((f) => f.getName() === 'platform')?.getValue() ?? null
      const ref = expand(args[0] ?? '', globalArgs)
      const alias = args[1]?.toLowerCase() === 'as' ? (args[2] ?? null) : null
      const at = ref.lastIndexOf(':')
      const slash = ref.lastIndexOf('/')
      const name = at > slash ? ref.slice(0, at) : ref
      const tag = at > slash ? ref.slice(at + 1).split('@')[0]! : null
      const stage = aliases.has(ref.toLowerCase()) ? ref : null
      if (alias) aliases.add(alias.toLowerCase())
      const parent = stage
        ? model.stages.find((x) => x.from.alias?.toLowerCase() === ref.toLowerCase())
        : null
      pathVenvs[stageIndex] = parent ? (pathVenvs[parent.index] ?? null) : null
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
      continue
    }
    if (stageIndex < 0) continue
    if (kw === 'WORKDIR') workdir = ins.getArgumentsContent() ?? workdir
    if (kw === 'ENV') {
      const text = ins.getArgumentsContent() ?? ''
      model.envs.push(...envSettings(ins, input.file, line, stageIndex))
      const m = /(?:^|\s)PATH[= ]\s*"?([^"\s]+)"?/.exec(text)
      if (m) {
        model.paths.push({ file: input.file, line, value: m[1]!, stageIndex })
        const first = (m[1]!.split(':')[0] ?? '').replace(/\/+$/, '')
        const venv = first.endsWith('/bin') ? first.slice(0, -4) : null
        pathVenvs[stageIndex] = model.venvs.some((v) => v.path === venv) ? venv : null
      }
    }
    if (kw === 'COPY' || kw === 'ADD') {
      const flags = ins instanceof ModifiableInstruction ? ins.getFlags() : []
      const from = flags.find((f) => f.getName() === 'from')?.getValue()
      if (!from) {
        const copy = contextCopy(ins, input.file, line, stageIndex, workdir)
        if (copy) model.contextCopies.push(copy)
      }
      if (from)
        model.copies.push({
          file: input.file,
          line,
          from: expand(from, globalArgs),
          stageIndex,
          text: oneLine(ins.getTextContent()),
        })
    }
    if (kw === 'CMD' || kw === 'ENTRYPOINT') {
      const text = (ins.getRawArgumentsContent() ?? '').trim()
      let args: string[] | null = null
      if (text.startsWith('[')) {
        try {
          const v = JSON.parse(text) as unknown
          if (Array.isArray(v) && v.every((x) => typeof x === 'string')) args = v
        } catch {
          args = null // not valid JSON: Docker runs it in shell form
        }
      }
      model.cmds.push({ file: input.file, line, keyword: kw, args, stageIndex, workdir })
    }
    if (kw === 'RUN') {
      const text = ins.getRawArgumentsContent() ?? ''
      const body = text.startsWith('<<') ? text.split('\n').slice(1, -1).join('\n') : text
      const commands = shellCommands(body)
      let activeVenv: string | null = null
      commands.forEach((cmd, idx) => {
        const venvMatch = VENV.exec(cmd)
        if (venvMatch)
          model.venvs.push({
            file: input.file,
            line,
            path: absolutize(venvMatch[1]!, workdir),
            stageIndex,
          })
        const act = ACTIVATE.exec(cmd)
        if (act) {
          activeVenv = absolutize(act[2]!, workdir)
          if (idx === commands.length - 1)
            model.danglingActivations.push({ file: input.file, line, path: activeVenv })
          return
        }
        const pip = parsePipInstall(cmd)
        if (!pip) return
        const venv = pip.venv
          ? absolutize(pip.venv, workdir)
          : (activeVenv ?? (pip.viaPath ? (pathVenvs[stageIndex] ?? null) : null))
        model.pipInstalls.push({
          file: input.file,
          line,
          stageIndex,
          venv,
          breakSystem: pip.breakSystem,
        })
        // The command line's requirements, the local projects it installs and its -r/-c files.
        for (const d of pipRequirements(pip, input.readContext))
          model.requirements.push({
            name: d.name,
            specifier: d.specifier,
            marker: d.marker,
            raw: d.raw,
            file: d.path === null ? input.file : input.showContext(d.path),
            line: d.path === null ? line : d.line,
            stageIndex,
            venv,
            breakSystem: pip.breakSystem,
          })
      })
    }
  }
  return model
}
