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
  // Docker's own documentation quotes a device list for the shell: '"device=0,1"'.
  const v = raw.trim().replace(/^"([^"]*)"$/, '$1')
  if (v === '' || v.toLowerCase() === 'off') return null
  const bad = (why: string): never => {
    throw new InputError('gpus', `'${raw}' ${why}; ${GPUS_FIX}`)
  }
  if (v.includes('/')) {
    const devices = v.split(/[\s,]+/).filter(Boolean)
    for (const d of devices) if (!CDI_NAME.test(d)) bad(`has '${d}', which is not a CDI name`)
    const count = devices.some((d) => d.endsWith('=all')) ? null : devices.length
    return { kind: 'cdi', value: v, devices, count }
  }
  // Each field unquoted, so that the value is what Docker reads and gpuArgs quotes it once.
  const fields = v.split(/,(?="?[a-z]+=)/).map((f) => f.replace(/^"(.*)"$/, '$1'))
  return { kind: 'docker', value: fields.join(','), count: dockerCount(fields, bad) }
}

/**
 * The count Docker's --gpus value asks for (null: all). Its grammar: an optional bare first
 * field, all or N, then key=value pairs (count, device, capabilities, driver, options), each key
 * once, count and device not together, one GPU where neither is given; device= takes a
 * comma-separated list, so the pairs are split at a comma followed by a key.
 */
function dockerCount(fields: string[], bad: (why: string) => never): number | null {
  let count: number | null | undefined
  const seen = new Set<string>()
  for (const [i, field] of fields.entries()) {
    const eq = field.indexOf('=')
    const key = eq > 0 ? field.slice(0, eq) : i === 0 ? 'count' : ''
    const value = eq > 0 ? field.slice(eq + 1) : field
    if (!KEYS.has(key)) bad('is not a value docker run --gpus takes')
    if (seen.has(key)) bad(`names ${key} twice`)
    seen.add(key)
    if (key === 'device') {
      const ids = value.split(',')
      if (ids.some((id) => !DEVICE_ID.test(id))) bad('names a device that is no GPU index or UUID')
      count = ids.length
    } else if (key === 'count') {
      if (value === 'all') count = null
      else if (/^[0-9]+$/.test(value) && Number(value) >= 1) count = Number(value)
      else bad(/^[0-9]+$/.test(value) ? 'asks for no GPU' : 'has a count that is not all or N >= 1')
    }
  }
  if (seen.has('count') && seen.has('device')) bad('gives both a count and devices')
  // Neither a count nor devices (capabilities=compute alone): Docker gives one GPU.
  return count === undefined ? 1 : count
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
 * The variable that hides every GPU from the processes of a container, whatever runs it:
 * CUDA_VISIBLE_DEVICES whose first entry is no device index or UUID (empty, -1, none): the CUDA
 * runtime then sees no device (TensorFlow logs `CUDA_ERROR_NO_DEVICE: no CUDA-capable device is
 * detected`). NVIDIA_VISIBLE_DEVICES=void or none in an image does not count: `docker run --gpus`
 * and the Kubernetes device plugin set their own value in its place (moby's nvidia device
 * driver), so users who start the image that way get their GPUs all the same.
 */
export function hidingVariable(
  env: Readonly<Record<string, string | undefined>>,
): { name: string; value: string } | null {
  const cuda = env.CUDA_VISIBLE_DEVICES
  if (cuda === undefined) return null
  const first = cuda.split(',')[0]!.trim()
  if (/^[0-9]+$/.test(first) || /^(GPU|MIG)-[0-9A-Za-z-]+/i.test(first)) return null
  return { name: 'CUDA_VISIBLE_DEVICES', value: cuda }
}
