import type { Finding } from '../diagnosis.js'
import type { Platform } from '../platforms.js'
import type { Diagnosis } from '../results/types.js'
import type { EntrypointScript } from './entrypoint.js'
import type { DockerfileModel } from './model.js'

// What a static rule is: it reads the model (and what the check knows besides) and returns its
// findings. rules.ts holds them in the order they run.

export interface LintContext {
  platforms: Platform[]
  /** What $BUILDPLATFORM means: the builder's architecture. */
  buildArch: string
  /** The final image's ENTRYPOINT script, read from the build context. */
  entrypoint: EntrypointScript | null
}

export type Rule = (model: DockerfileModel, ctx: LintContext) => Finding[]

/** A finding for every platform: it goes to the top level. */
export function everywhere(d: Diagnosis): Finding {
  return { platform: null, diagnosis: d }
}
