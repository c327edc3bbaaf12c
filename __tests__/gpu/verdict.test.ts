import { describe, expect, it } from 'vitest'
import { loadResultsFixture } from '../support/fixtures.js'
import {
  gpuMismatch,
  platformPassed,
  readinessMismatch,
  readinessProblem,
} from '../../src/results/verdict.js'
import { validateResults } from '../../src/results/validate.js'
import type { GpuCheck, GpuLibrary, TensorflowBuild } from '../../src/results/gpu.js'
import type { PlatformResult } from '../../src/results/types.js'
import { statusDescription, statusState } from '../../src/report/identity.js'
import { renderReport } from '../../src/report/markdown.js'

// The GPU pass rule: a GPU check passes only when proven, never a CPU fallback or a missing fact;
// the same in report mode, whatever a results file claims.

const ON_GPU = '/job:localhost/replica:0/task:0/device:GPU:0'
const T4 = { name: '/physical_device:GPU:0', model: 'Tesla T4', computeCapability: '7.5' }
const proven: GpuCheck = { requested: 'all', devices: [T4], trainedOn: ON_GPU }
const passed = { status: 'passed' as const, durationMs: 0, log: '' }

/** The tf-app fixture's passing amd64 platform, checked with gpus. */
function withGpu(gpu: GpuCheck | null, stage = passed): PlatformResult {
  const p = structuredClone(loadResultsFixture('tf-app').platforms.find((x) => x.passed)!)
  p.stages.gpu = stage
  p.gpu = gpu
  return p
}

describe('the GPU pass rule', () => {
  it('passes only the proven run', () => {
    expect(gpuMismatch(withGpu(proven))).toBeNull()
    expect(platformPassed(withGpu(proven), true)).toBe(true)
  })

  it.each<[string, GpuCheck | null, RegExp]>([
    [
      'the step on the CPU',
      { ...proven, trainedOn: ON_GPU.replace('GPU', 'CPU') },
      /ran on .*CPU:0, not on a GPU/,
    ],
    ['no GPU listed', { ...proven, devices: [] }, /listed no GPU/],
    [
      'fewer GPUs than asked',
      { ...proven, requested: 'device=0,1' },
      /listed 1 GPU, and 2 were asked for/,
    ],
    [
      'a CDI list of two',
      { ...proven, requested: 'nvidia.com/gpu=0,nvidia.com/gpu=1' },
      /2 were asked/,
    ],
    ['the devices never listed', { ...proven, devices: null }, /never listed/],
    ['the device never said', { ...proven, trainedOn: null }, /never said which device/],
    ['a request that asks for none', { ...proven, requested: 'off' }, /asks for no GPU/],
    ['a request that is none', { ...proven, requested: 'bogus' }, /not a GPU request/],
    ['no GPU facts at all', null, /never said which GPUs/],
  ])('fails %s, even with the stage marked passed', (_, gpu, why) => {
    const p = withGpu(gpu)
    expect(gpuMismatch(p)).toMatch(why)
    expect(platformPassed(p, true)).toBe(false)
  })

  it('fails GPU facts without a GPU stage, and a GPU stage skipped under QEMU', () => {
    const p = withGpu(proven)
    delete p.stages.gpu
    expect(platformPassed(p, true)).toBe(false)
    const skipped = withGpu(null, { ...passed, status: 'skipped', cause: 'emulated' } as never)
    expect(platformPassed(skipped, true)).toBe(false)
    skipped.passed = false
    skipped.emulated = true
    expect(statusState(skipped)).toBe('error')
  })

  it('is applied again in report mode: a file claiming a CPU fallback passed does not pass', () => {
    const results = structuredClone(loadResultsFixture('tf-app'))
    const p = results.platforms.find((x) => x.passed)!
    p.stages.gpu = passed
    p.gpu = { ...proven, trainedOn: ON_GPU.replace('GPU', 'CPU') }
    const read = validateResults(JSON.parse(JSON.stringify(results)), 'results.json')
    const back = read.platforms.find((x) => x.platform === p.platform)!
    expect(back.passed).toBe(false)
    // Its GPU stage is failed too, so no report shows it green.
    expect(back.stages.gpu).toMatchObject({ status: 'failed', cause: 'no-gpu' })
    p.gpu = proven
    const ok = validateResults(JSON.parse(JSON.stringify(results)), 'results.json')
    expect(ok.platforms.find((x) => x.platform === p.platform)!.passed).toBe(true)
  })

  it('names the GPUs in a passing status and in the table', () => {
    const p = withGpu(proven)
    expect(statusDescription(p)).toMatch(/gpu ok, on 1× Tesla T4/)
    const body = renderReport({ ...loadResultsFixture('tf-app'), platforms: [p] })
    expect(body).toMatch(/\| GPU \|/)
    expect(body).toContain('✅ 1× Tesla T4')
  })
})

const CUDA: TensorflowBuild = {
  cuda: true,
  cudaVersion: '12.5.1',
  cudnnVersion: '9',
  computeCapabilities: null,
}
const NAMES = ['cudart', 'cublas', 'cublasLt', 'cufft', 'cusolver', 'cusparse', 'cudnn']
const loaded: GpuLibrary[] = NAMES.map((name) => ({
  name,
  soname: `lib${name}.so.12`,
  path: `/x/lib${name}.so.12`,
  version: null,
  error: null,
}))

describe('GPU readiness', () => {
  it('is ready only with a CUDA build, every library loaded and nothing hiding the GPUs', () => {
    expect(readinessProblem(CUDA, loaded, null)).toBeNull()
    expect(readinessProblem(null, loaded, null)).toMatch(/never reported/)
    expect(readinessProblem({ ...CUDA, cuda: false }, loaded, null)).toMatch(/not a CUDA build/)
    expect(readinessProblem(CUDA, loaded.slice(0, -1), null)).toBe('libcudnn cannot be loaded')
    const missing = loaded.map((l) => (l.name === 'cufft' ? { ...l, path: null } : l))
    expect(readinessProblem(CUDA, missing, null)).toBe('libcufft.so.12 cannot be loaded')
    expect(readinessProblem(CUDA, [], null)).toMatch(/^libcudart, .* cannot be loaded$/)
    const hidden = { name: 'CUDA_VISIBLE_DEVICES', value: '-1' }
    expect(readinessProblem(CUDA, loaded, hidden)).toBe('CUDA_VISIBLE_DEVICES="-1" hides the GPUs')
  })

  it('fails a platform only when required, decided again from its facts', () => {
    const p = withGpu(proven)
    const facts = { libraries: loaded.slice(1), hiddenBy: null, intent: null, reason: null }
    p.gpuReady = { required: false, ready: true, ...facts }
    p.environment.tensorflowBuild = CUDA
    expect(readinessMismatch(p)).toBeNull()
    // required, and a file's own `ready: true` is not taken.
    p.gpuReady = { required: true, ready: true, ...facts }
    expect(readinessMismatch(p)).toBe('libcudart cannot be loaded')
    expect(platformPassed(p, true)).toBe(false)
  })
})
