import { type BuilderInfo, builderBuildkit, buildkitContainer } from '../docker/builder.js'
import { describeFailure } from '../docker/exec.js'
import { EnvironmentError, InputError } from '../errors.js'
import type { CheckOptions } from '../config/check.js'
import { cacheType } from '../config/values.js'
import { engineIsLocal } from '../docker/info.js'
import { hostArch } from '../arches.js'
import { parseBuildxVersion } from '../docker/versions.js'
import type { Host } from '../results/types.js'
import type { EngineDeps } from './stage.js'

/**
 * The docker driver on the classic image store exports only inline cache ("Cache export is not
 * supported for the docker driver"): a gha, registry or local export would fail every build
 * after minutes of work, so it is refused before the first one. On the containerd image store
 * (Docker 29's default, ubuntu-latest) the docker driver exports them all.
 */
export function checkCacheSupport(
  opts: Pick<CheckOptions, 'cacheTo'>,
  driver: string,
  builder: string,
  imageStore: Host['imageStore'],
): void {
  if (driver !== 'docker' || imageStore !== 'classic') return
  const bad = opts.cacheTo.filter((c) => cacheType(c) !== 'inline')
  if (bad.length > 0) {
    throw new InputError(
      'cache-to',
      `builder '${builder}' uses the docker driver on the classic image store, which cannot export ${bad.map(cacheType).join(', ')} cache ('${bad[0]}'); ` +
        'add docker/setup-buildx-action before this step (it creates a docker-container builder) and pass its name as builder, turn on the containerd image store, or drop cache-to',
    )
  }
}

/** How long a trivial build may take before the builder is said to be slow, and wedged. */
export const PROBE_MS = { slow: 10_000, wedged: 60_000 }

/**
 * A builder that cannot run a trivial build would leave every platform's build waiting at "load
 * build definition" until its timeout: said before anything is built. A probe that fails for
 * another reason (an older buildx) is only a note; the builds say what is wrong.
 */
async function probeBuilder(deps: EngineDeps, name: string, given?: string): Promise<void> {
  const slow = setTimeout(
    () =>
      deps.log.warning(
        `builder '${name}' has not run a trivial build in ${PROBE_MS.slow / 1000} s; waiting up to ${PROBE_MS.wedged / 1000} s`,
      ),
    PROBE_MS.slow,
  )
  const res = await deps.docker
    .probeBuilder(given, PROBE_MS.wedged)
    .finally(() => clearTimeout(slow))
  if (res.timedOut) {
    throw new EnvironmentError(
      `builder '${name}' did not run a trivial build (FROM scratch) in ${PROBE_MS.wedged / 1000} s: it is wedged, and every build would wait on it. ` +
        `Restart the Docker engine (sudo systemctl restart docker; on a laptop, Docker Desktop) or the builder (docker buildx stop ${name}), then run again.`,
    )
  }
  if (res.exitCode !== 0 && !res.aborted)
    deps.log.info(
      `builder '${name}': the trivial probe build failed (${describeFailure(res, 2)}); going on`,
    )
}

/** Where the check runs: the host the verdicts are reached on, and the engine's machine. */
export interface Preflight {
  host: Host
  /** Docker's name for the CPU the engine runs on (this process's when the engine does not say). */
  arch: string
  /** The engine runs on this machine: its binfmt_misc is the one to read. */
  local: boolean
  /** The builder the builds run on, as buildx describes it. */
  builder: BuilderInfo
}

/**
 * A docker-container builder whose BuildKit container is paused answers nothing: every build
 * would wait on it, and the probe would only say so after a minute. Said at once, with the fix.
 */
async function refusePaused(deps: EngineDeps, builder: BuilderInfo): Promise<void> {
  const container = buildkitContainer(builder)
  if (!container) return
  const state = await deps.docker.containerState(container)
  if (!state?.paused) return
  throw new EnvironmentError(
    `builder '${builder.name}': its BuildKit container ${container} is paused, so every build would wait on it. ` +
      `Unpause it (docker unpause ${container}) or make the builder again (docker buildx rm ${builder.name}; docker/setup-buildx-action), then run again.`,
  )
}

/**
 * Preconditions that would fail every platform alike: no engine, no buildx, a missing builder.
 * Returns the host the verdicts are reached on.
 */
export async function preflight(opts: CheckOptions, deps: EngineDeps): Promise<Preflight> {
  const server = await deps.docker.serverVersion()
  const buildx = await deps.docker.buildxVersion()
  let builder = await deps.docker.inspectBuilder(opts.builder)
  const info = await deps.docker.engineInfo()
  const imageStore = info?.imageStore ?? null
  checkCacheSupport(opts, builder.driver, builder.name, imageStore)
  if (!opts.image) {
    await refusePaused(deps, builder)
    await probeBuilder(deps, builder.name, opts.builder)
    // A builder that was not booted yet says its BuildKit version once the probe has booted it.
    if (builder.nodes.some((n) => n.status !== 'running'))
      builder = await deps.docker.inspectBuilder(opts.builder)
  }
  const buildkit = builderBuildkit(builder)
  const arch = deps.hostArch ?? info?.arch ?? hostArch()
  const local = deps.engineLocal ?? (info ? engineIsLocal(info) : true)
  deps.log.info(
    `Docker engine ${server}${imageStore ? ` (${imageStore} image store)` : ''}${local ? '' : ` on ${info?.name || 'another machine'} (${arch})`}; ${buildx}; builder '${builder.name}' (${builder.driver} driver${buildkit ? `, BuildKit ${buildkit}` : ''})`,
  )
  return {
    host: {
      engine: server,
      buildx: parseBuildxVersion(buildx),
      driver: builder.driver,
      buildkit,
      imageStore,
    },
    arch,
    local,
    builder,
  }
}
