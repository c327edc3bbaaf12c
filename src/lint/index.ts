import { readFileSync, statSync } from 'node:fs'
import { resolve, sep } from 'node:path'
import { showPath } from '../config/paths.js'
import type { Finding, Locator } from '../diagnosis.js'
import type { CheckOptions } from '../config/check.js'
import { type DockerfileModel, parseDockerfile } from './model.js'
import { baseOf } from './stages.js'
import { lintDockerfile } from './rules.js'

const MAX_FILE = 1024 * 1024

/** Reads the Dockerfile and the requirement files it installs from the context, then lints. */
export function lintProject(
  opts: CheckOptions,
  /** What $BUILDPLATFORM means: the builder's architecture (default: this machine's). */
  buildArch?: string,
): { model: DockerfileModel; findings: Finding[] } {
  const readContext = (path: string): string | null => {
    const full = resolve(opts.contextPath, path)
    // Only files inside the build context: a requirements path cannot read the rest of the disk.
    if (full !== opts.contextPath && !full.startsWith(opts.contextPath + sep)) return null
    try {
      if (statSync(full).size > MAX_FILE) return null
      return readFileSync(full, 'utf8')
    } catch {
      return null
    }
  }
  const model = parseDockerfile({
    dockerfile: readFileSync(opts.dockerfilePath, 'utf8'),
    file: opts.dockerfile,
    readContext,
    showContext: (path) => showPath(opts.base, resolve(opts.contextPath, path)),
    buildArgs: opts.buildArgs,
    ...(opts.target ? { target: opts.target } : {}),
  })
  return { model, findings: lintDockerfile(model, opts.platforms, buildArch) }
}

/** Finds a requirement, the final FROM or a CMD in the project, for a diagnosis's file and line. */
export function locator(model: DockerfileModel | null): Locator {
  return {
    requirement: (name) => {
      const r = model?.requirements.find((x) => x.name === name)
      return r ? { file: r.file, line: r.line } : null
    },
    from: model ? (baseOf(model, model.finalStage) ?? null) : null,
    command: (program) => {
      const cmds = model?.cmds ?? []
      const c = cmds.findLast((x) => x.args?.[0] === program) ?? cmds.at(-1)
      return c ? { file: c.file, line: c.line } : null
    },
  }
}
