import { diagnosis } from '../diagnosis.js'
import type { Diagnosis } from '../results/types.js'
import { type Evidence, decisiveLines, quote } from './evidence.js'
import { commandCauses, entrypointCauses } from './command.js'
import { installCauses } from './install.js'
import { machineCauses } from './machine.js'
import { kerasCauses } from './keras.js'
import { runtimeCauses } from './runtime.js'
import { gpuCauses } from './gpu.js'

// After a stage fails: from the evidence (its log, exit code and signal, the image probe) to
// one or more diagnoses, most likely first. Each quotes the line it keys on. A diagnosis
// explains a failure; it never turns one into a pass. Nothing recognised: `unknown`, with the
// decisive lines.

export function classify(e: Evidence): Diagnosis[] {
  const out: Diagnosis[] = []
  const add = (d: Diagnosis): void => {
    if (!out.some((x) => x.id === d.id)) out.push(d)
  }
  // GPU causes first, where GPUs were asked for: without the runtime the container never ran,
  // and nothing else was seen.
  gpuCauses(e, add)
  machineCauses(e, add)
  installCauses(e, add)
  runtimeCauses(e, add)
  kerasCauses(e, add)
  entrypointCauses(e, add)
  commandCauses(
    e,
    add,
    out.some((d) => d.id !== 'timeout'),
  )
  const L = e.lines
  const where = e.platform.id
  if (
    out.length === 0 ||
    (out.length === 1 && out[0]!.id === 'timeout' && e.status !== 'timed-out')
  ) {
    const lines = decisiveLines(L)
    add(
      diagnosis(
        'unknown',
        `No known cause matched the ${e.stage} failure on ${where}${e.exitCode !== null ? ` (exit code ${e.exitCode}${e.signal ? `, ${e.signal}` : ''})` : ''}. The decisive lines: ${lines.map(quote).join(' / ') || '(no output)'}.`,
        'Read the log tail below; if it is a TensorFlow-on-arm64 failure we should know, report it with the log.',
      ),
    )
  }
  return out
}
