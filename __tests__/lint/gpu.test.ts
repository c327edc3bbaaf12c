import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { diagnosis, type Finding } from '../../src/diagnosis.js'
import { explain } from '../../src/diagnose/explain.js'
import { fixesFor } from '../../src/fix/index.js'
import { type GpuReadyMode, parseGpus } from '../../src/gpus.js'
import { isCudaBuild } from '../../src/knowledge/cuda.js'
import { gpuIntent } from '../../src/lint/gpu.js'
import { lintProject, type ReadFile } from '../../src/lint/index.js'
import { parseDockerfile } from '../../src/lint/model.js'
import { parsePlatformList } from '../../src/platforms.js'
import { fixturePath } from '../support/fixtures.js'

// The GPU rules of the static phase: tensorflow[and-cuda] where TensorFlow's wheels are CPU
// builds, tensorflow-cpu where GPUs are asked for, an ENV that hides the GPUs, and the GPU intent
// that gpu-ready: auto keys on.

const ROOT = '/project'
const BOTH = parsePlatformList('linux/amd64,linux/arm64')
const AMD64 = parsePlatformList('linux/amd64')

interface Options {
  platforms?: typeof BOTH
  gpus?: string
  gpuReady?: GpuReadyMode
}

function project(files: Record<string, string>, o: Options = {}) {
  const read: ReadFile = (p) =>
    p.startsWith(ROOT + '/') ? (files[p.slice(ROOT.length + 1)] ?? null) : null
  const opts = {
    contextPath: ROOT,
    dockerfilePath: join(ROOT, 'Dockerfile'),
    dockerfile: 'Dockerfile',
    base: ROOT,
    buildArgs: [] as [string, string][],
    platforms: o.platforms ?? BOTH,
    gpus: o.gpus ? parseGpus(o.gpus) : null,
    gpuReady: o.gpuReady ?? 'auto',
  }
  const result = lintProject(opts, 'amd64', read)
  return { ...result, fixes: () => fixesFor(opts, result, 'amd64', read) }
}

const GPU_IDS = new Set(['and-cuda-without-cuda', 'tensorflow-cpu-with-gpus', 'gpu-devices-hidden'])

/** The GPU findings: [platform, id, file, line]. */
function gpu(dockerfile: string[], files: Record<string, string> = {}, o: Options = {}) {
  return project({ Dockerfile: dockerfile.join('\n') + '\n', ...files }, o)
    .findings.filter((f) => GPU_IDS.has(f.diagnosis.id))
    .map((f) => [f.platform, f.diagnosis.id, f.diagnosis.file, f.diagnosis.line])
}

function model(dockerfile: string[], files: Record<string, string> = {}) {
  return parseDockerfile({
    dockerfile: dockerfile.join('\n') + '\n',
    file: 'Dockerfile',
    readContext: (p) => files[p] ?? null,
    showContext: (p) => p,
  })
}

const SLIM = 'FROM python:3.11-slim'

describe('knowledge: which TensorFlow wheels are CUDA builds', () => {
  it('is the x86_64 wheels only', () => {
    expect(isCudaBuild('tensorflow', 'x86_64')).toBe(true)
    expect(isCudaBuild('tensorflow', 'aarch64')).toBe(false)
    expect(isCudaBuild('tensorflow-cpu', 'x86_64')).toBe(false)
  })
})

