import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { cwd } from 'node:process'
import { parseArgs } from 'node:util'
import { cleanupRun } from './cleanup.js'
import { createDocker } from './docker/client.js'
import { runCheck } from './engine/check.js'
import type { Logger } from './engine/logger.js'
import { EnvironmentError, errorMessage, InputError } from './errors.js'
import { lintProject } from './lint/index.js'
import { type CheckOptions, parseOptions, type RawOptions } from './options.js'
import { formatPlatform } from './platforms.js'
import { renderReport } from './report/markdown.js'
import { failureSummary, textTable, verdictLine } from './report/summary.js'
import { imagePrefix, makeRunId } from './runid.js'
import { VERSION } from './version.js'

export const USAGE = `Usage: tf-multiarch-check [context] [options]

Builds the Dockerfile once per platform, imports TensorFlow and runs a small training step in
each image, and reports per platform.

Options:
  --platforms LIST            platforms to check (default linux/amd64,linux/arm64)
  -f, --file PATH             the Dockerfile (default <context>/Dockerfile)
  --build-arg KEY=VALUE       a build argument; repeat for more
  --target STAGE              the build stage to check
  --builder NAME              a buildx builder (default: the current one)
  --python PATH               the interpreter in the image (default: python, else python3)
  --no-train                  import TensorFlow only; skip the training step
  --timeout MINUTES           per platform (default 60)
  --required-platforms LIST   platforms whose failure fails the check (default: all)
  --setup-qemu auto|true|false  register QEMU for emulated platforms (default auto)
  --qemu-image IMAGE          the binfmt installer image
  --max-parallel N            platforms checked at once (default 4)
  --cache-from SPEC           a buildx cache source (repeatable), e.g. type=registry,ref=...
  --cache-to SPEC             a buildx cache target (repeatable); not with the docker driver
  --network                   give the check's container a network (off by default)
  --memory SIZE               memory limit of the check's container (default 4g; none: no limit)
  --lint-only                 only the static checks of the Dockerfile and requirements (no Docker)
  --json FILE                 write the results JSON
  --markdown FILE             write the markdown report
  --keep-images               keep the per-platform images (removed by default)
  -v, --verbose               stream build and container output
  -h, --help                  this help
  --version                   the version

Exit status: 0 every required platform passed, 1 one failed, 2 usage or environment error.
With --lint-only: 0 no findings, 1 findings.`

const OPTIONS = {
  platforms: { type: 'string' },
  file: { type: 'string', short: 'f' },
  'build-arg': { type: 'string', multiple: true },
  target: { type: 'string' },
  builder: { type: 'string' },
  python: { type: 'string' },
  'no-train': { type: 'boolean' },
  timeout: { type: 'string' },
  'required-platforms': { type: 'string' },
  'setup-qemu': { type: 'string' },
  'qemu-image': { type: 'string' },
  'max-parallel': { type: 'string' },
  network: { type: 'boolean' },
  'cache-from': { type: 'string', multiple: true },
  'cache-to': { type: 'string', multiple: true },
  memory: { type: 'string' },
  'lint-only': { type: 'boolean' },
  json: { type: 'string' },
  markdown: { type: 'string' },
  'keep-images': { type: 'boolean' },
  verbose: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const

export interface CliArgs {
  raw: RawOptions
  json?: string
  markdown?: string
  keepImages: boolean
  lintOnly: boolean
  verbose: boolean
  help: boolean
  version: boolean
}

/** The action's input names that lead shared error messages, as this CLI's flags. */
const FLAG_OF: Record<string, string> = {
  platforms: '--platforms',
  file: '--file',
  'build-args': '--build-arg',
  target: '--target',
  builder: '--builder',
  python: '--python',
  'timeout-minutes': '--timeout',
  'required-platforms': '--required-platforms',
  'setup-qemu': '--setup-qemu',
  'qemu-image': '--qemu-image',
  'max-parallel': '--max-parallel',
  memory: '--memory',
  'cache-from': '--cache-from',
  'cache-to': '--cache-to',
}

/** An error message as a CLI user should read it: "--timeout: '0' ...", not "timeout-minutes: '0' ...". */
export function inFlags(err: unknown): string {
  const message = errorMessage(err)
  if (!(err instanceof InputError)) return message
  const name = /^([a-z-]+): /.exec(message)?.[1]
  const flag = name ? FLAG_OF[name] : undefined
  return flag ? flag + message.slice(name!.length) : message
}

/** Flags -> the action's raw options, so that both front ends share one parser. */
export function parseCli(argv: string[]): CliArgs {
  let parsed
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true })
  } catch (err) {
    throw new InputError(`${errorMessage(err)}; see tf-multiarch-check --help`)
  }
  const { values, positionals } = parsed
  if (positionals.length > 1) {
    throw new InputError(
      `only one context may be given, got ${positionals.map((p) => `'${p}'`).join(' ')}; see tf-multiarch-check --help`,
    )
  }
  for (const flag of ['json', 'markdown', 'timeout', 'platforms', 'file'] as const) {
    if (values[flag] !== undefined && values[flag].trim() === '') {
      throw new InputError(`--${flag}: the value is empty; see tf-multiarch-check --help`)
    }
  }
  const raw: RawOptions = {
    context: positionals[0] ?? '.',
    file: values.file,
    platforms: values.platforms,
    'build-args': (values['build-arg'] ?? [])
      .map((a) => {
        if (a.includes('\n'))
          throw new InputError(
            `--build-arg: '${a}' holds a line break; pass one KEY=value per flag`,
          )
        return a
      })
      .join('\n'),
    target: values.target,
    builder: values.builder,
    python: values.python,
    train: values['no-train'] ? 'false' : 'true',
    'timeout-minutes': values.timeout,
    'required-platforms': values['required-platforms'],
    'setup-qemu': values['setup-qemu'],
    'qemu-image': values['qemu-image'],
    'max-parallel': values['max-parallel'],
    network: values.network ? 'true' : 'false',
    memory: values.memory,
    'cache-from': (values['cache-from'] ?? []).join('\n'),
    'cache-to': (values['cache-to'] ?? []).join('\n'),
  }
  return {
    raw,
    ...(values.json !== undefined ? { json: values.json } : {}),
    ...(values.markdown !== undefined ? { markdown: values.markdown } : {}),
    keepImages: Boolean(values['keep-images']),
    lintOnly: Boolean(values['lint-only']),
    verbose: Boolean(values.verbose),
    help: Boolean(values.help),
    version: Boolean(values.version),
  }
}

