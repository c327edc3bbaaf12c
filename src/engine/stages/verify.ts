import { imageMismatch, machineMismatch } from '../../results/verdict.js'
import type { PlatformState, StageContext, StageRun } from '../stage.js'

// The proof that what was checked is the platform (results/verdict.ts decides; these apply it
// as the stages go, so that nothing runs on, or is counted for, the wrong machine).

/**
 * Before any container runs: the image's own configuration must declare the platform (Docker
 * would run an amd64 image as amd64 on this host, whatever --platform says). Records the
 * configuration in the state; `made` is the stage that produced the image, failed when it is not.
 * `of`: read that platform's image of a multi-platform local one (the one its containers run).
 */
export async function verifyImage(
  ctx: StageContext,
  state: PlatformState,
  made: StageRun,
  of?: string,
): Promise<StageRun> {
  state.image = await ctx.deps.docker.imageConfig(ctx.tag, of)
  const wrong = imageMismatch(ctx.platform.id, state.image)
  if (!wrong) return made
  ctx.deps.log.warning(`${ctx.platform.id}: ${wrong}`)
  const failed = Object.fromEntries(
    Object.entries(made.results).map(([name, r]) => [
      name,
      { ...r, status: 'failed' as const, reason: wrong, cause: 'not-the-platform' as const },
    ]),
  )
  return {
    ...made,
    results: failed,
    // An unreadable configuration fails closed, but proves no other platform: no such claim.
    evidence: { ...made.evidence, ...(state.image ? { wrongArchitecture: wrong } : {}) },
    skipReason: `the image is not ${ctx.platform.id}`,
  }
}

/**
 * After a container ran: it must have run as the platform (uname and the interpreter's ELF
 * header). A green import on another machine proves nothing: it fails, and a training step
 * that passed there is not counted.
 */
export function verifyMachine(ctx: StageContext, state: PlatformState, ran: StageRun): StageRun {
  const imported = ran.results.import
  const wrong =
    state.environment.machine !== null || imported?.status === 'passed'
      ? machineMismatch(ctx.platform, state.environment)
      : null
  if (!wrong) return ran
  ctx.deps.log.warning(`${ctx.platform.id}: ${wrong}`)
  const results = { ...ran.results }
  if (imported?.status === 'passed') {
    results.import = { ...imported, status: 'failed', reason: wrong, cause: 'not-the-platform' }
    if (results.train?.status === 'passed')
      results.train = {
        ...results.train,
        status: 'skipped',
        reason: `not counted: ${wrong}`,
        cause: 'not-the-platform',
      }
  }
  return {
    ...ran,
    results,
    evidence: {
      ...ran.evidence,
      // BuildKit records the target platform in the configuration, whatever the base image
      // is; what ran says otherwise.
      wrongArchitecture: `${wrong}, although the image's configuration declares ${ctx.platform.id}`,
    },
  }
}