describe('and-cuda-without-cuda', () => {
  const AND_CUDA = [SLIM, 'RUN pip install "tensorflow[and-cuda]==2.21.0"']
  it('says nothing when only linux/amd64 is checked', () => {
    expect(gpu(AND_CUDA, {}, { platforms: AMD64 })).toEqual([])
  })
  it('finds it for linux/arm64 at the RUN line, without skipping the build', () => {
    expect(gpu(AND_CUDA)).toEqual([['linux/arm64', 'and-cuda-without-cuda', 'Dockerfile', 2]])
    const f = project({ Dockerfile: AND_CUDA.join('\n') }).findings.find(
      (x) => x.diagnosis.id === 'and-cuda-without-cuda',
    )!
    expect(f.skipBuild).toBeUndefined()
    expect(f.diagnosis.detail).toContain('aarch64 wheels are CPU-only builds')
    expect(f.diagnosis.detail).toContain('about 3 GB')
    expect(f.diagnosis.fix).toContain(
      '`tensorflow[and-cuda]==2.21.0; platform_machine == "x86_64"` and `tensorflow==2.21.0; platform_machine == "aarch64"`',
    )
  })
  it('reads a requirements file, whatever the extra is spelled', () => {
    const files = { 'requirements.txt': 'numpy<2\nTensorFlow[And_CUDA]>=2.16\n' }
    expect(
      gpu([SLIM, 'COPY requirements.txt .', 'RUN pip install -r requirements.txt'], files),
    ).toEqual([['linux/arm64', 'and-cuda-without-cuda', 'requirements.txt', 2]])
  })
  it('reads a pyproject.toml that pip install . installs', () => {
    const files = {
      'pyproject.toml':
        '[project]\nname = "app"\nversion = "1"\ndependencies = [\n  "tensorflow[and-cuda]",\n]\n',
    }
    expect(gpu([SLIM, 'COPY . /app', 'WORKDIR /app', 'RUN pip install .'], files)).toEqual([
      ['linux/arm64', 'and-cuda-without-cuda', 'pyproject.toml', 5],
    ])
  })
  it("reads Poetry's extras", () => {
    const files = {
      'pyproject.toml': [
        '[tool.poetry.dependencies]',
        'python = "^3.11"',
        'tensorflow = { version = "^2.16", extras = ["and-cuda"] }',
      ].join('\n'),
    }
    expect(gpu([SLIM, 'COPY . /app', 'WORKDIR /app', 'RUN pip install .'], files)).toEqual([
      ['linux/arm64', 'and-cuda-without-cuda', 'pyproject.toml', 3],
    ])
  })
  it('is gone with the fix it suggests: a marker per architecture', () => {
    const files = {
      'requirements.txt': [
        'tensorflow[and-cuda]==2.21.0; platform_machine == "x86_64"',
        'tensorflow==2.21.0; platform_machine == "aarch64"',
      ].join('\n'),
    }
    expect(
      gpu([SLIM, 'COPY requirements.txt .', 'RUN pip install -r requirements.txt'], files),
    ).toEqual([])
  })
  it('finds tensorflow-cpu[and-cuda] where tensorflow-cpu installs at all', () => {
    // linux/arm64 has no tensorflow-cpu wheel: no-wheel-for-platform says so.
    expect(gpu([SLIM, 'RUN pip install "tensorflow-cpu[and-cuda]==2.21.0"'])).toEqual([
      ['linux/amd64', 'and-cuda-without-cuda', 'Dockerfile', 2],
    ])
  })
  it('leaves plain tensorflow and other extras alone', () => {
    expect(gpu([SLIM, 'RUN pip install tensorflow==2.21.0 "tensorflow[dev]"'])).toEqual([])
  })
  it('offers no one-click fix', () => {
    expect(project({ Dockerfile: AND_CUDA.join('\n') }).fixes()).toEqual([])
  })
})

describe('an advisory finding in explain', () => {
  const andCuda: Finding = {
    platform: 'linux/arm64',
    diagnosis: diagnosis('and-cuda-without-cuda', 'static', 'fix', { file: 'Dockerfile', line: 2 }),
  }
  const unknown = diagnosis('unknown', 'the log', 'read the log')
  it('does not stand in for an unrecognised failure, and comes after it', () => {
    expect(explain([unknown], [andCuda], 'linux/arm64').map((d) => d.id)).toEqual([
      'unknown',
      'and-cuda-without-cuda',
    ])
  })
  it('does not hold back a root cause before a generic log match', () => {
    const musl: Finding = {
      platform: null,
      diagnosis: diagnosis('musl-base-image', 'alpine', 'debian', { file: 'Dockerfile', line: 1 }),
    }
    const none = diagnosis('no-wheel-for-platform', 'from versions: none', 'fix')
    expect(explain([none], [musl, andCuda], 'linux/arm64').map((d) => d.id)).toEqual([
      'musl-base-image',
      'no-wheel-for-platform',
      'and-cuda-without-cuda',
    ])
  })
  it('is listed for a platform that passed', () => {
    expect(explain([], [andCuda], 'linux/arm64').map((d) => d.id)).toEqual([
      'and-cuda-without-cuda',
    ])
    expect(explain([], [andCuda], 'linux/amd64')).toEqual([])
  })
})

