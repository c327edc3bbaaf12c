import type { Finding } from '../diagnosis.js'
import { lintProject } from '../lint/index.js'
import type { DockerfileModel } from '../lint/model.js'
import type { CheckOptions } from '../config/check.js'
import type { Logger } from './logger.js'

export interface LintResult {
  model: DockerfileModel | null
  findings: Finding[]
}

/** The static phase: seconds, no Docker. A Dockerfile the parser cannot read costs the findings, not the check. */
export function runLint(opts: CheckOptions, log: Logger, buildArch?: string): LintResult {
  // An existing image checked without its Dockerfile: nothing to analyse.
  if (opts.dockerfilePath === '') return { model: null, findings: [] }
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
    return lint
  } catch (err) {
    log.warning(
      `could not analyse ${opts.dockerfile} before building: ${err instanceof Error ? err.message : String(err)}`,
    )
    return { model: null, findings: [] }
  }
}
