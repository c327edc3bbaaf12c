import { handlesArch, qemuVersion, readBinfmtHandlers } from '../docker/binfmt.js'
import { describeFailure } from '../docker/exec.js'
import { registerQemu } from '../advice.js'
import type { CheckOptions } from '../config/check.js'
import { isNative, type Platform, qemuName } from '../platforms.js'
import type { EngineDeps } from './stage.js'

/** Said once when linux/amd64 is emulated (an arm64 engine: Apple Silicon, Graviton). */
export const AMD64_EMULATED =
  "linux/amd64 runs emulated on this engine: TensorFlow's x86-64 build needs AVX, which an emulator may not provide; an 'Illegal instruction' there says nothing about your amd64 servers (check linux/amd64 on an x86-64 runner)"

export interface Emulation {
  platform: string
  emulated: boolean
  /** Why this emulated platform cannot run here; undefined when it can. */
  unavailable?: string
  /** The QEMU that runs it: its version, or the installer image that registered it. */
  qemu?: string | null
}

/**
 * Which platforms run natively and which under QEMU; registers the missing QEMU handlers when
 * setup-qemu allows it. A platform whose emulator cannot be had is reported, not thrown: the
 * native platforms are still checked.
 */
export async function prepareEmulation(
  opts: CheckOptions,
  deps: EngineDeps,
  /** The engine's CPU (the preflight's answer). */
  host: string,
  /** The engine runs on this machine; else this machine's binfmt_misc says nothing about it. */
  local: boolean,
): Promise<Emulation[]> {
  const read = deps.readBinfmt ?? (local ? () => readBinfmtHandlers() : async () => null)
  const emulated = opts.platforms.filter((p) => !isNative(p, host))
  const result = new Map<string, Emulation>(
    opts.platforms.map((p) => [p.id, { platform: p.id, emulated: !isNative(p, host) }]),
  )
  for (const p of opts.platforms) {
    const how = local
      ? `emulated (QEMU ${qemuName(p)} on this ${host} host)`
      : `emulated (on the engine's ${host} machine, by its own emulator)`
    deps.log.info(`${p.id}: ${isNative(p, host) ? 'native' : how}`)
    if (p.arch === 'amd64' && !isNative(p, host)) deps.log.info(AMD64_EMULATED)
  }
  if (emulated.length === 0) return [...result.values()]

  let handlers = await read()
  const missing = (): Platform[] =>
    handlers === null
      ? []
      : emulated.filter((p) => handlesArch(handlers ?? [], qemuName(p)) === undefined)
  let todo = opts.setupQemu === 'true' ? emulated : missing()
  if (handlers === null && opts.setupQemu === 'auto') {
    // No binfmt_misc to read (a remote engine, or a container): trust what the builder says.
    deps.log.info(
      local
        ? 'binfmt_misc is not readable here; relying on the builder to run emulated platforms'
        : "the engine runs on another machine (Docker Desktop's VM, DOCKER_HOST or a docker context); relying on its builder to run emulated platforms",
    )
  }
  const installed = new Set<string>()
  if (todo.length > 0 && opts.setupQemu !== 'false') {
    for (const p of todo) installed.add(p.id)
    const arches = [...new Set(todo.map((p) => p.arch))]
    deps.log.info(`registering QEMU for ${arches.join(',')} with ${opts.qemuImage}`)
    const res = await deps.docker.registerQemu(opts.qemuImage, arches, {
      timeoutMs: 5 * 60_000,
      signal: deps.signal,
    })
    if (res.exitCode !== 0) {
      deps.log.warning(`could not register QEMU with ${opts.qemuImage}: ${describeFailure(res, 5)}`)
    }
    handlers = await read()
    todo = missing()
  }
  for (const p of emulated) {
    const key = p.id
    // A handler registered from a container (tonistiigi/binfmt) has no interpreter here to
    // ask: then the installer image we ran is what is known.
    const ours = installed.has(key)
    // Without binfmt_misc to read (a remote engine), this machine's QEMU is not the one at work.
    const version = handlers
      ? await (deps.qemuVersion ?? qemuVersion)(handlesArch(handlers, qemuName(p)), qemuName(p))
      : null
    result.set(key, {
      ...result.get(key)!,
      qemu: version ?? (ours ? opts.qemuImage : null),
    })
  }
  for (const p of todo) {
    const key = p.id
    const how =
      opts.setupQemu === 'false'
        ? 'setup-qemu is false'
        : `registering it with ${opts.qemuImage} did not work`
    result.set(key, {
      platform: key,
      emulated: true,
      qemu: null,
      unavailable:
        `no QEMU emulator for ${qemuName(p)} is registered on this ${host} machine and ${how}; ` +
        `${registerQemu(p.arch)}, ` +
        `or check ${key} on a native runner`,
    })
  }
  return [...result.values()]
}