describe('tensorflow-cpu-with-gpus', () => {
  const CPU = [SLIM, 'RUN pip install tensorflow-cpu==2.21.0']
  it('says nothing when no GPU is asked for', () => {
    expect(gpu(CPU, {}, { platforms: AMD64 })).toEqual([])
    expect(gpu(CPU, {}, { platforms: AMD64, gpuReady: 'report' })).toEqual([])
  })
  it('finds it for every platform with gpus set, or gpu-ready required', () => {
    expect(gpu(CPU, {}, { platforms: AMD64, gpus: 'all' })).toEqual([
      [null, 'tensorflow-cpu-with-gpus', 'Dockerfile', 2],
    ])
    expect(gpu(CPU, {}, { platforms: AMD64, gpuReady: 'required' })).toEqual([
      [null, 'tensorflow-cpu-with-gpus', 'Dockerfile', 2],
    ])
    const f = project({ Dockerfile: CPU.join('\n') }, { gpus: '2' }).findings.find(
      (x) => x.diagnosis.id === 'tensorflow-cpu-with-gpus',
    )!
    expect(f.diagnosis.detail).toContain('with gpus: 2')
    expect(f.diagnosis.fix).toContain('tensorflow[and-cuda]==2.21.0')
  })
})

describe('gpu-devices-hidden', () => {
  const HIDDEN = [SLIM, 'RUN pip install tensorflow==2.21.0', 'ENV CUDA_VISIBLE_DEVICES=-1']
  it('says nothing with gpu-ready off and no GPUs asked for', () => {
    expect(gpu(HIDDEN, {}, { gpuReady: 'off' })).toEqual([])
  })
  it('says nothing in auto mode for an image that shows no GPU intent', () => {
    expect(gpu(HIDDEN)).toEqual([])
  })
  it('finds it at the ENV line when the check cares about GPUs', () => {
    const hit = [[null, 'gpu-devices-hidden', 'Dockerfile', 3]]
    expect(gpu(HIDDEN, {}, { gpuReady: 'report' })).toEqual(hit)
    expect(gpu(HIDDEN, {}, { gpuReady: 'required' })).toEqual(hit)
    expect(gpu(HIDDEN, {}, { gpuReady: 'off', gpus: 'all' })).toEqual(hit)
    const cuda = ['FROM nvidia/cuda:12.5.1-runtime-ubuntu22.04', ...HIDDEN.slice(1)]
    expect(gpu(cuda)).toEqual(hit)
    const f = project({ Dockerfile: cuda.join('\n') }).findings.find(
      (x) => x.diagnosis.id === 'gpu-devices-hidden',
    )!
    expect(f.diagnosis.detail).toContain('ENV CUDA_VISIBLE_DEVICES=-1 hides every GPU')
    expect(f.diagnosis.detail).toContain('FROM nvidia/cuda:12.5.1-runtime-ubuntu22.04')
  })
  it('knows each variable that hides them, and the values that do not', () => {
    const report = { gpuReady: 'report' as const }
    // NVIDIA_VISIBLE_DEVICES in an image does not hide GPUs from `docker run --gpus` (Docker's
    // device request takes its place), so it is no finding: that would fail what works.
    expect(gpu([SLIM, 'ENV NVIDIA_VISIBLE_DEVICES=void'], {}, report)).toEqual([])
    expect(gpu([SLIM, 'ENV CUDA_VISIBLE_DEVICES=""'], {}, report)).toHaveLength(1)
    expect(
      gpu([SLIM, 'ENV CUDA_VISIBLE_DEVICES=-1 NVIDIA_VISIBLE_DEVICES=none'], {}, report),
    ).toEqual([[null, 'gpu-devices-hidden', 'Dockerfile', 2]])
    expect(
      gpu([SLIM, 'ENV CUDA_VISIBLE_DEVICES=-1', 'ENV CUDA_VISIBLE_DEVICES=""'], {}, report),
    ).toEqual([[null, 'gpu-devices-hidden', 'Dockerfile', 3]])
    expect(gpu([SLIM, 'ENV CUDA_VISIBLE_DEVICES=0,1'], {}, report)).toEqual([])
    expect(gpu([SLIM, 'ENV NVIDIA_VISIBLE_DEVICES=all'], {}, report)).toEqual([])
    expect(gpu([SLIM, 'ARG IDS=-1', 'ENV CUDA_VISIBLE_DEVICES=$IDS'], {}, report)).toEqual([])
    // The last setting of the final image counts, and a builder stage's is not the image's.
    expect(
      gpu([SLIM, 'ENV CUDA_VISIBLE_DEVICES=-1', 'ENV CUDA_VISIBLE_DEVICES=0'], {}, report),
    ).toEqual([])
    expect(gpu([`${SLIM} AS build`, 'ENV CUDA_VISIBLE_DEVICES=-1', SLIM], {}, report)).toEqual([])
    expect(
      gpu([`${SLIM} AS base`, 'ENV CUDA_VISIBLE_DEVICES=-1', 'FROM base'], {}, report),
    ).toEqual([[null, 'gpu-devices-hidden', 'Dockerfile', 2]])
  })
})