function terminalLogger(verbose: boolean): Logger {
  const err = (s: string): void => void process.stderr.write(s + '\n')
  return {
    info: (m) => err(`tf-multiarch-check: ${m}`),
    warning: (m) => err(`tf-multiarch-check: warning: ${m}`),
    startGroup: (n) => verbose && err(`--- ${n}`),
    endGroup: () => undefined,
    output: (line, platform) => verbose && err(`[${platform}] ${line}`),
  }
}

export async function main(argv: string[]): Promise<number> {
  let args: CliArgs
  let opts
  try {
    args = parseCli(argv)
    if (args.help) {
      process.stdout.write(USAGE + '\n')
      return 0
    }
    if (args.version) {
      process.stdout.write(VERSION + '\n')
      return 0
    }
    opts = parseOptions(args.raw, cwd())
  } catch (err) {
    process.stderr.write(`tf-multiarch-check: ${inFlags(err)}\n`)
    return 2
  }

  if (args.lintOnly) return lintOnly(opts, args)

  // TFMC_TIMINGS=<file>: where the CLI's own time goes, for the benchmark (scripts/bench.mjs).
  const timings: Record<string, number> = { start: performance.timeOrigin }
  const docker = createDocker({ onCommand: () => void (timings.firstDocker ??= Date.now()) })
  const runId = makeRunId({})
  const abort = new AbortController()
  const onSignal = (): void => {
    process.stderr.write('\ntf-multiarch-check: interrupted; stopping builds and containers\n')
    abort.abort()
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  const log = terminalLogger(args.verbose)
  log.info(
    `run ${runId}: images ${imagePrefix(runId)}<platform>, ${args.keepImages ? 'kept' : 'removed'} at the end`,
  )
  try {
    const results = await runCheck(opts, {
      docker,
      log,
      runId,
      signal: abort.signal,
    })
    timings.engineDone = Date.now()
    if (abort.signal.aborted) return 130
    if (args.json) await writeFile(resolve(args.json), JSON.stringify(results, null, 2) + '\n')
    if (args.markdown) await writeFile(resolve(args.markdown), renderReport(results))
    process.stdout.write(`\n${textTable(results)}\n\n${verdictLine(results)}\n`)
    for (const p of results.platforms.filter((x) => !x.passed)) {
      process.stdout.write(
        `  ${p.platform}${p.required ? '' : ' (optional)'}: ${failureSummary(p)}\n`,
      )
    }
    timings.reportsDone = Date.now()
    if (process.env.TFMC_TIMINGS) {
      await writeFile(process.env.TFMC_TIMINGS, JSON.stringify(timings) + '\n')
    }
    return results.passed ? 0 : 1
  } catch (err) {
    process.stderr.write(`tf-multiarch-check: ${inFlags(err)}\n`)
    return err instanceof InputError || err instanceof EnvironmentError ? 2 : 1
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    if (!args.keepImages || abort.signal.aborted)
      await cleanupRun(docker, runId).catch(() => undefined)
  }
}

/** The static phase alone: findings in seconds, without Docker. */
async function lintOnly(opts: CheckOptions, args: CliArgs): Promise<number> {
  const { findings } = lintProject(opts, cwd())
  if (args.json) {
    await writeFile(
      resolve(args.json),
      JSON.stringify({ schemaVersion: 1, dockerfile: opts.dockerfile, findings }, null, 2) + '\n',
    )
  }
  if (findings.length === 0) {
    process.stdout.write(
      `${opts.dockerfile}: no findings for ${opts.platforms.map(formatPlatform).join(', ')}\n`,
    )
    return 0
  }
  for (const f of findings) {
    const d = f.diagnosis
    const where = d.file ? `${d.file}${d.line ? `:${d.line}` : ''}` : opts.dockerfile
    process.stdout.write(
      `${where}: ${f.platform ?? 'all platforms'}: ${d.id}: ${d.title}\n  ${d.detail}\n  fix: ${d.fix}\n`,
    )
  }
  return 1
}
