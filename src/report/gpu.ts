import type { GpuReadiness } from '../results/gpu.js'
import type { PlatformResult } from '../results/types.js'
import { codeSpan, inline } from './safe.js'

// What the reports say of GPUs: the GPU stage's cell (which GPUs, or why none), the GPU-ready
// cell, and a line per platform with TensorFlow's build and the libraries found.

/** The GPUs TensorFlow listed, as "1× Tesla T4" (models counted), or null when it listed none. */
export function gpuNames(p: Pick<PlatformResult, 'gpu'>): string | null {
  const devices = p.gpu?.devices ?? []
  if (devices.length === 0) return null
  const counts = new Map<string, number>()
  for (const d of devices) counts.set(d.model ?? 'GPU', (counts.get(d.model ?? 'GPU') ?? 0) + 1)
  return [...counts].map(([model, n]) => `${n}× ${model}`).join(', ')
}

/** The GPU stage's cell: its GPUs when it passed. */
export function gpuCell(p: PlatformResult): string | null {
  const st = p.stages.gpu
  if (!st || st.status !== 'passed') return null
  return `✅ ${inline(gpuNames(p) ?? 'GPU', 80)}`
}

/** The readiness as one phrase: "yes (CUDA 12.5.1, cuDNN 9.28.0)" or "no: <why>". */
export function readinessText(p: Pick<PlatformResult, 'gpuReady' | 'environment'>): string | null {
  const g = p.gpuReady
  if (!g) return null
  if (!g.ready) return `no: ${g.reason ?? 'not established'}`
  const build = p.environment.tensorflowBuild
  const cudart = g.libraries.find((l) => l.name === 'cudart')?.version
  const cudnn = g.libraries.find((l) => l.name === 'cudnn')?.version
  return `yes (CUDA ${cudart ?? build?.cudaVersion ?? '?'}, cuDNN ${cudnn ?? build?.cudnnVersion ?? '?'})`
}

export function readyCell(p: PlatformResult): string {
  const text = readinessText(p)
  if (text === null) return '–'
  return `${p.gpuReady!.ready ? '✅' : p.gpuReady!.required ? '❌' : '⚠️'} ${inline(text, 160)}`
}

/** Per platform with GPU facts: TensorFlow's build and what was found, for the comment's details. */
export function gpuLines(platforms: PlatformResult[]): string[] {
  return platforms.flatMap((p) => {
    // Only where GPUs were asked of the check or readiness was reported: with gpu-ready auto a
    // plain CPU image's report says nothing of GPUs, though its build is in the results.
    if (!p.gpuReady && !p.gpu) return []
    const build = p.environment.tensorflowBuild
    const parts: string[] = []
    if (build)
      parts.push(
        build.cuda
          ? `TensorFlow is a CUDA ${build.cudaVersion ?? '?'} / cuDNN ${build.cudnnVersion ?? '?'} build${build.computeCapabilities ? ` (${build.computeCapabilities.join(', ')})` : ''}`
          : 'TensorFlow is no CUDA build',
      )
    const found = librariesText(p.gpuReady)
    if (found) parts.push(found)
    if (p.gpuReady?.intent) parts.push(`GPU intent: ${p.gpuReady.intent}`)
    const names = gpuNames(p)
    if (p.gpu)
      parts.push(
        names ? `GPUs seen: ${names}, trained on ${p.gpu.trainedOn ?? '?'}` : 'no GPU seen',
      )
    return [`${codeSpan(p.platform, 40)}: ${inline(parts.join('; '), 900)}.`]
  })
}

function librariesText(g: GpuReadiness | null | undefined): string | null {
  if (!g || g.libraries.length === 0) return null
  return g.libraries
    .map((l) => `${l.soname ?? l.name} ${l.path ? (l.version ?? 'loaded') : 'missing'}`)
    .join(', ')
}