describe('gpuIntent', () => {
  it('reads a GPU base image of the final stage', () => {
    expect(gpuIntent(model(['FROM nvidia/cuda:12.5.1-runtime-ubuntu22.04']))).toBe(
      'the final stage is FROM nvidia/cuda:12.5.1-runtime-ubuntu22.04 (Dockerfile:1)',
    )
    expect(gpuIntent(model(['FROM registry.example.com/nvidia/tensorflow:24.01-tf2-py3']))).toBe(
      'the final stage is FROM registry.example.com/nvidia/tensorflow:24.01-tf2-py3 (Dockerfile:1)',
    )
    expect(gpuIntent(model(['FROM tensorflow/tensorflow:2.15.0-gpu-jupyter']))).toContain(
      'tensorflow/tensorflow:2.15.0-gpu-jupyter',
    )
    expect(gpuIntent(model(['FROM tensorflow/tensorflow:2.15.0']))).toBeNull()
    expect(
      gpuIntent(model(['FROM nvidia/cuda:12.5.1-base-ubuntu22.04 AS gpu', 'FROM gpu AS app'])),
    ).toBe('the final stage builds on FROM nvidia/cuda:12.5.1-base-ubuntu22.04 (Dockerfile:1)')
    // A builder stage's base is not the image's.
    expect(
      gpuIntent(model(['FROM nvidia/cuda:12.5.1-devel-ubuntu22.04 AS build', SLIM])),
    ).toBeNull()
  })
  it('reads the CUDA libraries among the requirements', () => {
    const files = { 'requirements.txt': 'nvidia-cudnn-cu12==9.3.0.75\n' }
    expect(
      gpuIntent(
        model([SLIM, 'COPY requirements.txt .', 'RUN pip install -r requirements.txt'], files),
      ),
    ).toBe('the image installs nvidia-cudnn-cu12==9.3.0.75 (requirements.txt:1)')
    expect(gpuIntent(model([SLIM, 'RUN pip install "tensorflow[and-cuda]"']))).toBe(
      'the image installs tensorflow[and-cuda] (Dockerfile:2)',
    )
  })
  it("reads the CUDA images' environment", () => {
    expect(gpuIntent(model([SLIM, 'ENV CUDA_HOME=/usr/local/cuda']))).toBe(
      'the image sets ENV CUDA_HOME=/usr/local/cuda (Dockerfile:2)',
    )
    expect(
      gpuIntent(model([SLIM, 'ENV LD_LIBRARY_PATH=/usr/local/cuda/lib64:/usr/lib'])),
    ).toContain('LD_LIBRARY_PATH')
    expect(gpuIntent(model([SLIM, 'ENV LD_LIBRARY_PATH=/opt/lib']))).toBeNull()
  })
  it('is null for a plain Python image', () => {
    expect(gpuIntent(model([SLIM, 'RUN pip install tensorflow==2.21.0']))).toBeNull()
  })
  it('comes back from lintProject', () => {
    expect(project({ Dockerfile: 'FROM nvidia/cuda:12.5.1-runtime-ubuntu22.04\n' }).gpuIntent).toBe(
      'the final stage is FROM nvidia/cuda:12.5.1-runtime-ubuntu22.04 (Dockerfile:1)',
    )
    expect(project({ Dockerfile: `${SLIM}\n` }).gpuIntent).toBeNull()
  })
})

describe('the gpu-lint fixture', () => {
  it('lints to and-cuda-without-cuda (linux/arm64) and gpu-devices-hidden', () => {
    const dockerfilePath = fixturePath('projects/gpu-lint/Dockerfile')
    const contextPath = dirname(dockerfilePath)
    const opts = {
      contextPath,
      dockerfilePath,
      dockerfile: 'Dockerfile',
      base: contextPath,
      buildArgs: [] as [string, string][],
      platforms: BOTH,
      gpus: null,
    }
    const lint = (gpuReady: GpuReadyMode) =>
      lintProject({ ...opts, gpuReady }, 'amd64').findings.map((f) => [
        f.platform,
        f.diagnosis.id,
        f.diagnosis.file,
        f.diagnosis.line,
      ])
    const both = [
      ['linux/arm64', 'and-cuda-without-cuda', 'requirements.txt', 3],
      [null, 'gpu-devices-hidden', 'Dockerfile', 7],
    ]
    expect(lint('report')).toEqual(both)
    // and-cuda is GPU intent: auto reports the hidden GPUs too.
    expect(lint('auto')).toEqual(both)
    expect(lint('off')).toEqual([both[0]])
  })
})
