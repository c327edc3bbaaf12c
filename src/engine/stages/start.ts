import { seconds } from '../../format.js'
import type { Stage } from '../stage.js'
import { answer, containerSpec, runContainer } from './container.js'

/**
 * How much longer an emulated platform's start gets: QEMU runs Python 10-25 times slower than
 * native (DOMAIN.md), so a server that is up in 3 s natively may need 30 s under emulation.
 */
export const EMULATED_START_FACTOR = 10

/**
 * The image started as its users start it (its own ENTRYPOINT and CMD, the check container's
 * confinement): it passes when it exits 0 within the start window, or is still running when the
 * window closes (a server; it is then stopped).
 */
export const start: Stage = async (ctx) => {
  const window = ctx.opts.start! * (ctx.emulated ? EMULATED_START_FACTOR : 1)
  const spec = containerSpec(ctx, 'start')
  const ended = await runContainer(ctx, 'start', { kind: 'start', spec }, window * 1000)
  const how = ended.stillRunning
    ? `still running after ${window} s${ctx.emulated ? ` (${ctx.opts.start} s, ${EMULATED_START_FACTOR}x under QEMU)` : ''}: stopped`
    : `exited with ${ended.result.exitCode ?? '?'} after ${seconds(ended.result.durationMs)}`
  ctx.deps.log.info(`${ctx.platform.id}: start ${ended.result.status}: ${how}`)
  return answer('start', ended, how)
}
