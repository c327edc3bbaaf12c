// The stages of a platform's check, in one table: the order they run and are shown in, what the
// reports call them, when a platform's results hold them and how each counts in the verdict.
// Whatever lists stages (the results' types and their validation, the verdict, the report's
// columns, the commit status and the comment's fingerprint) reads them from here. A new stage
// is a row here, its file under engine/stages/ and its runner in engine/platform.ts's RUNNERS.

interface StageSpec {
  name: string
  /** Its column in the report's tables. */
  title: string
  /** The heading of its log in the report, when not "<title> log". */
  logTitle?: string
  /**
   * `always`: in every platform's results. Else the check option that asks for it: the stage is
   * in the results exactly when that option is set.
   */
  present: 'always' | 'image' | 'gpus' | 'start' | 'run'
  /**
   * How it counts in the verdict: `image`, it makes the image (the one that did must pass);
   * `pass`, it must pass; `train`, it must pass unless training was turned off.
   */
  verdict: 'image' | 'pass' | 'train'
  /** The stage it takes the place of when it is present (the pull takes the build's). */
  replaces?: string
  /** Decided by another stage's run, not by a run of its own (training is in the import's container). */
  decidedBy?: string
  /** Its time, under QEMU, is compared with a native platform's (emulationSlowdown). */
  compared?: boolean
}

/** The stages, in the order they run and are shown in. */
export const STAGES = [
  { name: 'build', title: 'Build', present: 'always', verdict: 'image' },
  { name: 'pull', title: 'Image', present: 'image', verdict: 'image', replaces: 'build' },
  { name: 'import', title: 'Import', present: 'always', verdict: 'pass', compared: true },
  {
    name: 'train',
    title: 'Train',
    logTitle: 'Training',
    present: 'always',
    verdict: 'train',
    decidedBy: 'import',
    compared: true,
  },
  // With gpus: TensorFlow listed the GPUs and trained on one, in the import's container.
  { name: 'gpu', title: 'GPU', present: 'gpus', verdict: 'pass', decidedBy: 'import' },
  { name: 'start', title: 'Start', present: 'start', verdict: 'pass' },
  { name: 'run', title: 'Run', present: 'run', verdict: 'pass' },
] as const satisfies readonly StageSpec[]

type Row = (typeof STAGES)[number]
export type StageName = Row['name']
/** Every platform's results have these, whatever was asked. */
export type CoreStage = Extract<Row, { present: 'always' }>['name']
/** Present only when asked for (pull by the image input, start and run by theirs). */
export type ExtraStage = Exclude<StageName, CoreStage>
/** The stages that are run; the others are decided by one of these. */
export type RunStage = Exclude<StageName, Extract<Row, { decidedBy: string }>['name']>
/** The stages whose emulated time is compared with a native platform's. */
export type ComparedStage = Extract<Row, { compared: true }>['name']

const SPECS: readonly StageSpec[] = STAGES

/** The order stages run and are shown in (pull takes the build's place). */
export const STAGE_ORDER: readonly StageName[] = STAGES.map((s) => s.name)

export const CORE_STAGES = STAGE_ORDER.filter((s) => spec(s).present === 'always') as CoreStage[]

export const EXTRA_STAGES = STAGE_ORDER.filter((s) => spec(s).present !== 'always') as ExtraStage[]

export const COMPARED_STAGES = STAGE_ORDER.filter((s) => spec(s).compared) as ComparedStage[]

export function spec(name: StageName): StageSpec {
  return SPECS.find((s) => s.name === name)!
}

/** A stage as reports name it. */
export function stageTitle(s: StageName): string {
  return spec(s).title
}

/** The heading of a stage's log in the report. */
export function logTitle(s: StageName): string {
  return spec(s).logTitle ?? spec(s).title
}

/** The stages that a stage of these takes the place of: the build, where the pull ran. */
export function replacedBy(names: readonly StageName[]): Set<string> {
  return new Set(names.flatMap((n) => spec(n).replaces ?? []))
}

/**
 * Why a stage did not pass, in a word (its reason says it in a sentence), and what that is: the
 * image's `failure`, `undecided` (the check could not tell here: the commit status is an error),
 * or why a stage was `skipped`.
 */
export const CAUSES = {
  /** The command or container exited with a non-zero code. */
  exit: 'failure',
  /** The check's own step in the container said it failed: no import, or the training step raised. */
  error: 'failure',
  /** The process was killed by a signal (SIGILL, SIGSEGV, ...). */
  signal: 'failure',
  /** The container was killed for using too much memory. */
  oom: 'failure',
  /** The run was cancelled. */
  cancelled: 'failure',
  /** The docker command itself could not be started. */
  docker: 'failure',
  /** The image input has no image for the platform. */
  'no-platform-image': 'failure',
  /** The image, or the process that ran in it, is another platform (also a training step not counted). */
  'not-the-platform': 'failure',
  /** With gpus: TensorFlow listed fewer GPUs than asked for, or trained on the CPU. */
  'no-gpu': 'failure',
  /** With gpus, an emulated platform: no GPU can be used under QEMU, so the check cannot tell. */
  emulated: 'undecided',
  /** timeout-minutes ran out. */
  timeout: 'undecided',
  /** No emulator for the platform can be had on this machine. */
  'no-emulator': 'undecided',
  /** The builder's BuildKit stopped answering, or went away, during the build. */
  builder: 'undecided',
  /** The reusable workflow: no runner took the platform's job (and no fallback checked it). */
  'no-runner': 'undecided',
  /** Report mode: a platform asked for that no results file holds. */
  'no-results': 'undecided',
  /** train: false. */
  'turned-off': 'skipped',
  /** An earlier stage did not pass, or did not run. */
  'not-reached': 'skipped',
  /** The image input was checked instead (the build). */
  replaced: 'skipped',
  /** The static analysis found the build cannot succeed for the platform. */
  finding: 'skipped',
} as const satisfies Record<string, 'failure' | 'undecided' | 'skipped'>

export type StageCause = keyof typeof CAUSES

export function isCause(s: string): s is StageCause {
  return Object.hasOwn(CAUSES, s)
}
