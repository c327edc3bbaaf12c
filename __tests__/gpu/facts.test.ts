import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { emptyRecorded, record } from '../../src/engine/stages/smoke-events.js'
import { gpuFacts, gpuStage, readinessOf } from '../../src/engine/stages/gpu.js'
import { parseGpus } from '../../src/gpus.js'

// The GPU stage and the readiness from the smoke script's real output (__fixtures__/gpu: run on
// the sandbox's real images; t4-amd64.log assembled from them and TensorFlow's line for a GPU:
// __fixtures__/gpu/SOURCES.md says where each line comes from).

function facts(name: string) {
  const recorded = emptyRecorded()
  const lines = readFileSync(new URL(`../../__fixtures__/gpu/${name}`, import.meta.url), 'utf8')
  for (const [i, line] of lines.trimEnd().split('\n').entries()) record(recorded, line, i)
  return gpuFacts(recorded)
}

const all = parseGpus('all')!
const here = { platform: 'linux/amd64', emulated: false, reached: true }

describe('GPU readiness, from what the image holds', () => {
  it('is yes for tensorflow[and-cuda] on amd64, with the versions it carries', () => {
    const f = facts('and-cuda-amd64.log')
    expect(f.build).toMatchObject({ cuda: true, cudaVersion: '12.5.1', cudnnVersion: '9' })
    const r = readinessOf(f, 'auto', null)!
    expect(r).toMatchObject({ ready: true, reason: null, hiddenBy: null })
    expect(r.intent).toMatch(/nvidia-\* packages cublas/)
    expect(r.libraries.map((l) => [l.soname, l.version])).toEqual([
      ['libcudart.so.12', '12.9'],
      ['libcublas.so.12', '12.9.3'],
      ['libcublasLt.so.12', null],
      ['libcufft.so.11', null],
      ['libcusolver.so.11', null],
      ['libcusparse.so.12', null],
      ['libcudnn.so.9', '9.28.0'],
    ])
  })

  it('is no for plain tensorflow on amd64: the CUDA build without its libraries', () => {
    const f = facts('tensorflow-amd64.log')
    expect(f.build?.cuda).toBe(true)
    // auto: a plain image shows no GPU intent, so nothing is said.
    expect(readinessOf(f, 'auto', null)).toBeNull()
    const r = readinessOf(f, 'report', null)!
    expect(r.ready).toBe(false)
    expect(r.reason).toMatch(
      /^libcudart\.so\.12, libcublas\.so\.12, .*libcudnn\.so\.9 cannot be loaded$/,
    )
    expect(r.libraries[0]!.error).toMatch(/cannot open shared object file/)
  })

  it('is no for tensorflow-cpu and for TensorFlow on arm64: not CUDA builds', () => {
    for (const name of ['tensorflow-cpu-amd64.log', 'tensorflow-arm64.log']) {
      const r = readinessOf(facts(name), 'report', null)!
      expect(r.ready, name).toBe(false)
      expect(r.reason, name).toMatch(/not a CUDA build/)
      expect(r.libraries, name).toEqual([])
    }
  })

  it('follows the mode: off says nothing; static intent turns auto on; required is kept', () => {
    const f = facts('tensorflow-arm64.log')
    expect(readinessOf(f, 'off', 'gpus is all')).toBeNull()
    expect(readinessOf(f, 'auto', 'the final stage is FROM nvidia/cuda')?.ready).toBe(false)
    expect(readinessOf(f, 'required', null)?.required).toBe(true)
  })

  it('is no when the container said nothing (fail closed)', () => {
    const r = readinessOf(gpuFacts(emptyRecorded()), 'report', null)!
    expect(r).toMatchObject({ ready: false, reason: expect.stringMatching(/not established/) })
  })
})

describe('the GPU stage', () => {
  it('fails the CPU fallback: no GPU listed, the step on CPU:0', () => {
    const { stage, check } = gpuStage(facts('and-cuda-amd64.log'), all, here)
    expect(check.devices).toEqual([])
    expect(check.trainedOn).toBe('/job:localhost/replica:0/task:0/device:CPU:0')
    expect(stage).toMatchObject({
      status: 'failed',
      cause: 'no-gpu',
      reason: 'TensorFlow listed no GPU',
    })
  })

  it('passes what a GPU machine prints: the GPU listed and the step on GPU:0', () => {
    const { stage, check } = gpuStage(facts('t4-amd64.log'), all, here)
    expect(stage.status).toBe('passed')
    expect(check.devices).toEqual([
      { name: '/physical_device:GPU:0', model: 'Tesla T4', computeCapability: '7.5' },
    ])
    // Two asked for, one listed: not proven.
    const two = gpuStage(facts('t4-amd64.log'), parseGpus('2')!, here)
    expect(two.stage).toMatchObject({
      status: 'failed',
      reason: 'TensorFlow listed 1 GPU, and 2 were asked for',
    })
  })

  it('is skipped, undecided, under QEMU, and not reached when the import failed', () => {
    const emulated = gpuStage(facts('t4-amd64.log'), all, { ...here, emulated: true })
    expect(emulated.stage).toMatchObject({ status: 'skipped', cause: 'emulated' })
    expect(emulated.check.devices).toBeNull()
    const failed = gpuStage(facts('t4-amd64.log'), all, { ...here, reached: false })
    expect(failed.stage).toMatchObject({ status: 'skipped', cause: 'not-reached' })
  })
})
