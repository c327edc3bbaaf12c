import { hostname, release } from 'node:os'
import { archOfMachine } from '../arches.js'
import { imageStoreOf } from './versions.js'
import type { Host } from '../results/types.js'

// The machine the engine runs on, which is not always the one the check runs on: Docker Desktop
// runs its engine in a VM, and DOCKER_HOST or a docker context can name another machine. Its CPU
// decides which platforms run natively; only on this machine is its binfmt_misc ours to read.

export interface EngineInfo {
  imageStore: Host['imageStore']
  /** Docker's name for the engine's CPU (amd64, arm64); null when it does not say. */
  arch: string | null
  /** The engine's host name and kernel release, to tell whether it runs on this machine. */
  name: string
  kernel: string
}

/** `docker info --format '{{json .}}'`; null when it is not that. */
export function parseEngineInfo(json: string): EngineInfo | null {
  let info: {
    Architecture?: string
    Name?: string
    KernelVersion?: string
    DriverStatus?: [string, string][] | null
  }
  try {
    info = JSON.parse(json) as typeof info
  } catch {
    return null
  }
  if (!info || typeof info !== 'object') return null
  const machine = info.Architecture ?? ''
  return {
    imageStore: imageStoreOf(info.DriverStatus),
    arch: archOfMachine(machine) ?? (machine || null),
    name: info.Name ?? '',
    kernel: info.KernelVersion ?? '',
  }
}

/**
 * Whether the engine runs on this machine (same host name, same kernel): then this machine's
 * binfmt_misc is the engine's. Docker Desktop's VM, a remote DOCKER_HOST or context: no.
 */
export function engineIsLocal(
  info: Pick<EngineInfo, 'name' | 'kernel'>,
  here: { name: string; kernel: string } = { name: hostname(), kernel: release() },
): boolean {
  return info.name !== '' && info.name === here.name && info.kernel === here.kernel
}
