import { fileLine } from '../format.js'
import { diagnosis } from '../diagnosis.js'
import { parsePlatform, type Platform } from '../platforms.js'
import type { Diagnosis } from '../results/types.js'
import type { BaseImage, DockerfileModel } from './model.js'
import { stageChain, stageNamed } from './stages.js'

// Dockerfiles whose image is not the platform it is built for, seen before building: a final
// stage pinned with FROM --platform (the Apple Silicon "fix" of pinning linux/amd64), and a venv
// or site-packages copied into the final stage from a stage pinned to the build platform. The
// build and the check's architecture proof are the verdict; these say where and why, early.

interface PlatformFinding {
  platform: string
  diagnosis: Diagnosis
}

/** The architecture a pin puts a stage on for a target, or null when it follows the target. */
function pinnedArch(pin: BaseImage['pin'], buildArch: string): string | null {
  if (pin === null || pin === 'target') return null
  if (pin === 'build') return buildArch
  try {
    return parsePlatform(pin.fixed, 'FROM --platform').arch
  } catch {
    return null // not a platform the build can have either: the build says so itself
  }
}

/** The first pinned FROM of a stage and the stages it builds on. */
function pinnedBase(model: DockerfileModel, stageIndex: number): BaseImage | null {
  return (
    stageChain(model, stageIndex)
      .map((s) => s.from)
      .find((f) => f.pin !== null && f.pin !== 'target') ?? null
  )
}

function pinText(pin: BaseImage['pin'], buildArch: string): string {
  return pin === 'build'
    ? `the build machine's platform ($BUILDPLATFORM, linux/${buildArch} here)`
    : typeof pin === 'object' && pin !== null
      ? pin.fixed
      : 'its target'
}

/**
 * Findings per platform: `wrong-architecture` for a pinned final stage, `foreign-binaries` for a
 * COPY --from a pinned stage that installs Python packages. `buildArch` is the builder's own
 * architecture, which $BUILDPLATFORM means.
 */
export function architectureFindings(
  model: DockerfileModel,
  platforms: Platform[],
  buildArch: string,
): PlatformFinding[] {
  const out: PlatformFinding[] = []
  const final = pinnedBase(model, model.finalStage)
  const finalArch = final ? pinnedArch(final.pin, buildArch) : null
  if (final && finalArch) {
    for (const p of platforms.filter((x) => x.arch !== finalArch)) {
      const name = p.id
      out.push({
        platform: name,
        diagnosis: diagnosis(
          'wrong-architecture',
          `\`${final.text}\` (${fileLine(final)}) pins the final stage to ${pinText(final.pin, buildArch)}, so the image built for ${name} is a linux/${finalArch} image: a ${name} machine cannot run it natively.`,
          `Drop the --platform from the FROM at ${fileLine(final)} (\`FROM ${final.ref}${final.alias ? ` AS ${final.alias}` : ''}\`), so that each platform gets its own base image; keep FROM --platform only on stages whose output does not depend on the architecture.`,
          final,
        ),
      })
    }
    return out // the whole image is of one platform: what it copies changes nothing
  }
  const finalStages = chainIndexes(model, model.finalStage)
  for (const copy of model.copies.filter((c) => finalStages.includes(c.stageIndex))) {
    const source = stageNamed(model, copy.from)
    if (source === null) continue
    const base = pinnedBase(model, source)
    const arch = base ? pinnedArch(base.pin, buildArch) : null
    if (!base || !arch || !installsPackages(model, source)) continue
    for (const p of platforms.filter((x) => x.arch !== arch)) {
      const name = p.id
      out.push({
        platform: name,
        diagnosis: diagnosis(
          'foreign-binaries',
          `\`${copy.text}\` (${fileLine(copy)}) copies into the ${name} image what pip installed in stage ${base.alias ?? source}, which \`${base.text}\` (${fileLine(base)}) builds for ${pinText(base.pin, buildArch)}: its compiled modules (TensorFlow's, NumPy's) are linux/${arch} binaries that a ${name} interpreter cannot load.`,
          `Build stage ${base.alias ?? source} for the target: drop --platform from the FROM at ${fileLine(base)} (or use --platform=$TARGETPLATFORM), or install the packages in the final stage; copy from a $BUILDPLATFORM stage only what does not depend on the architecture.`,
          copy,
        ),
      })
    }
  }
  return out
}

/** The indexes of a stage and of the stages it builds on. */
function chainIndexes(model: DockerfileModel, stageIndex: number): number[] {
  return stageChain(model, stageIndex).map((s) => s.index)
}

/** Whether a stage (or one it builds on) runs pip or creates a venv: architecture-specific output. */
function installsPackages(model: DockerfileModel, stageIndex: number): boolean {
  const indexes = chainIndexes(model, stageIndex)
  return (
    model.pipInstalls.some((x) => indexes.includes(x.stageIndex)) ||
    model.venvs.some((x) => indexes.includes(x.stageIndex))
  )
}
