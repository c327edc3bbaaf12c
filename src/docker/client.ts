import { type ContainerOperations, containerOperations } from './containers.js'
import { run as exec } from './exec.js'
import { type ImageOperations, imageOperations } from './images.js'
import { type EngineQueries, engineQueries } from './queries.js'
import type { Runner } from './runner.js'

// Every docker command the check runs, one method per operation, behind one interface; the
// engine takes it as a parameter, so the engine's own logic never spawns anything itself, and
// no argv is built outside docker/.

export type Docker = EngineQueries & ImageOperations & ContainerOperations

const DOCKER = process.env.TFMC_DOCKER_BIN || 'docker'

/**
 * The environment docker commands run with: the process's own, without the GitHub token, so
 * that nothing downstream (a build argument taken from the environment, a plugin) can pick it
 * up. ACTIONS_RUNTIME_TOKEN stays: buildx needs it for the type=gha cache.
 */
export function dockerEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(env)) {
    if (/^(INPUT_GITHUB-TOKEN|GITHUB_TOKEN|GH_TOKEN)$/i.test(k)) continue
    out[k] = v
  }
  return out
}

/** The real client: the one place a docker process is spawned. */
export function createDocker(
  hooks: { onCommand?: (args: readonly string[]) => void } = {},
): Docker {
  const env = dockerEnv()
  const run: Runner = (args, opts = {}) => {
    hooks.onCommand?.(args)
    return exec(DOCKER, args, { env, ...opts })
  }
  return { ...engineQueries(run), ...imageOperations(run), ...containerOperations(run) }
}
