import { EnvironmentError } from '../errors.js'
import type { ImageConfig } from '../results/types.js'
import { declaredPlatform } from '../platforms.js'
import { type BuilderInfo, parseBuilderInspect } from './builder.js'
import { describeFailure, run as exec, type RunOptions, type RunResult } from './exec.js'
import { type EngineInfo, parseEngineInfo } from './info.js'
import { parseRemoteImage, type RemoteManifest } from './reference.js'

// Every docker command the check runs, behind one small interface; the engine takes it as a
// parameter, so the engine's own logic never spawns anything itself.

export interface ContainerState {
  /** Still running (a server, when its time is up). */
  running: boolean
  exitCode: number | null
  oomKilled: boolean
  error: string
}

export interface Docker {
  run(args: string[], opts?: RunOptions): Promise<RunResult>
  serverVersion(): Promise<string>
  buildxVersion(): Promise<string>
  inspectBuilder(name?: string): Promise<BuilderInfo>
  /** A trivial build (FROM scratch, exported nowhere) on the builder: how it ended. */
  probeBuilder(name: string | undefined, timeoutMs: number): Promise<RunResult>
  /** The engine's machine and image store (from `docker info`); null when it does not say. */
  engineInfo(): Promise<EngineInfo | null>
  /**
   * The local image's configuration; with a platform, that platform's image of it (a
   * multi-platform image in the containerd store), null when it has none.
   */
  imageConfig(ref: string, platform?: string): Promise<ImageConfig | null>
  /** What the reference's registry holds: its platforms, or why it could not be asked. */
  remoteImage(ref: string): Promise<{ manifests: RemoteManifest[] } | { error: string }>
  containerState(name: string): Promise<ContainerState | null>
  kill(name: string): Promise<void>
  removeContainers(names: string[]): Promise<void>
  removeImages(refs: string[]): Promise<void>
  /** Image references (repo:tag) and container names that carry the run label with this id. */
  listByRunLabel(label: string): Promise<{ images: string[]; containers: string[] }>
}

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

