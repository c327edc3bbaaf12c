// Every option of the action and the CLI, in one table: the action's input, the CLI's flag, the
// default and a line of help. action.yml, the README's input and flag tables are checked
// against it (__tests__/config.test.ts); the CLI's flags and usage text are made from it.
// The values are parsed in check.ts and report.ts, each by its input name.

import type { OptionSpec } from './spec.js'

export type { OptionSpec }

export const OPTIONS = {
  mode: { input: 'mode', flag: null, default: 'check', help: 'check, or report results files' },
  context: {
    input: 'context',
    flag: null,
    default: '.',
    help: 'the build context, a directory (the CLI takes it as its argument)',
  },
  file: {
    input: 'file',
    flag: '--file',
    short: 'f',
    arg: 'PATH',
    default: '',
    shownDefault: '`<context>/Dockerfile`',
    help: 'the Dockerfile',
  },
  image: {
    input: 'image',
    flag: '--image',
    arg: 'REF',
    default: '',
    shownDefault: 'none: build the Dockerfile',
    help: 'check this image (a local tag or a registry reference) instead of building',
  },
  platforms: {
    input: 'platforms',
    flag: '--platforms',
    arg: 'LIST',
    default: 'linux/amd64,linux/arm64',
    help: 'platforms to check',
  },
  'build-args': {
    input: 'build-args',
    flag: '--build-arg',
    arg: 'KEY=VALUE',
    repeatable: true,
    default: '',
    help: 'a build argument; repeat for more',
  },
  target: {
    input: 'target',
    flag: '--target',
    arg: 'STAGE',
    default: '',
    help: 'the build stage to check',
  },
  builder: {
    input: 'builder',
    flag: '--builder',
    arg: 'NAME',
    default: '',
    shownDefault: 'current builder',
    help: 'a buildx builder',
  },
  python: {
    input: 'python',
    flag: '--python',
    arg: 'PATH',
    default: '',
    shownDefault: "`python`, else `python3`, on the image's PATH",
    help: 'the interpreter in the image',
  },
  train: {
    input: 'train',
    flag: '--no-train',
    sets: 'false',
    default: 'true',
    help: 'import TensorFlow only; skip the training step',
  },
  start: {
    input: 'start',
    flag: '--start',
    arg: 'SECONDS',
    default: 'off',
    help: "start the image's own ENTRYPOINT/CMD: it must exit 0 or still run after SECONDS",
  },
  run: {
    input: 'run',
    flag: '--run',
    arg: 'CMD',
    default: '',
    shownDefault: 'none',
    help: "your own test: a shell command run in every platform's image after training",
  },
  gpus: {
    input: 'gpus',
    flag: '--gpus',
    arg: 'GPUS',
    default: 'off',
    help: "GPUs for the check's container (all, a count, device=0,1, or CDI names): TensorFlow must list them and train on one",
  },
  'gpu-ready': {
    input: 'gpu-ready',
    flag: '--gpu-ready',
    arg: 'MODE',
    default: 'auto',
    help: 'whether the image could use an NVIDIA GPU, checked without one: auto (images that show GPU intent), report, required, off',
  },
  'timeout-minutes': {
    input: 'timeout-minutes',
    flag: '--timeout',
    arg: 'MINUTES',
    // Emulated arm64 runs Python 10-25x slower than native; a pip install of TensorFlow plus
    // an import and a short training run take minutes there.
    default: '60',
    help: 'per platform',
  },
  'stall-minutes': {
    input: 'stall-minutes',
    flag: '--stall-minutes',
    arg: 'MINUTES',
    // The longest silence measured in a cold arm64 TensorFlow install under QEMU was 70 s.
    default: '10',
    help: 'a build silent this long is reported as stalled, and diagnosed so at the timeout; off: never',
  },
  'required-platforms': {
    input: 'required-platforms',
    flag: '--required-platforms',
    arg: 'LIST',
    default: '',
    shownDefault: 'every platform',
    help: 'platforms whose failure fails the check',
  },
  'setup-qemu': {
    input: 'setup-qemu',
    flag: '--setup-qemu',
    arg: 'auto|true|false',
    default: 'auto',
    help: 'register QEMU for emulated platforms',
  },
  'qemu-image': {
    input: 'qemu-image',
    flag: '--qemu-image',
    arg: 'IMAGE',
    default: 'tonistiigi/binfmt:qemu-v10.2.3-68',
    help: 'the binfmt installer image',
  },
  'max-parallel': {
    input: 'max-parallel',
    flag: '--max-parallel',
    arg: 'N',
    // Every platform at once (the emulated one dominates; the native ones hide under it).
    default: '4',
    help: 'platforms checked at once',
  },
  'cache-from': {
    input: 'cache-from',
    flag: '--cache-from',
    arg: 'SPEC',
    repeatable: true,
    default: '',
    help: 'a buildx cache source (repeatable), e.g. type=registry,ref=...',
  },
  'cache-to': {
    input: 'cache-to',
    flag: '--cache-to',
    arg: 'SPEC',
    repeatable: true,
    default: '',
    help: 'a buildx cache target (repeatable); not with the docker driver on the classic store',
  },
  network: {
    input: 'network',
    flag: '--network',
    sets: 'true',
    default: 'false',
    help: "give the check's container a network (off by default)",
  },
  memory: {
    input: 'memory',
    flag: '--memory',
    arg: 'SIZE',
    // Untrusted code runs in that container: bounded by default. TensorFlow's import and the
    // training step need well under 2 GiB, under QEMU too.
    default: '4g',
    help: "memory limit of the check's container; none: no limit",
  },
  results: { input: 'results', flag: null, default: '', help: 'report mode: results files' },
  runners: {
    input: 'runners',
    flag: null,
    default: 'linux/amd64=ubuntu-24.04,linux/arm64=ubuntu-24.04-arm',
    help: 'the reusable workflow: the runner that checks each platform',
  },
  emulate: {
    input: 'emulate',
    flag: null,
    default: 'auto',
    help: 'the reusable workflow: check under QEMU a platform whose runner never starts (auto), or not (never)',
  },
  'runner-wait-minutes': {
    input: 'runner-wait-minutes',
    flag: null,
    default: '10',
    help: 'the reusable workflow: how long a job may wait for its runner before it is said never to start',
  },
  'github-token': {
    input: 'github-token',
    flag: null,
    default: '${{ github.token }}',
    help: 'for the comment and the statuses',
  },
  comment: { input: 'comment', flag: null, default: 'auto', help: 'the sticky PR comment' },
  'comment-header': {
    input: 'comment-header',
    flag: null,
    default: '',
    help: 'names this configuration',
  },
  statuses: {
    input: 'statuses',
    flag: null,
    default: 'true',
    help: 'a commit status per platform',
  },
  suggestions: {
    input: 'suggestions',
    flag: null,
    default: 'auto',
    help: 'one-click fixes as suggested changes on the PR',
  },
  fix: {
    input: null,
    flag: '--fix',
    arg: '[=dry-run]',
    bare: 'write',
    default: '',
    help: 'write the fixes to the files (after showing the diff); =dry-run: only show the diff',
  },
  'lint-only': {
    input: null,
    flag: '--lint-only',
    default: '',
    help: 'only the static checks of the Dockerfile and requirements (no Docker)',
  },
  json: { input: null, flag: '--json', arg: 'FILE', default: '', help: 'write the results JSON' },
  markdown: {
    input: null,
    flag: '--markdown',
    arg: 'FILE',
    default: '',
    help: 'write the markdown report',
  },
  'keep-images': {
    input: null,
    flag: '--keep-images',
    default: '',
    help: 'keep the per-platform images (removed by default)',
  },
  verbose: {
    input: null,
    flag: '--verbose',
    short: 'v',
    default: '',
    help: 'stream build and container output instead of progress lines',
  },
  quiet: {
    input: null,
    flag: '--quiet',
    short: 'q',
    default: '',
    help: 'no progress lines: warnings, then the table alone',
  },
  help: { input: null, flag: '--help', short: 'h', default: '', help: 'this help' },
  version: { input: null, flag: '--version', default: '', help: 'the version' },
} as const satisfies Record<string, OptionSpec>

export type OptionName = keyof typeof OPTIONS

/** An option's default as the README and usage show it (markdown): "every platform", `4g`. */
export function shownDefault(o: OptionSpec): string {
  return o.shownDefault ?? (o.default ? `\`${o.default}\`` : '')
}

/** An option's default: an empty or missing value means it. */
export function defaultOf(name: OptionName): string {
  return OPTIONS[name].default
}

/** How the CLI names an option in its messages: its flag (null for the context, its argument). */
export function flagOf(name: string): string | null {
  return (OPTIONS as Record<string, OptionSpec>)[name]?.flag ?? null
}
