import { EnvironmentError } from '../errors.js'
import { type BuilderInfo, parseBuilderInspect } from './builder.js'
import { describeFailure, type RunResult } from './exec.js'
import { type EngineInfo, parseEngineInfo } from './info.js'
import type { Runner } from './runner.js'

// What the check asks the engine and its builder before it builds: versions, the builder, the
// engine's machine and image store. Each failure that stops the check says what to do.

/** What `docker buildx inspect` answered during a build. */
export interface BuilderAnswer {
  info: BuilderInfo | null
  timedOut: boolean
  /** Its last words, when it failed. */
  error: string
}

export interface EngineQueries {
  serverVersion(): Promise<string>
  buildxVersion(): Promise<string>
  inspectBuilder(name?: string): Promise<BuilderInfo>
  /**
   * The builder as it describes itself when asked during a build, to tell a wedged BuildKit from
   * a slow step: `info` null when it did not answer within the time, or could not be asked.
   */
  askBuilder(name: string, timeoutMs: number, signal?: AbortSignal): Promise<BuilderAnswer>
  /** A trivial build (FROM scratch, exported nowhere) on the builder: how it ended. */
  probeBuilder(name: string | undefined, timeoutMs: number): Promise<RunResult>
  /** The engine's machine and image store (from `docker info`); null when it does not say. */
  engineInfo(): Promise<EngineInfo | null>
}

export function engineQueries(run: Runner): EngineQueries {
  return {
    async serverVersion() {
      const res = await run(['version', '--format', '{{.Server.Version}}'], {
        timeoutMs: 30_000,
      })
      if (res.spawnError) {
        throw new EnvironmentError(
          `docker: the docker command was not found (${res.spawnError.code}); install Docker, or on GitHub use a Linux runner, which has it`,
        )
      }
      const version = res.stdout.trim()
      if (res.exitCode !== 0 || version === '') {
        throw new EnvironmentError(
          `docker: cannot reach the Docker engine; start the daemon (or point DOCKER_HOST at one) and run again. ${describeFailure(res, 3)}`,
        )
      }
      return version
    },

    async buildxVersion() {
      const res = await run(['buildx', 'version'], { timeoutMs: 30_000 })
      if (res.exitCode !== 0) {
        throw new EnvironmentError(
          `docker buildx is not available; add docker/setup-buildx-action before this step (or install the buildx CLI plugin). ${describeFailure(res, 3)}`,
        )
      }
      return res.stdout.trim()
    },

    async inspectBuilder(name) {
      const res = await run(['buildx', 'inspect', ...(name ? [name] : [])], {
        timeoutMs: 60_000,
      })
      if (res.exitCode !== 0) {
        throw new EnvironmentError(
          name
            ? `builder: '${name}' is not a buildx builder here; create it (docker/setup-buildx-action) or leave the input empty for the current one. ${describeFailure(res, 3)}`
            : `docker buildx inspect failed. ${describeFailure(res, 3)}`,
        )
      }
      return parseBuilderInspect(res.stdout)
    },

    async askBuilder(name, timeoutMs, signal) {
      const res = await run(['buildx', 'inspect', name], {
        timeoutMs,
        ...(signal ? { signal } : {}),
      })
      const answered = res.exitCode === 0 && !res.timedOut && !res.aborted
      return {
        info: answered ? parseBuilderInspect(res.stdout) : null,
        timedOut: res.timedOut,
        error: answered ? '' : res.tail.slice(-2).join(' ').trim() || describeFailure(res, 1),
      }
    },

    probeBuilder(name, timeoutMs) {
      const builder = name ? ['--builder', name] : []
      const out = ['--progress', 'plain', '--output', 'type=cacheonly', '-']
      return run(['buildx', 'build', ...builder, ...out], {
        input: 'FROM scratch\n',
        timeoutMs,
      })
    },

    async engineInfo() {
      const res = await run(['info', '--format', '{{json .}}'], { timeoutMs: 30_000 })
      return res.exitCode === 0 ? parseEngineInfo(res.stdout) : null
    },
  }
}
