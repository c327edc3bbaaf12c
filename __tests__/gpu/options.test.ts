import { describe, expect, it } from 'vitest'
import { hidingVariable, parseGpuReady, parseGpus } from '../../src/gpus.js'
import { readFileSync } from 'node:fs'
import { NEEDED_LIBRARIES } from '../../src/results/verdict.js'
import { containerCommand, gpuArgs } from '../../src/docker/args.js'
import { classify } from '../../src/diagnose/classify.js'
import { parsePlatform } from '../../src/platforms.js'
import type { Evidence } from '../../src/diagnose/evidence.js'

// The gpus and gpu-ready options, how Docker is told, and the diagnoses the GPU lines decide.

describe('gpus', () => {
  it.each([
    ['all', ['--gpus', 'all'], null],
    ['2', ['--gpus', '2'], 2],
    ['device=0,1', ['--gpus', '"device=0,1"'], 2],
    ['device=GPU-3a1b,capabilities=compute', ['--gpus', 'device=GPU-3a1b,capabilities=compute'], 1],
    ['count=all', ['--gpus', 'count=all'], null],
    ['"device=0,1"', ['--gpus', '"device=0,1"'], 2],
    ['"device=0,1",capabilities=compute', ['--gpus', '"device=0,1",capabilities=compute'], 2],
    ['"device=0,1","capabilities=compute"', ['--gpus', '"device=0,1",capabilities=compute'], 2],
    // Neither a count nor devices: Docker's CLI takes it, and gives one GPU.
    ['capabilities=compute', ['--gpus', 'capabilities=compute'], 1],
    ['all,capabilities=utility', ['--gpus', 'all,capabilities=utility'], null],
    ['2,capabilities=compute', ['--gpus', '2,capabilities=compute'], 2],
    ['nvidia.com/gpu=all', ['--device', 'nvidia.com/gpu=all'], null],
    [
      'nvidia.com/gpu=0,nvidia.com/gpu=1',
      ['--device', 'nvidia.com/gpu=0', '--device', 'nvidia.com/gpu=1'],
      2,
    ],
  ])('%s: %j, %s GPUs', (raw, args, count) => {
    const r = parseGpus(raw)!
    expect(gpuArgs(r)).toEqual(args)
    expect(r.count).toBe(count)
  })

  it('is off by default, and refuses what Docker would refuse, naming the input', () => {
    expect(parseGpus('')).toBeNull()
    expect(parseGpus('off')).toBeNull()
    for (const bad of [
      'bogus',
      '0',
      'device=',
      'count=0',
      'nvidia.com/gpu',
      'device=0;rm',
      'count=2,device=0',
      'count=1,count=2',
      'ALL', // Docker: invalid count (ALL): value must be either "all" or an integer
    ])
      expect(() => parseGpus(bad), bad).toThrow(/gpus.*use off, all, a count/)
    expect(parseGpuReady('Required')).toBe('required')
    expect(() => parseGpuReady('yes')).toThrow(/gpu-ready.*auto, report, required, off/)
  })

  it('goes to the import-and-train container, with the script told to check them', () => {
    const spec = { tag: 't', platform: 'linux/amd64', name: 'n', runId: 'r', train: true }
    const argv = containerCommand({
      kind: 'smoke',
      spec: { ...spec, gpus: parseGpus('all')!, ready: true },
      through: { keep: false, form: 'args' },
    })
    expect(argv.join(' ')).toMatch(/--gpus all .*sh ready gpu train$/)
    const start = containerCommand({ kind: 'start', spec })
    expect(start).not.toContain('--gpus')
  })
})

function evidence(lines: string[], extra: Partial<Evidence> = {}): Evidence {
  return {
    platform: parsePlatform('linux/amd64'),
    emulated: false,
    stage: 'import',
    status: 'failed',
    lines,
    exitCode: 125,
    signal: null,
    oomKilled: false,
    probe: null,
    image: null,
    timeoutMinutes: 60,
    locate: {
      requirement: () => null,
      from: null,
      command: () => null,
      env: () => null,
      entrypoint: null,
    },
    ...extra,
  }
}

