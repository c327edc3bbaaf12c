import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderReport } from '../../src/report/markdown.js'
import { statusDescription, statusState } from '../../src/report/identity.js'
import { describeOnce, run } from './helpers.js'
import { CLI, fixture, platform, ROOT, runCli } from './runner.js'

// GPUs on the sandbox's real engine: readiness on real images with real CUDA wheels, and the
// runtime a GPU needs missing, as it is here (no GPU, no NVIDIA Container Toolkit). A GPU's own
// output cannot be made here; its logic is tested on recorded output (__tests__/gpu/).

const EXAMPLE = join(ROOT, 'examples/tf-app')

describeOnce('GPU readiness, without a GPU', () => {
  it('tensorflow[and-cuda] on linux/amd64 is GPU-ready with the CUDA and cuDNN it carries (auto)', async () => {
    const res = await runCli([fixture('gpu-and-cuda'), '--platforms', 'linux/amd64', '--no-train'])
    expect(res.code, res.stderr.slice(-3000)).toBe(0)
    const amd64 = platform(res.results, 'linux/amd64')
    expect(amd64.environment.tensorflowBuild).toMatchObject({ cuda: true, cudaVersion: '12.5.1' })
    expect(amd64.gpuReady).toMatchObject({ ready: true, required: false, hiddenBy: null })
    expect(amd64.gpuReady!.intent).toMatch(/tensorflow\[and-cuda\]/)
    const versions = Object.fromEntries(amd64.gpuReady!.libraries.map((l) => [l.name, l.version]))
    expect(versions.cudart).toMatch(/^12\.\d+$/)
    expect(versions.cudnn).toMatch(/^9\.\d+\.\d+$/)
    expect(res.stdout).toMatch(/GPU-READY/)
    expect(res.stdout).toContain(`yes (CUDA ${versions.cudart}, cuDNN ${versions.cudnn})`)
    // Every library found where TensorFlow itself looks: its RUNPATH into the nvidia-* wheels.
    for (const l of amd64.gpuReady!.libraries) expect(l.path, l.name).toMatch(/\/nvidia\//)
    // linux/arm64, from the static phase (building it costs minutes under QEMU): the aarch64
    // wheel is a CPU build, and the extra installs its CUDA wheels all the same; advisory.
    const lint = await run(process.execPath, [
      CLI,
      fixture('gpu-and-cuda'),
      '--platforms',
      'linux/amd64,linux/arm64',
      '--lint-only',
    ])
    expect(lint.code, lint.stderr).toBe(0)
    expect(lint.stdout).toMatch(
      /linux\/arm64: and-cuda-without-cuda: .*\n.*aarch64 wheels are CPU-only builds/,
    )
    expect(lint.stdout).not.toMatch(/: linux\/amd64: /)
  })

  it('tensorflow-cpu reports not ready with gpu-ready: report; passing all the same', async () => {
    const res = await runCli([
      fixture('tensorflow-cpu'),
      '--platforms',
      'linux/amd64',
      '--no-train',
      '--gpu-ready',
      'report',
    ])
    expect(res.code, res.stderr.slice(-3000)).toBe(0)
    const amd64 = platform(res.results, 'linux/amd64')
    expect(amd64.passed).toBe(true)
    expect(amd64.gpuReady).toMatchObject({
      ready: false,
      reason: expect.stringMatching(/not a CUDA build/),
    })
    expect(res.stdout).toMatch(/no: TensorFlow here is not a CUDA build/)
  })

  it('gpu-ready: required fails plain tensorflow on linux/amd64, naming the libraries it lacks', async () => {
    const res = await runCli([
      EXAMPLE,
      '--platforms',
      'linux/amd64',
      '--no-train',
      '--gpu-ready',
      'required',
    ])
    expect(res.code, res.stderr.slice(-3000)).toBe(1)
    const amd64 = platform(res.results, 'linux/amd64')
    expect(amd64.passed).toBe(false)
    expect(amd64.gpuReady!.reason).toMatch(/libcudart\.so\.12.*libcudnn\.so\.9 cannot be loaded/)
    expect(amd64.diagnoses[0]).toMatchObject({ id: 'cuda-libraries-missing' })
  })
})

describeOnce('gpus where no GPU can be given', () => {
  it('fails linux/amd64 with gpu-runtime-missing; linux/arm64 is undecided under QEMU; nothing passes', async () => {
    const res = await runCli([EXAMPLE, '--platforms', 'linux/amd64,linux/arm64', '--gpus', 'all'])
    expect(res.code, res.stderr.slice(-3000)).toBe(1)
    const r = res.results!
    expect(r.passed).toBe(false)
    expect(r.platforms.every((p) => !p.passed)).toBe(true)
    const amd64 = platform(r, 'linux/amd64')
    expect(amd64.diagnoses[0]).toMatchObject({ id: 'gpu-runtime-missing' })
    expect(amd64.diagnoses[0]!.detail).toContain(
      'could not select device driver "" with capabilities: [[gpu]]',
    )
    expect(amd64.stages.gpu).toMatchObject({ status: 'skipped', cause: 'not-reached' })
    const arm64 = platform(r, 'linux/arm64')
    expect(arm64.stages.import.status).toBe('passed')
    expect(arm64.stages.gpu).toMatchObject({ status: 'skipped', cause: 'emulated' })
    // Readiness still runs there: TensorFlow's aarch64 wheel is a CPU build.
    expect(arm64.gpuReady).toMatchObject({
      ready: false,
      reason: expect.stringMatching(/not a CUDA build/),
    })
    expect(arm64.diagnoses.map((d) => d.id)).toContain('tensorflow-not-cuda-build')
    // Nothing says passed: not the verdict, not the comment, not a commit status.
    expect(res.stdout).not.toMatch(/passed on every|builds, imports and trains on/)
    const md = renderReport(r)
    expect(md).toMatch(/^### ❌ /m)
    expect(md).not.toMatch(/builds, imports and trains on|passed on every/)
    for (const p of r.platforms) {
      expect(statusState(p)).not.toBe('success')
      expect(statusDescription(p)).not.toMatch(/\bok\b/)
    }
  })

  it('refuses a gpus value Docker would not take: exit 2, the input named', async () => {
    const res = await runCli([EXAMPLE, '--gpus', 'two'])
    expect(res.code).toBe(2)
    expect(res.stderr).toMatch(/gpus.*'two'.*use off, all, a count/)
  })
})

/** A GPU and the NVIDIA runtime, as a GPU runner has them; never on the sandbox. */
function hasGpu(): boolean {
  try {
    execFileSync('nvidia-smi', ['-L'], { stdio: 'ignore' })
    return /nvidia/.test(
      execFileSync('docker', ['info', '--format', '{{json .Runtimes}}'], { encoding: 'utf8' }),
    )
  } catch {
    return false
  }
}

describe('on a real GPU', () => {
  // Skipped here: this machine has no GPU (no nvidia-smi) and no NVIDIA runtime.
  it.skipIf(!hasGpu())('tensorflow[and-cuda] lists the GPU and trains on it', async () => {
    const res = await runCli([
      fixture('gpu-and-cuda'),
      '--platforms',
      'linux/amd64',
      '--gpus',
      'all',
    ])
    expect(res.code, res.stderr.slice(-3000)).toBe(0)
    const amd64 = platform(res.results, 'linux/amd64')
    expect(amd64.stages.gpu!.status).toBe('passed')
    expect(amd64.gpu!.trainedOn).toMatch(/device:GPU:0$/)
  })
})
