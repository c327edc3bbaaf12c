import { seconds } from '../../format.js'
import { REPLACED } from '../../docker/args.js'
import type { Stage } from '../stage.js'
import { answer, containerSpec, runContainer } from './container.js'

/**
 * The team's own test: the run input as a shell command in the platform's image, in its WORKDIR
 * and as its USER, with the check container's confinement, started as the import was: through
 * the ENTRYPOINT when that is how users run commands in the image. Its exit status decides; it has what is
 * left of the platform's timeout-minutes.
 */
export const run: Stage = async (ctx, state) => {
  const command = ctx.opts.run!
  const spec = containerSpec(ctx, 'run')
  const ended = await runContainer(
    ctx,
    'run',
    { kind: 'run', spec: { ...spec, command }, through: state.through ?? REPLACED },
    Number.POSITIVE_INFINITY,
  )
  const how = `exited with ${ended.result.exitCode ?? '?'} after ${seconds(ended.result.durationMs)}`
  ctx.deps.log.info(`${ctx.platform.id}: run ${ended.result.status}: ${how}`)
  return { ...answer('run', ended, how), evidence: { command } }
}
