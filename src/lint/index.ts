import { readFileSync, statSync } from 'node:fs'
import { resolve, sep } from 'node:path'
import { showPath } from '../config/paths.js'
import type { Finding, Locator } from '../diagnosis.js'
import type { CheckOptions } from '../config/check.js'
import { type DockerfileModel, parseDockerfile } from './model.js'
import { baseOf, stageChain } from './stages.js'
import { type EntrypointScript, entrypointScript, finalEntrypoint } from './entrypoint.js'
import { gpuIntent } from './gpu.js'
import { lintDockerfile } from './rules.js'

const MAX_FILE = 1024 * 1024

/** Reads a file of the project by its absolute path; null when absent, unreadable or too large. */
export type ReadFile = (path: string) => string | null

export const readFromDisk: ReadFile = (path) => {
  try {
    if (statSync(path).size > MAX_FILE) return null
    return readFileSync(path, 'utf8')
  } catch {
    return null
  }
}

export interface LintedProject {
  model: DockerfileModel
  findings: Finding[]
  entrypoint: EntrypointScript | null
  /** Why the image looks meant for NVIDIA GPUs (gpu.ts); null when nothing says so. */
  gpuIntent: string | null
}

/**
 * Reads the Dockerfile and the requirement files it installs from the context, then lints.
 * `read` is the disk, or a copy of the project with an edit applied (fix/index.ts).
 */
export function lintProject(
  opts: Pick<
    CheckOptions,
    'contextPath' | 'dockerfilePath' | 'dockerfile' | 'base' | 'buildArgs' | 'target' | 'platforms'
  > &
    // Without them no GPU is asked for, and gpu-ready is its default (auto).
    Partial<Pick<CheckOptions, 'gpus' | 'gpuReady'>>,
  /** What $BUILDPLATFORM means: the builder's architecture (default: this machine's). */
  buildArch?: string,
  read: ReadFile = readFromDisk,
): LintedProject {
  const readContext = (path: string): string | null => {
    const full = resolve(opts.contextPath, path)
    // Only files inside the build context: a requirements path cannot read the rest of the disk.
    if (full !== opts.contextPath && !full.startsWith(opts.contextPath + sep)) return null
    return read(full)
  }
  // The reader's copy, else the disk itself (whose error says why it cannot be read).
  const dockerfile = read(opts.dockerfilePath) ?? readFileSync(opts.dockerfilePath, 'utf8')
  const model = parseDockerfile({
    dockerfile,
    file: opts.dockerfile,
    readContext,
    showContext: (path) => showPath(opts.base, resolve(opts.contextPath, path)),
    buildArgs: opts.buildArgs,
    ...(opts.target ? { target: opts.target } : {}),
  })
  const entrypoint = entrypointScript(model, readContext, (path) =>
    showPath(opts.base, resolve(opts.contextPath, path)),
  )
  const gpu = { gpus: opts.gpus ?? null, gpuReady: opts.gpuReady ?? 'auto' }
  return {
    model,
    entrypoint,
    findings: lintDockerfile(model, opts.platforms, buildArch, entrypoint, gpu),
    gpuIntent: gpuIntent(model),
  }
}

/** Finds a requirement, the final FROM or a CMD in the project, for a diagnosis's file and line. */
export function locator(model: DockerfileModel | null): Locator {
  return {
    requirement: (name) => {
      const r = model?.requirements.find((x) => x.name === name)
      return r ? { file: r.file, line: r.line } : null
    },
    from: model ? (baseOf(model, model.finalStage) ?? null) : null,
    env: (name) => {
      if (!model) return null
      const chain = new Set(stageChain(model, model.finalStage).map((s) => s.index))
      const e = model.envs.findLast((x) => x.name === name && chain.has(x.stageIndex))
      return e ? { file: e.file, line: e.line } : null
    },
    entrypoint: model ? (finalEntrypoint(model) ?? null) : null,
    command: (program) => {
      const cmds = model?.cmds ?? []
      const c = cmds.findLast((x) => x.args?.[0] === program) ?? cmds.at(-1)
      return c ? { file: c.file, line: c.line } : null
    },
  }
}
