import { seconds } from '../../format.js'
import { describeFailure } from '../../docker/exec.js'
import { emptyStage } from '../../results/types.js'
import { commandStage, tailText } from '../output.js'
import { withRetry } from '../retry.js'
import { inGroup, LOG_TAIL_LINES, type Stage, type StageContext, type StageRun } from '../stage.js'
import { verifyImage } from './verify.js'

/**
 * With the image input, instead of the build: the platform's image, found in the engine's store
 * or pulled by its manifest's digest (no tag is created or moved); then proven to be the platform
 * before any container runs. An image without the platform fails here, and nothing runs.
 */
export const pull: Stage = async (ctx, state) => {
  const plan = ctx.image!
  const source = plan.platforms.get(ctx.platform.id)
  if (!source) {
    const why = `${plan.ref.ref} has no ${ctx.platform.id} image (it has ${plan.has.join(', ') || 'none this check can read'})`
    ctx.deps.log.warning(`${ctx.platform.id}: ${why}`)
    return {
      results: { pull: { ...emptyStage('failed', why, 'no-platform-image'), log: why } },
      lines: [],
      evidence: {
        imagePlatforms: { ref: plan.ref.ref, has: plan.has, registryError: plan.registryError },
      },
      skipReason: `the image has no ${ctx.platform.id} image`,
    }
  }
  if (source.from === 'local') {
    const found = `${source.run} for ${ctx.platform.id}, from the engine's image store`
    ctx.deps.log.info(`${ctx.platform.id}: image ${found}`)
    const made = { results: { pull: { ...emptyStage('passed'), log: found } }, lines: [] }
    // A multi-platform image in the containerd store holds several: inspect this one.
    return verifyImage(ctx, state, made, ctx.platform.id)
  }
  const run = await withRetry(ctx, 'pull', () => runPull(ctx, source.run))
  const result = run.results.pull!
  ctx.deps.log.info(`${ctx.platform.id}: pull ${result.status} in ${seconds(result.durationMs)}`)
  if (result.status !== 'passed') return { ...run, skipReason: 'the pull did not pass' }
  return verifyImage(ctx, state, run)
}

async function runPull(ctx: StageContext, ref: string): Promise<StageRun> {
  const { deps } = ctx
  const platform = ctx.platform.id
  const now = deps.now ?? Date.now
  const res = await inGroup(ctx, 'pull', () =>
    deps.docker.pull(ref, platform, {
      timeoutMs: ctx.deadline - now(),
      signal: deps.signal,
      onLine: (l) => deps.log.output(l, platform),
    }),
  )
  const log = tailText([`docker pull --platform ${platform} ${ref}`, ...res.tail], LOG_TAIL_LINES)
  const stage = commandStage(res, 'pull', ctx.opts.timeoutMinutes, log, () =>
    describeFailure(res, 1).replace(/\s+/g, ' ').slice(0, 200),
  )
  return { results: { pull: stage }, lines: res.tail }
}
