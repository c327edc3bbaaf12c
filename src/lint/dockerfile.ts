import type { Located } from '../diagnosis.js'
import type { ContextCopy, EnvSetting } from './records.js'
import type { Pin } from './text.js'

// What a Dockerfile says that matters for TensorFlow: base images, pip requirements with their
// file and line, venvs, activations, PATH, and the image's CMD/ENTRYPOINT. model.ts reads it.

export interface BaseImage extends Located {
  /** The image as written, ARGs expanded: python:3.11-slim. */
  ref: string
  name: string
  tag: string | null
  /** The FROM names an earlier stage, not an image. */
  stage: string | null
  alias: string | null
  platformFlag: string | null
  /** What --platform pins the stage to (see Pin). */
  pin: Pin
  /** The instruction as written: FROM --platform=linux/amd64 python:3.11-slim AS base. */
  text: string
}

/** COPY --from=<stage> (or ADD --from): files of another stage or image. */
export interface CopyFrom extends Located {
  /** The stage or image named by --from, as written. */
  from: string
  /** The stage doing the copying. */
  stageIndex: number
  text: string
}

export interface Requirement extends Located {
  name: string
  /** The extras asked for, normalised (PEP 685): tensorflow[And_CUDA] -> ['and-cuda']. */
  extras: string[]
  specifier: string
  marker: string
  /** The text as written. */
  raw: string
  /** Index of the stage whose RUN installs it. */
  stageIndex: number
  /** The venv whose pip installs it (directly, or after an activation in the same RUN). */
  venv: string | null
  /** pip was run with --break-system-packages. */
  breakSystem: boolean
}

export interface ExecForm extends Located {
  keyword: 'CMD' | 'ENTRYPOINT'
  args: string[] | null
  stageIndex: number
  /** The WORKDIR it runs in (a relative program is found there). */
  workdir: string
}

export interface DockerfileModel {
  file: string
  stages: { from: BaseImage; index: number }[]
  requirements: Requirement[]
  /** pip install commands, for rules about the installer itself. */
  pipInstalls: (Located & { stageIndex: number; venv: string | null; breakSystem: boolean })[]
  venvs: (Located & { path: string; stageIndex: number })[]
  /** `. venv/bin/activate` or `source ...` at the end of a RUN, where it cannot persist. */
  danglingActivations: (Located & { path: string })[]
  /** ENV PATH=... settings. */
  paths: (Located & { value: string; stageIndex: number })[]
  cmds: ExecForm[]
  copies: CopyFrom[]
  contextCopies: ContextCopy[]
  envs: EnvSetting[]
  finalStage: number
}
