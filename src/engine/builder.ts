import { type BuilderInfo, buildkitContainer } from '../docker/builder.js'
import type { EngineDeps } from './stage.js'

// Whether the builder a build runs on can still make progress. A docker-container builder runs
// BuildKit in a container of its own (setup-buildx-action's default): that container can be
// killed (out of memory; buildx's restart policy then starts it again), paused or wedged while
// the engine answers on, and then the build says nothing of the image. Asked when a build goes
// silent, and after one fails.

/** How long BuildKit gets to answer `docker buildx inspect` before it counts as wedged. */
export const ASK_BUILDER_MS = 30_000
/** A `docker buildx inspect` that failed outright is asked again after this long. */
const ASK_AGAIN_MS = 5_000

/** The builder as a build found it when it began: what "gone" and "restarted" are judged by. */
export interface BuilderBaseline {
  name: string
  driver: string
  /** The nodes running then: only they are judged (one not booted yet serves nothing). */
  running: string[]
  /**
   * A docker-container builder's BuildKit container, when it is on this engine (a builder of
   * another endpoint has its container elsewhere: it is judged by buildx alone).
   */
  container: { name: string; startedAt: string } | null
}

export async function builderBaseline(
  deps: EngineDeps,
  builder: BuilderInfo,
): Promise<BuilderBaseline> {
  const name = buildkitContainer(builder)
  const state = name ? await deps.docker.containerState(name) : null
  return {
    name: builder.name,
    driver: builder.driver,
    running: builder.nodes.filter((n) => n.status === 'running').map((n) => n.name),
    container:
      name && state?.running && !state.paused ? { name, startedAt: state.startedAt } : null,
  }
}

/** Why its BuildKit container cannot be serving the build; null when it can, or it cannot tell. */
async function containerDown(deps: EngineDeps, b: BuilderBaseline): Promise<string | null> {
  if (!b.container) return null
  const { name, startedAt } = b.container
  const state = await deps.docker.containerState(name)
  if (!state) return null
  const oom = state.oomKilled ? ', killed for using too much memory' : ''
  if (state.paused) return `has its BuildKit container paused (${name})`
  if (!state.running)
    return `lost its BuildKit container (${name} exited with code ${state.exitCode ?? 'unknown'}${oom})`
  if (state.startedAt !== startedAt)
    return `lost its BuildKit container during the build (${name} was started again at ${state.startedAt}${oom})`
  return null
}

/**
 * Why the builder cannot be making progress, in words that follow "the builder 'x' ..."; null
 * when it answers, or nothing certain can be said.
 */
export async function builderDown(deps: EngineDeps, b: BuilderBaseline): Promise<string | null> {
  const container = await containerDown(deps, b)
  if (container) return container
  let answer = await deps.docker.askBuilder(b.name, ASK_BUILDER_MS, deps.signal)
  if (!answer.info && !answer.timedOut && !deps.signal?.aborted) {
    await new Promise((r) => setTimeout(r, ASK_AGAIN_MS))
    answer = await deps.docker.askBuilder(b.name, ASK_BUILDER_MS, deps.signal)
  }
  if (deps.signal?.aborted) return null
  if (!answer.info)
    return answer.timedOut
      ? `did not answer docker buildx inspect within ${ASK_BUILDER_MS / 1000} s`
      : `could not be asked (docker buildx inspect: ${answer.error})`
  const down = answer.info.nodes.find(
    (n) => b.running.includes(n.name) && (n.error || n.status !== 'running'),
  )
  if (!down) return null
  return down.error
    ? `could not be asked about its node ${down.name} (${down.error})`
    : `has its node ${down.name} ${down.status || 'not running'}`
}
