import type { BuildSpec, CheckContainer } from '../../src/docker/args.js'
import type { Docker } from '../../src/docker/client.js'
import type { BuilderInfo } from '../../src/docker/builder.js'
import type { ContainerState } from '../../src/docker/containers.js'
import type { RunOptions, RunResult } from '../../src/docker/exec.js'
import type { EngineInfo } from '../../src/docker/info.js'
import type { ImageConfig } from '../../src/results/types.js'
import { result } from './engine.js'

// The one fake Docker of the unit tests, driven by what the engine asks for (a build, a pull, a
// check container, QEMU registered), never by argv: the argv of each operation is pinned once,
// in args.test.ts. A test scripts the answers it cares about; the rest answer as a healthy
// engine does. Every operation is recorded, in order.

export type Call =
  | { op: 'build'; spec: BuildSpec }
  | { op: 'pull'; ref: string; platform: string }
  | { op: 'container'; container: CheckContainer }
  | { op: 'registerQemu'; image: string; arches: string[] }
  | { op: 'kill'; name: string }

export interface Script {
  build?: (spec: BuildSpec, opts: RunOptions) => RunResult | Promise<RunResult>
  pull?: (ref: string, platform: string) => RunResult
  container?: (c: CheckContainer, opts: RunOptions) => RunResult | Promise<RunResult>
  registerQemu?: (image: string, arches: string[]) => RunResult
  /** The platform an image built or pulled for `platform` declares (default: that one). */
  declares?: (platform: string, ref: string) => string
  /** The rest of every image's configuration. */
  config?: Partial<ImageConfig>
  containerState?: (name: string) => ContainerState | null
  remoteImage?: Docker['remoteImage']
  /** What `docker info` says (default: an amd64 runner with the containerd store). */
  engine?: EngineInfo | null
  serverVersion?: string
  buildxVersion?: string
  /** The builder `docker buildx inspect` describes (default: the engine's own, docker driver). */
  builder?: BuilderInfo | (() => BuilderInfo)
  /** What `docker buildx inspect` answers during a build (default: the builder, at once). */
  askBuilder?: (name: string) => BuilderInfo | null | Promise<BuilderInfo | null>
}

/** An exited container that exited 0: what a finished check container inspects as. */
export const EXITED: ContainerState = {
  running: false,
  paused: false,
  startedAt: '',
  exitCode: 0,
  oomKilled: false,
  error: '',
}

export const DOCKER_BUILDER: BuilderInfo = {
  name: 'default',
  driver: 'docker',
  platforms: ['linux/amd64', 'linux/arm64'],
  nodes: [{ name: 'default', status: 'running', buildkit: null, error: null }],
}

export type FakeDocker = Docker & { calls: Call[] }

/**
 * A script's command, run: each line it prints live reaches the caller's handler then; a script
 * that prints nothing live has its result's tail printed as it ends, as the process would have.
 */
async function replay(
  run: (opts: RunOptions) => RunResult | Promise<RunResult>,
  opts: RunOptions = {},
): Promise<RunResult> {
  let live = false
  const onLine = opts.onLine
  const r = await run(
    onLine
      ? {
          ...opts,
          onLine: (l, stream) => {
            live = true
            onLine(l, stream)
          },
        }
      : opts,
  )
  if (!live) for (const l of r.tail) onLine?.(l, 'stdout')
  return r
}

export function fakeDocker(s: Script = {}): FakeDocker {
  const calls: Call[] = []
  /** The platform each image made here declares, by its reference. */
  const images = new Map<string, string>()
  const declare = (platform: string, ref: string): void =>
    void images.set(ref, s.declares?.(platform, ref) ?? platform)
  const unexpected = (what: string): never => {
    throw new Error(`unexpected docker operation: ${what}`)
  }
  return {
    calls,
    serverVersion: async () => s.serverVersion ?? '28.5.2',
    buildxVersion: async () =>
      s.buildxVersion ?? 'github.com/docker/buildx 0.29.1+ds1 0.29.1+ds1-4',
    inspectBuilder: async () =>
      typeof s.builder === 'function' ? s.builder() : (s.builder ?? DOCKER_BUILDER),
    askBuilder: async (name) => {
      const info = s.askBuilder
        ? await s.askBuilder(name)
        : typeof s.builder === 'function'
          ? s.builder()
          : (s.builder ?? DOCKER_BUILDER)
      return info
        ? { info, timedOut: false, error: '' }
        : { info: null, timedOut: true, error: 'docker buildx inspect timed out' }
    },
    probeBuilder: async () => result(),
    engineInfo: async () =>
      s.engine === undefined
        ? { imageStore: 'containerd', arch: 'amd64', name: 'runner', kernel: '6.8.0' }
        : s.engine,

    async build(spec, opts = {}) {
      calls.push({ op: 'build', spec })
      declare(spec.platform, spec.tag)
      return replay((o) => (s.build ?? (() => result()))(spec, o), opts)
    },
    async pull(ref, platform, opts) {
      calls.push({ op: 'pull', ref, platform })
      declare(platform, ref)
      return replay(() => (s.pull ?? (() => result()))(ref, platform), opts)
    },
    async container(c, opts = {}) {
      calls.push({ op: 'container', container: c })
      const answer = s.container ?? (() => unexpected(`a ${c.kind} container`))
      return replay((o) => answer(c, o), opts)
    },
    async registerQemu(image, arches, opts) {
      calls.push({ op: 'registerQemu', image, arches })
      const answer = s.registerQemu ?? (() => unexpected('registering QEMU'))
      return replay(() => answer(image, arches), opts)
    },

    imageConfig: async (ref) => {
      const declared = images.get(ref)
      if (declared === undefined) return null
      const [os, architecture, variant] = declared.split('/')
      return {
        os: os ?? null,
        architecture: architecture ?? null,
        variant: variant ?? null,
        entrypoint: null,
        cmd: ['python3'],
        user: '',
        workingDir: '/',
        path: '/usr/bin',
        ...s.config,
      }
    },
    remoteImage: s.remoteImage ?? (async () => ({ error: 'no registry in this test' })),
    containerState: async (name) => (s.containerState ? s.containerState(name) : EXITED),
    kill: async (name) => void calls.push({ op: 'kill', name }),
    removeContainers: async () => undefined,
    removeImages: async () => undefined,
    listByRunLabel: async () => ({ images: [], containers: [] }),
  }
}

/** The containers the engine ran, by kind. */
export function containersOf(docker: FakeDocker, kind?: CheckContainer['kind']): CheckContainer[] {
  return docker.calls.flatMap((c) =>
    c.op === 'container' && (!kind || c.container.kind === kind) ? [c.container] : [],
  )
}
