import { InputError } from './errors.js'

// GPUs, in one home: what the gpus option asks for and how Docker is told, the gpu-ready modes,
// and the environment variables that hide GPUs from a container. A leaf: the options, the
// Docker arguments, the static analysis, the verdict and the reports read it.

/**
 * The GPUs a check container gets. `docker`: Docker's own `--gpus` value (the NVIDIA Container
 * Toolkit's runtime hook), `cdi`: Container Device Interface names given as `--device`.
 */
export type GpuRequest =
  | {
      kind: 'docker'
      /** As the user wrote it: all, 2, device=0,1, count=2,capabilities=compute. */
      value: string
      /** How many GPUs that asks for; null for all (then at least one). */
      count: number | null
    }
  | { kind: 'cdi'; value: string; devices: string[]; count: number | null }

/** gpu-ready: `auto` reports readiness for an image that shows GPU intent, silently otherwise. */
export type GpuReadyMode = 'auto' | 'report' | 'required' | 'off'

const GPUS_FIX =
  "use off, all, a count (2), device=0,1 (Docker's --gpus), or CDI names such as nvidia.com/gpu=all"

// A CDI name: vendor/class=device (the CDI specification's qualified device name).
const CDI_NAME = /^[a-z0-9][a-z0-9.-]*\.[a-z]+\/[a-z0-9][a-z0-9_.-]*=[A-Za-z0-9][A-Za-z0-9_.:-]*$/
const DEVICE_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/
const KEYS = new Set(['count', 'device', 'capabilities', 'driver', 'options'])

/** The gpus option; null for off. Refuses what `docker run --gpus` or CDI would refuse. */
export function parseGpus(raw: string): GpuRequest | null {
  const v = raw.trim()
  if (v === '' || v === 'off') return null
  const bad = (why: string): never => {
    throw new InputError('gpus', `'${raw}' ${why}; ${GPUS_FIX}`)
  }
  if (v.includes('/')) {
    const devices = v.split(/[\s,]+/).filter(Boolean)
    for (const d of devices) if (!CDI_NAME.test(d)) bad(`has '${d}', which is not a CDI name`)
    const count = devices.some((d) => d.endsWith('=all')) ? null : devices.length
    return { kind: 'cdi', value: v, devices, count }
  }
  if (v === 'all') return { kind: 'docker', value: v, count: null }
  if (/^[0-9]+$/.test(v)) {
    if (Number(v) < 1) bad('asks for no GPU')
    return { kind: 'docker', value: v, count: Number(v) }
  }
  return { kind: 'docker', value: v, count: dockerCount(v, bad) }
}

/** The count the key=value form asks for: device=0,1 is two, count=all or none is null. */
function dockerCount(v: string, bad: (why: string) => never): number | null {
  // device= takes a comma-separated list, so the pairs are split at a comma followed by a key.
  const pairs = v.split(/,(?=[a-z]+=)/)
  let count: number | null = null
  for (const pair of pairs) {
    const eq = pair.indexOf('=')
    const key = eq > 0 ? pair.slice(0, eq) : ''
    const value = pair.slice(eq + 1)
    if (!KEYS.has(key)) bad(`is not a value docker run --gpus takes`)
    if (key === 'device') {
      const ids = value.split(',')
      if (ids.some((id) => !DEVICE_ID.test(id))) bad(`names a device that is no GPU index or UUID`)
      count = ids.length
    }
    if (key === 'count') {
      if (value === 'all') continue
      if (!/^[0-9]+$/.test(value) || Number(value) < 1) bad('has a count that is not all or N >= 1')
      count = Number(value)
    }
  }
  return count
}

/** The gpu-ready option. */
export function parseGpuReady(raw: string): GpuReadyMode {
  const v = raw.trim().toLowerCase()
  if (v === 'auto' || v === 'report' || v === 'required' || v === 'off') return v
  throw new InputError('gpu-ready', `'${raw}' is not one of auto, report, required, off`)
}

/** How many GPUs a request needs TensorFlow to list: its count, else at least one. */
export function gpusNeeded(r: Pick<GpuRequest, 'count'>): number {
  return r.count ?? 1
}

/**
 * The variable that hides every GPU from the processes of a container, whatever runs it: the
 * CUDA runtime sees no device when CUDA_VISIBLE_DEVICES is empty or -1 (TensorFlow then logs
 * `CUDA_ERROR_NO_DEVICE: no CUDA-capable device is detected`). NVIDIA_VISIBLE_DEVICES=void or
 * none in an image does not count: `docker run --gpus` and the Kubernetes device plugin set
 * their own value in its place (moby's nvidia device driver), so users who start the image that
 * way get their GPUs all the same.
 */
export function hidingVariable(
  env: Readonly<Record<string, string | undefined>>,
): { name: string; value: string } | null {
  const cuda = env.CUDA_VISIBLE_DEVICES
  if (cuda !== undefined && /^\s*(-1\b.*)?$/.test(cuda))
    return { name: 'CUDA_VISIBLE_DEVICES', value: cuda }
  return null
}

/** The variables the smoke script reports for readiness (hidingVariable reads them). */
export const GPU_VARIABLES = [
  'CUDA_VISIBLE_DEVICES',
  'NVIDIA_VISIBLE_DEVICES',
  'NVIDIA_DRIVER_CAPABILITIES',
  'CUDA_VERSION',
  'LD_LIBRARY_PATH',
] as const
