import { hostArch } from '../arches.js'
import type { Finding } from '../diagnosis.js'
import type { Platform } from '../platforms.js'
import { architectureFindings } from './architecture.js'
import { baseImages, externallyManaged } from './bases.js'
import type { EntrypointScript } from './entrypoint.js'
import { environmentFindings } from './environment.js'
import { andCudaWithoutCuda, gpuDevicesHidden, tensorflowCpuWithGpus } from './gpu.js'
import type { DockerfileModel } from './model.js'
import { platformsWithoutTensorFlow, requirements } from './requirements.js'
import { type GpuOptions, type LintContext, NO_GPUS, type Rule } from './rule.js'
import { execFormShell, venvsOffPath } from './runtime.js'

// Findings before anything is built, in milliseconds. Each says what it saw, where, and the
// concrete edit. A finding for every platform goes to the top level; one for a platform, to it.

// fix/ and the tests use these helpers of the rules by this module's name.

/** Images that would not be the platform they are built for. */
function imageArchitecture(model: DockerfileModel, ctx: LintContext): Finding[] {
  return architectureFindings(model, ctx.platforms, ctx.buildArch)
}

/** What the final image's environment and ENTRYPOINT script decide. */
function imageEnvironment(model: DockerfileModel, ctx: LintContext): Finding[] {
  return environmentFindings(model, ctx.entrypoint)
}

// The rules in the order of their findings. The order is the report's, and explain.ts's: a log's
// diagnosis takes the first static finding of its id, and the root causes lead in this order.
const RULES: readonly Rule[] = [
  // imageArchitecture before baseImages because an image of another platform is wrong whatever
  // it is built from: that is the finding to read first.
  imageArchitecture,
  // baseImages before requirements because an Alpine or missing base breaks every install, a
  // package with no wheel only its own.
  baseImages,
  // platformsWithoutTensorFlow before requirements because such a platform is not built at all
  // (skipBuild): that is its whole story, and requirements has no wheels to look up for it.
  platformsWithoutTensorFlow,
  requirements,
  execFormShell,
  venvsOffPath,
  externallyManaged,
  // imageEnvironment because its Keras and ENTRYPOINT findings are about running an image
  // that has installed what it asks for.
  imageEnvironment,
  // The GPU rules last because a GPU is asked of an image that first has to install and import
  // TensorFlow at all. None of them fails a build: and-cuda-without-cuda is advisory.
  andCudaWithoutCuda,
  tensorflowCpuWithGpus,
  gpuDevicesHidden,
]

export function lintDockerfile(
  model: DockerfileModel,
  platforms: Platform[],
  buildArch: string = hostArch(),
  entrypoint: EntrypointScript | null = null,
  gpu: GpuOptions = NO_GPUS,
): Finding[] {
  const ctx: LintContext = { platforms, buildArch, entrypoint, ...gpu }
  return dedupe(RULES.flatMap((rule) => rule(model, ctx)))
}

// After every rule, because a finding can come twice (a requirements file that two RUNs install):
// the first of an id at one place for one platform stays.
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>()
  return findings.filter((f) => {
    const k = JSON.stringify([f.platform, f.diagnosis.id, f.diagnosis.file, f.diagnosis.line])
    return seen.has(k) ? false : (seen.add(k), true)
  })
}
