import {
  type BuildSpec,
  buildCommand,
  type CheckContainer,
  containerCommand,
  pullCommand,
  qemuCommand,
} from './args.js'
import type { RunOptions, RunResult } from './exec.js'
import type { Runner } from './runner.js'

// What makes and runs the check's images: a build, a pull, a check container, the QEMU
// installer; then each container read, stopped and removed. The argv of each is args.ts's.

export interface ContainerState {
  /** Still running (a server, when its time is up); a paused container is running too. */
  running: boolean
  /** Frozen by docker pause: it answers nothing until unpaused. */
  paused: boolean
  /** When it last started (RFC 3339, as Docker says it); a restart moves it. */
  startedAt: string
  exitCode: number | null
  oomKilled: boolean
  error: string
}

export interface ContainerOperations {
  /** One platform's image, built and loaded under its run tag. */
  build(spec: BuildSpec, opts?: RunOptions): Promise<RunResult>
  /** One platform's image from its registry, by digest. */
  pull(pinnedRef: string, platform: string, opts?: RunOptions): Promise<RunResult>
  /** One container of the check (import and train, start, run), confined. */
  container(c: CheckContainer, opts?: RunOptions): Promise<RunResult>
  /** The binfmt installer image, registering QEMU for these architectures. */
  registerQemu(image: string, arches: string[], opts?: RunOptions): Promise<RunResult>
  containerState(name: string): Promise<ContainerState | null>
  kill(name: string): Promise<void>
  removeContainers(names: string[]): Promise<void>
}

export function containerOperations(run: Runner): ContainerOperations {
  return {
    build: (spec, opts) => run(buildCommand(spec), opts),
    pull: (ref, platform, opts) => run(pullCommand(ref, platform), opts),
    container: (c, opts) => run(containerCommand(c), opts),
    registerQemu: (image, arches, opts) => run(qemuCommand(image, arches), opts),

    async containerState(name) {
      const res = await run(['container', 'inspect', '--format', '{{json .State}}', name], {
        timeoutMs: 60_000,
      })
      if (res.exitCode !== 0) return null
      try {
        const s = JSON.parse(res.stdout) as {
          Running?: boolean
          Paused?: boolean
          StartedAt?: string
          ExitCode?: number
          OOMKilled?: boolean
          Error?: string
        }
        return {
          running: Boolean(s.Running),
          paused: Boolean(s.Paused),
          startedAt: s.StartedAt ?? '',
          exitCode: s.ExitCode ?? null,
          oomKilled: Boolean(s.OOMKilled),
          error: s.Error ?? '',
        }
      } catch {
        return null
      }
    },

    async kill(name) {
      await run(['container', 'kill', name], { timeoutMs: 60_000 })
    },

    async removeContainers(names) {
      if (names.length > 0) await run(['container', 'rm', '-f', ...names], { timeoutMs: 120_000 })
    },
  }
}
