import { type BuilderInfo, buildkitContainer } from '../docker/builder.js'
import type { EngineDeps } from './stage.js'

// Whether the builder a build runs on can still make progress. A docker-container builder runs
// BuildKit in a container of its own (setup-buildx-action's default): that container can be
// killed (out of memory), restarted, paused or wedged while the engine answers on, and then the
// build says nothing of the image. Asked when a build goes silent, and after one fails.

/** How long BuildKit gets to answer `docker buildx inspect` before it counts as wedged. */
export const ASK_BUILDER_MS = 30_000

/**
 * Why the builder cannot be making progress, in words that follow "the builder 'x' ..."; null
 * when it answers, or nothing can be said. `since`: when the build began (a restart after it
 * means BuildKit went away under the build).
 */
export async function builderDown(
  deps: EngineDeps,
  builder: BuilderInfo,
  since: number,
): Promise<string | null> {
  const container = buildkitContainer(builder)
  if (container) {
    const state = await deps.docker.containerState(container)
    if (!state) return `lost its BuildKit container (${container} is gone)`
    if (state.paused) return `has its BuildKit container paused (${container})`
    if (!state.running)
      return `lost its BuildKit container (${container} exited with code ${state.exitCode ?? 'unknown'}${state.oomKilled ? ', killed for using too much memory' : ''})`
    const started = Date.parse(state.startedAt)
    if (Number.isFinite(started) && started > since)
      return `lost its BuildKit container during the build (${container} started again at ${state.startedAt})`
  }
  const answer = await deps.docker.askBuilder(builder.name, ASK_BUILDER_MS)
  if (!answer) return `did not answer docker buildx inspect within ${ASK_BUILDER_MS / 1000} s`
  const down = answer.nodes.find((n) => n.error || (n.status !== '' && n.status !== 'running'))
  if (!down) return null
  return down.error
    ? `could not be asked about its node ${down.name} (${down.error})`
    : `has its node ${down.name} ${down.status}`
}