export function createDocker(
  hooks: { onCommand?: (args: readonly string[]) => void } = {},
): Docker {
  const env = dockerEnv()
  const run = (
    command: string,
    args: readonly string[],
    opts: RunOptions = {},
  ): Promise<RunResult> => {
    hooks.onCommand?.(args)
    return exec(command, args, { env, ...opts })
  }
  const docker: Docker = {
    run: (args, opts) => run(DOCKER, args, opts),

    async serverVersion() {
      const res = await run(DOCKER, ['version', '--format', '{{.Server.Version}}'], {
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
      const res = await run(DOCKER, ['buildx', 'version'], { timeoutMs: 30_000 })
      if (res.exitCode !== 0) {
        throw new EnvironmentError(
          `docker buildx is not available; add docker/setup-buildx-action before this step (or install the buildx CLI plugin). ${describeFailure(res, 3)}`,
        )
      }
      return res.stdout.trim()
    },

    async inspectBuilder(name) {
      const res = await run(DOCKER, ['buildx', 'inspect', ...(name ? [name] : [])], {
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

    probeBuilder(name, timeoutMs) {
      const builder = name ? ['--builder', name] : []
      const out = ['--progress', 'plain', '--output', 'type=cacheonly', '-']
      return run(DOCKER, ['buildx', 'build', ...builder, ...out], {
        input: 'FROM scratch\n',
        timeoutMs,
      })
    },

    async engineInfo() {
      const res = await run(DOCKER, ['info', '--format', '{{json .}}'], { timeoutMs: 30_000 })
      return res.exitCode === 0 ? parseEngineInfo(res.stdout) : null
    },

    async imageConfig(ref, platform) {
      // The whole object: the configuration, and the platform the image declares (Os,
      // Architecture, Variant), which decides whether the image is the platform asked for.
      const inspect = (extra: string[]): Promise<RunResult> =>
        run(DOCKER, ['image', 'inspect', ...extra, '--format', '{{json .}}', ref], {
          timeoutMs: 60_000,
        })
      let res = await inspect(platform ? ['--platform', platform] : [])
      // A client older than Docker 28 has no --platform here: its one image must declare it.
      if (platform && res.exitCode !== 0 && res.tail.some((l) => /unknown flag/.test(l))) {
        res = await inspect([])
        const image = res.exitCode === 0 ? parseImageInspect(res.stdout) : null
        return image && declaredPlatform(image.os, image.architecture, image.variant) === platform
          ? image
          : null
      }
      return res.exitCode === 0 ? parseImageInspect(res.stdout) : null
    },

    async remoteImage(ref) {
      const res = await run(
        DOCKER,
        ['buildx', 'imagetools', 'inspect', '--format', '{{json .}}', ref],
        { timeoutMs: 120_000 },
      )
      if (res.exitCode !== 0) {
        // buildx's own words ("ERROR: ...: not found"), else how the command ended.
        const said = res.tail
          .map((l) => l.trim())
          .filter(Boolean)
          .at(-1)
        return { error: said ? said.replace(/^ERROR:\s*/, '') : describeFailure(res, 1) }
      }
      const manifests = parseRemoteImage(res.stdout)
      return manifests
        ? { manifests }
        : { error: 'its registry answered with no readable manifest' }
    },

    async containerState(name) {
      const res = await run(DOCKER, ['container', 'inspect', '--format', '{{json .State}}', name], {
        timeoutMs: 60_000,
      })
      if (res.exitCode !== 0) return null
      try {
        const s = JSON.parse(res.stdout) as {
          Running?: boolean
          ExitCode?: number
          OOMKilled?: boolean
          Error?: string
        }
        return {
          running: Boolean(s.Running),
          exitCode: s.ExitCode ?? null,
          oomKilled: Boolean(s.OOMKilled),
          error: s.Error ?? '',
        }
      } catch {
        return null
      }
    },

    async kill(name) {
      await run(DOCKER, ['container', 'kill', name], { timeoutMs: 60_000 })
    },

    async removeContainers(names) {
      if (names.length > 0)
        await run(DOCKER, ['container', 'rm', '-f', ...names], { timeoutMs: 120_000 })
    },

    async removeImages(refs) {
      if (refs.length > 0) await run(DOCKER, ['image', 'rm', '-f', ...refs], { timeoutMs: 120_000 })
    },

    async listByRunLabel(label) {
      const images = await run(
        DOCKER,
        ['image', 'ls', '--filter', `label=${label}`, '--format', '{{.Repository}}:{{.Tag}}'],
        { timeoutMs: 60_000 },
      )
      const containers = await run(
        DOCKER,
        ['container', 'ls', '-a', '--filter', `label=${label}`, '--format', '{{.Names}}'],
        { timeoutMs: 60_000 },
      )
      const lines = (r: RunResult): string[] =>
        r.exitCode === 0
          ? r.stdout
              .split('\n')
              .map((s) => s.trim())
              .filter((s) => s !== '' && !s.includes('<none>'))
          : []
      return { images: lines(images), containers: lines(containers) }
    },
  }
  return docker
}

/** `docker image inspect --format '{{json .}}'` -> what the check records; null if unreadable. */
export function parseImageInspect(stdout: string): ImageConfig | null {
  try {
    const image = JSON.parse(stdout) as {
      Os?: string
      Architecture?: string
      Variant?: string
      Config?: {
        Entrypoint?: string[] | null
        Cmd?: string[] | null
        User?: string
        WorkingDir?: string
        Env?: string[] | null
      } | null
    }
    const c = image.Config ?? {}
    const path = (c.Env ?? []).find((e) => e.startsWith('PATH='))
    return {
      os: image.Os || null,
      architecture: image.Architecture || null,
      variant: image.Variant || null,
      entrypoint: c.Entrypoint ?? null,
      cmd: c.Cmd ?? null,
      user: c.User ?? '',
      workingDir: c.WorkingDir ?? '',
      path: path ? path.slice(5) : null,
    }
  } catch {
    return null
  }
}
