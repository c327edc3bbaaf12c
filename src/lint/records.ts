import { Env, type Instruction, ModifiableInstruction } from 'dockerfile-ast'
import type { Located } from '../diagnosis.js'
import { absolutize } from './text.js'

// Instructions the model records as they are: files copied from the build context, and ENV.

/** COPY or ADD of build-context files (no --from): where they land in the image. */
export interface ContextCopy extends Located {
  /** Context paths as written. */
  sources: string[]
  /** The destination, absolute (WORKDIR applied); a trailing / kept: a directory. */
  dest: string
  stageIndex: number
  /** --chmod, as written. */
  chmod: string | null
}

/** ENV NAME=value, one per variable. */
export interface EnvSetting extends Located {
  name: string
  value: string
  stageIndex: number
}

export function contextCopy(
  ins: Instruction,
  file: string,
  line: number,
  stageIndex: number,
  workdir: string,
): ContextCopy | null {
  const flags = ins instanceof ModifiableInstruction ? ins.getFlags() : []
  const words = ins
    .getArguments()
    .map((a) => a.getValue())
    .filter((a) => !a.startsWith('--'))
  const dest = words.at(-1)
  if (words.length < 2 || dest === undefined) return null
  return {
    file,
    line,
    sources: words.slice(0, -1),
    // `.` and `./` are WORKDIR itself, a directory.
    dest:
      dest.endsWith('/') || dest === '.'
        ? `${absolutize(dest.replace(/^\.\/?$/, ''), workdir).replace(/\/+$/, '')}/`
        : absolutize(dest, workdir),
    stageIndex,
    chmod: flags.find((f) => f.getName() === 'chmod')?.getValue() ?? null,
  }
}

/** The variables an ENV instruction sets (both forms: ENV A=1 B=2, and ENV A 1). */
export function envSettings(
  ins: Instruction,
  file: string,
  line: number,
  stageIndex: number,
): EnvSetting[] {
  if (!(ins instanceof Env)) return []
  return ins.getProperties().flatMap((p) => {
    const name = p.getName()
    return name ? [{ file, line, name, value: p.getValue() ?? '', stageIndex }] : []
  })
}
