import {
  declaredPlatform,
  machineMatches,
  machinesOf,
  parsePlatform,
  type Platform,
} from '../platforms.js'
import {
  type Environment,
  failingStage,
  type ImageConfig,
  type PlatformResult,
  type Stages,
  stagesOf,
} from './types.js'
import { replacedBy, spec } from './stages.js'

// The one rule that decides whether a platform passed. Whatever stages a check runs, a platform
// passes only when its image is that platform and the process that imported TensorFlow really
// ran as that platform: proven by the image's own configuration and by what the process saw
// inside the container. Every mode (the engine, report mode reading results files) decides
// through here, so no stage can pass a platform that is not what it claims.

/** Why the image's configuration is not the platform asked for; null when it is. */
export function imageMismatch(
  platform: string,
  image: ImageConfig | null | undefined,
): string | null {
  const declared = declaredPlatform(image?.os, image?.architecture, image?.variant)
  if (declared === null)
    return `the image's configuration does not say which platform it is, so it cannot be proven to be ${platform}`
  if (declared !== platform)
    return `the image built for ${platform} is a ${declared} image (its configuration says os ${image?.os}, architecture ${image?.architecture}${image?.variant ? `, variant ${image.variant}` : ''})`
  return null
}

/** Why the process inside the container did not run as the platform; null when it did. */
export function machineMismatch(p: Platform, env: Environment): string | null {
  if (!env.machine)
    return `the container never reported its machine, so it cannot be proven to have run as ${p.id}`
  if (!machineMatches(p, env.machine))
    return `the container ran as ${env.machine}, not as ${p.id} (${machinesOf(p).join(' or ')})`
  // uname alone is not enough: a 32-bit process on its 64-bit sibling may report the 64-bit
  // kernel's name. The interpreter's own ELF header says what really ran.
  const interpreter = env.interpreter ?? null
  if (interpreter === null)
    return `the interpreter's binary could not be read, so it cannot be proven to be a ${p.id} binary`
  if (interpreter !== p.arch)
    return `the interpreter${env.executable ? ` ${env.executable}` : ''} is an ${interpreter} binary, not ${p.arch}`
  return null
}

/** Both proofs at once: the first reason the platform is not what it claims, or null. */
export function architectureMismatch(
  r: Pick<PlatformResult, 'platform' | 'image' | 'environment'>,
): string | null {
  let p: Platform
  try {
    p = parsePlatform(r.platform)
  } catch {
    return `'${r.platform}' is not a platform`
  }
  return imageMismatch(p.id, r.image) ?? machineMismatch(p, r.environment)
}

/**
 * Whether the stages allow a pass: none failed or timed out; the stage that made the image (the
 * build, or with the image input the pull) passed; every stage that must pass (the import, and
 * those asked for beyond it: start, run) passed; training passed, or was skipped because the
 * user turned it off. How each stage counts is its row in results/stages.ts.
 */
export function stagesPassed(stages: Stages, train: boolean): boolean {
  if (failingStage(stages)) return false
  const have = stagesOf(stages)
  const replaced = replacedBy(have)
  return have.every((s) => {
    const passed = stages[s]!.status === 'passed'
    switch (spec(s).verdict) {
      case 'image':
        return replaced.has(s) || passed
      case 'train':
        return !train || passed
      case 'pass':
        return passed
    }
  })
}

/**
 * A platform passes when its image is that platform, the check really ran there, and every
 * stage asked for passed. A diagnosis never turns a failure into a pass.
 */
export function platformPassed(
  r: Pick<PlatformResult, 'platform' | 'image' | 'environment' | 'stages'>,
  train: boolean,
): boolean {
  return stagesPassed(r.stages, train) && architectureMismatch(r) === null
}
