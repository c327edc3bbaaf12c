import type { Finding } from '../diagnosis.js'
import { fixesFor } from '../fix/index.js'
import { lintProject } from '../lint/index.js'
import type { FixEdit } from '../results/types.js'
import type { DockerfileModel } from '../lint/model.js'
import type { EntrypointScript } from '../lint/entrypoint.js'
import type { CheckOptions } from '../config/check.js'
import type { Logger } from './logger.js'

export interface LintResult {
  model: DockerfileModel | null
  findings: Finding[]
  /** The line edits that fix findings, each proven on an edited copy (fix/). */
  fixes: FixEdit[]
  /** The ENTRYPOINT script the Dockerfile copies from the build context, read. */
  entrypoint: EntrypointScript | null
  /** Why the image looks meant for NVIDIA GPUs (lint/gpu.ts); null: nothing says so, or no analysis. */
  gpuIntent: string | null
}

/** The static phase: seconds, no Docker. A Dockerfile the parser cannot read costs the findings, not the check. */
export function runLint(opts: CheckOptions, log: Logger, buildArch?: string): LintResult {
  // An existing image checked without its Dockerfile: nothing to analyse.
  if (opts.dockerfilePath === '')
    return { model: null, findings: [], fixes: [], entrypoint: null, gpuIntent: null }
  try {
    const lint = lintProject(opts, buildArch)
    for (const f of lint.findings) {
      const where = f.diagnosis.file
        ? ` (${f.diagnosis.file}${f.diagnosis.line ? `:${f.diagnosis.line}` : ''})`
        : ''
      log.warning(
        `${f.platform ?? 'every platform'}: ${f.diagnosis.title}${where}: ${f.diagnosis.detail} Fix: ${f.diagnosis.fix}`,
      )
    }
    return { ...lint, fixes: fixesFor(opts, lint, buildArch) }
  } catch (err) {
    log.warning(
      `could not analyse ${opts.dockerfile} before building: ${err instanceof Error ? err.message : String(err)}`,
    )
    return { model: null, findings: [], fixes: [], entrypoint: null, gpuIntent: null }
  }
}