describe('the GPU diagnoses', () => {
  it.each([
    // Docker 28.5 here, with no NVIDIA runtime.
    [
      'docker: Error response from daemon: could not select device driver "" with capabilities: [[gpu]]',
      'gpu-runtime-missing',
    ],
    [
      'docker: Error response from daemon: CDI device injection failed: unresolvable CDI devices nvidia.com/gpu=all',
      'gpu-runtime-missing',
    ],
    // The NVIDIA Container Toolkit's check before start (quoted from an issue tracker).
    [
      'nvidia-container-cli: requirement error: unsatisfied condition: cuda>=12.8, please update your driver to a newer version, or use an earlier cuda container',
      'cuda-driver-too-old',
    ],
  ])('%s -> %s', (line, id) => {
    const asked = { check: null, readiness: null, build: null, problem: null }
    expect(classify(evidence(['docker run ...', line], { gpu: asked }))[0]!.id).toBe(id)
    // Only where GPUs were asked of the check: a CPU image's failure is no GPU matter.
    expect(classify(evidence(['docker run ...', line]))[0]!.id).toBe('unknown')
  })

  it('names a CPU build on arm64, and the libraries missing, from the facts', () => {
    const build = { cuda: false, cudaVersion: null, cudnnVersion: null, computeCapabilities: null }
    const arm = evidence([], {
      platform: parsePlatform('linux/arm64'),
      stage: 'gpu',
      gpu: { check: null, readiness: null, build, problem: 'TensorFlow listed no GPU' },
    })
    const ids = classify(arm).map((d) => d.id)
    expect(ids[0]).toBe('tensorflow-not-cuda-build')
    expect(classify(arm)[0]!.detail).toMatch(/aarch64 wheels .* are CPU builds/)
    const lib = {
      name: 'cudnn',
      soname: 'libcudnn.so.9',
      path: null,
      version: null,
      error: 'libcudnn.so.9: cannot open shared object file: No such file or directory',
    }
    const readiness = {
      required: true,
      ready: false,
      reason: 'x',
      libraries: [lib],
      hiddenBy: null,
      intent: null,
    }
    const missing = evidence([], {
      gpu: {
        check: null,
        readiness,
        build: { ...build, cuda: true, cudaVersion: '12.5.1' },
        problem: 'x',
      },
    })
    expect(classify(missing)[0]).toMatchObject({ id: 'cuda-libraries-missing' })
    expect(classify(missing)[0]!.detail).toMatch(/libcudnn\.so\.9 \(libcudnn\.so\.9: cannot open/)
  })
})

describe('what hides the GPUs, and what a CUDA build needs', () => {
  it('CUDA_VISIBLE_DEVICES whose first entry is no index or UUID', () => {
    for (const v of ['', '-1', 'none', 'NoDevFiles', ' -1,0'])
      expect(hidingVariable({ CUDA_VISIBLE_DEVICES: v }), v).not.toBeNull()
    for (const v of ['0', '0,1', 'GPU-8932f937-d72c-4106-c12f-20bd9faed9f6', 'MIG-1a2b'])
      expect(hidingVariable({ CUDA_VISIBLE_DEVICES: v }), v).toBeNull()
    expect(hidingVariable({ NVIDIA_VISIBLE_DEVICES: 'void' })).toBeNull()
  })

  it('the verdict needs the libraries smoke.py loads, the same list', () => {
    const script = readFileSync(new URL('../../src/smoke/smoke.py', import.meta.url), 'utf8')
    const block = script.slice(
      script.indexOf('CUDA_LIBRARIES = ('),
      script.indexOf('def cuda_config'),
    )
    const names = [...block.matchAll(/\("(\w+)", "[A-Z]+"\)/g)].map((m) => m[1])
    expect(names).toEqual(NEEDED_LIBRARIES)
  })
})
