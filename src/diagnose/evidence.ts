import { truncate } from '../format.js'
import { normalizeName } from '../knowledge/tensorflow.js'
import type { Locator } from '../diagnosis.js'
import type { Platform } from '../platforms.js'
import type { Diagnosis, ImageConfig, StageName, StageStatus } from '../results/types.js'
import type { GpuCheck, GpuReadiness, TensorflowBuild } from '../results/gpu.js'

// What the classifier is given about a failed stage, and the helpers its rules share: finding
// the line a cause keys on, and quoting it.

/** What the smoke script reports about the image when TensorFlow does not import. */
export interface Probe {
  tensorflowDirs: string[]
  sysPath: string[]
  prefix: string | null
  glibc: string | null
  path: string | null
  venvs: string[]
  /** Extension modules under tensorflow and numpy built for another architecture than the interpreter. */
  foreignBinaries?: { file: string; arch: string | null }[]
  /** How many extension modules were read, and how many of them were foreign. */
  binariesChecked?: number
  foreignCount?: number
}

export interface Evidence {
  platform: Platform
  emulated: boolean
  stage: StageName
  status: StageStatus
  /** The stage's output, last lines last. */
  lines: string[]
  exitCode: number | null
  signal: string | null
  oomKilled: boolean
  probe: Probe | null
  image: ImageConfig | null
  timeoutMinutes: number
  /**
   * Why the image, or the process in it, is not the platform asked for (from the verdict's
   * architecture proof); undefined when it is, or was not yet known.
   */
  wrongArchitecture?: string
  /** With the image input, when it has no image for the platform: the platforms it has. */
  imagePlatforms?: { ref: string; has: string[]; registryError: string | null }
  /** The run input, when the run stage failed. */
  command?: string
  /**
   * A build that printed nothing from stall-minutes on: the step it was on. It ran until its
   * timeout, or, when `builder` is set too, was stopped because its builder did not answer.
   */
  stalled?: { step: string | null; silentMs: number }
  /**
   * The builder could not be making progress (engine/builder.ts's words follow its name): the
   * silent build was stopped, or a build that failed had its BuildKit go away under it.
   */
  builder?: { name: string; driver: string; down: string }
  /** Whether the Docker engine still answered after the stage failed; undefined when not asked. */
  engineReachable?: boolean
  /** KERAS_BACKEND and TF_USE_LEGACY_KERAS as the process that imported TensorFlow had them. */
  variables?: Record<string, string>
  /** Where things are in the project: requirements by normalised name, the final FROM. */
  locate: Locator
  /** With gpus or gpu-ready: what the container found of GPUs, and of what a GPU would need. */
  gpu?: GpuEvidence
}

export interface GpuEvidence {
  check: GpuCheck | null
  readiness: GpuReadiness | null
  build: TensorflowBuild | null
  /** Why the GPU check or readiness is not proven (results/verdict.ts). */
  problem: string | null
}

export interface Match {
  line: string
  groups: string[]
}

export function find(lines: string[], re: RegExp): Match | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = re.exec(lines[i]!)
    if (m) return { line: lines[i]!.trim(), groups: m.slice(1).map((g) => g ?? '') }
  }
  return null
}

export function quote(line: string): string {
  // BuildKit prefixes step lines with "#5 0.588 " and repeats them in its summary as "0.588 ".
  const clean = line
    .replace(/^#\d+ /, '')
    .replace(/^\d+\.\d+ /, '')
    .trim()
  return `"${truncate(clean, 300)}"`
}

/** What the docker client prints when the engine dies under it or is gone. */
export const ENGINE_LOST =
  /Cannot connect to the Docker daemon|error during connect|(rpc error: code = |failed to solve: )Unavailable|docker\.sock: connect: (connection refused|no such file)|error waiting for container: (unexpected )?EOF/i

/**
 * What pip, uv and requests print when the package index cannot be reached at all: DNS,
 * refused or timed-out connections, proxies, and certificates nobody in the image trusts.
 */
export const INDEX_UNREACHABLE =
  /Failed to establish a new connection|Temporary failure in name resolution|Name or service not known|\[Errno 111\] Connection refused|ProxyError|Cannot connect to proxy|CERTIFICATE_VERIFY_FAILED|SSLCertVerificationError|invalid peer certificate|UnknownIssuer|There was a problem confirming the ssl certificate|ConnectTimeoutError|dns error: failed to lookup|error sending request for url/

const DECISIVE = /error|Error|ERROR|Traceback|fatal|denied|not found|No module|Killed|Segmentation/

/** The lines that say most about an unrecognised failure. */
export function decisiveLines(lines: string[], count = 5): string[] {
  const hits = lines.filter((l) => DECISIVE.test(l) && !/^#\d+ DONE/.test(l))
  const pick = hits.length > 0 ? hits : lines.filter((l) => l.trim() !== '')
  return pick.slice(-count).map((l) => l.trim())
}

/** The error of the BuildKit step that loads a base image's metadata ("#3 ERROR: ..."), if it failed. */
export function metadataError(lines: string[]): Match | null {
  for (const l of lines) {
    const step = /^(#\d+) \[internal\] load metadata for /.exec(l)?.[1]
    if (!step) continue
    const err = lines.find((x) => x.startsWith(`${step} ERROR: `))
    if (err) return { line: err.trim(), groups: [] }
  }
  return null
}

/** "all 96 extension modules read" or "3 of the 96 extension modules read". */
export function readCount(foreign: number, checked: number | undefined): string {
  if (checked === undefined || checked === 0) return `${foreign} extension modules`
  return foreign === checked
    ? `all ${checked} extension modules read`
    : `${foreign} of the ${checked} extension modules read`
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

export function requirementName(spec: string): string {
  return normalizeName(spec.replace(/[\s[<>=!~;].*$/, ''))
}

/** Adds a diagnosis unless one of its id is there already. */
export type Add = (d: Diagnosis) => void

/** One cause a family looks for: it adds its diagnosis when the evidence shows that cause. */
export type Rule = (e: Evidence, add: Add) => void

/** A family's rules, run in their order: the order in which their diagnoses are listed. */
export function runRules(rules: readonly Rule[], e: Evidence, add: Add): void {
  for (const rule of rules) rule(e, add)
}
