import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { cwd } from 'node:process'
import { cleanupRun } from './cleanup.js'
import { createDocker } from './docker/client.js'
import { killAll } from './docker/exec.js'
import { runCheck } from './engine/check.js'
import { EnvironmentError, errorMessage, InputError } from './errors.js'
import { isAdvisory } from './diagnose/explain.js'
import { fixesFor } from './fix/index.js'
import { writeFixes } from './fix/write.js'
import { lintProject } from './lint/index.js'
import type { FixEdit } from './results/types.js'
import { type CheckOptions, parseOptions, type RawOptions } from './config/check.js'
import { cliFlag, rawFromFlags, readFlags, USAGE } from './config/flags.js'
import { flagOf } from './config/table.js'
import { renderReport } from './report/markdown.js'
import { failureSummary, textTable, verdictLine } from './report/summary.js'
import { invocationLines } from './results/invocation.js'
import { type CliOutput, cliLogger } from './progress/loggers.js'
import { imagePrefix, makeRunId } from './runid.js'
import { TOOL_NAME, VERSION } from './version.js'

export { USAGE }

export interface CliArgs {
  raw: RawOptions
  json?: string
  markdown?: string
  keepImages: boolean
  lintOnly: boolean
  /** --fix: write the fixes; --fix=dry-run: only show them. */
  fix: 'write' | 'dry-run' | null
  output: CliOutput
  help: boolean
  version: boolean
}

/** An error message as a CLI user should read it: "--timeout: '0' ...", not "timeout-minutes: '0' ...". */
export function inFlags(err: unknown): string {
  if (!(err instanceof InputError) || err.option === null) return errorMessage(err)
  return `${flagOf(err.option) ?? err.option}: ${err.detail}`
}

/** -v streams everything, --quiet prints the table alone, and neither shows progress. */
function outputMode(verbose: boolean, quiet: boolean): CliOutput {
  if (verbose && quiet)
    throw new InputError(null, '--verbose and --quiet ask for opposite things; give one of them')
  return verbose ? 'verbose' : quiet ? 'quiet' : 'progress'
}

function fixMode(value: string | boolean | undefined): CliArgs['fix'] {
  if (value === undefined || value === false) return null
  if (value === 'write' || value === 'dry-run') return value
  throw new InputError(
    'fix',
    `'${String(value)}' is not dry-run; give --fix to write the fixes, or --fix=dry-run to show them`,
  )
}

/** The fixes written (or shown, with --fix=dry-run); what could not be changed is said. */
async function applyFixes(fixes: FixEdit[], opts: CheckOptions, mode: 'write' | 'dry-run') {
  const out = (text: string): void => void process.stdout.write(text)
  if (fixes.length === 0) return out('\n--fix: no fix to make\n')
  out('\n')
  const report = await writeFixes(fixes, opts, mode, out)
  for (const r of report.refused) process.stderr.write(`${TOOL_NAME}: --fix: ${r}\n`)
  const files = report.changed.join(', ')
  if (report.changed.length > 0)
    out(
      mode === 'write'
        ? `--fix: wrote ${files}\n`
        : `--fix=dry-run: would change ${files}; nothing written\n`,
    )
}

function fixHint(count: number): void {
  const what = count === 1 ? 'a fix' : `${count} fixes`
  process.stdout.write(`\n${what} can be made by --fix (--fix=dry-run shows the diff)\n`)
}

/** Flags -> the action's raw options, so that both front ends share one parser. */
export function parseCli(argv: string[]): CliArgs {
  const { values, positionals } = readFlags(argv)
  const file = (name: 'json' | 'markdown'): { [k: string]: string } => {
    const v = cliFlag(values, name)
    return typeof v === 'string' ? { [name]: v } : {}
  }
  return {
    raw: rawFromFlags(values, positionals),
    ...file('json'),
    ...file('markdown'),
    keepImages: cliFlag(values, 'keep-images') === true,
    lintOnly: cliFlag(values, 'lint-only') === true,
    fix: fixMode(cliFlag(values, 'fix')),
    output: outputMode(cliFlag(values, 'verbose') === true, cliFlag(values, 'quiet') === true),
    help: cliFlag(values, 'help') === true,
    version: cliFlag(values, 'version') === true,
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
    process.stderr.write(`${TOOL_NAME}: ${inFlags(err)}\n`)
    return 2
  }

  if (args.lintOnly) return lintOnly(opts, args)

  // TFMC_TIMINGS=<file>: where the CLI's own time goes, for the benchmark (scripts/bench.mjs).
  const timings: Record<string, number> = { start: performance.timeOrigin }
  const docker = createDocker({ onCommand: () => void (timings.firstDocker ??= Date.now()) })
  const runId = makeRunId({})
  const abort = new AbortController()
  const log = cliLogger(args.output)
  const onSignal = (): void => {
    if (abort.signal.aborted) {
      // Asked twice: no waiting for builds to stop. Each docker command runs in its own process
      // group (docker/exec.ts), so it is killed here rather than left behind.
      killAll()
      process.exit(130)
    }
    log.print(`${TOOL_NAME}: interrupted; stopping builds and containers (again to stop at once)`)
    abort.abort()
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  log.info(
    opts.image
      ? `run ${runId}: checking the image ${opts.image.ref}; nothing is built, tagged or removed`
      : `run ${runId}: images ${imagePrefix(runId)}<platform>, ${args.keepImages ? 'kept' : 'removed'} at the end`,
  )
  try {
    const results = await runCheck(opts, {
      docker,
      log,
      runId,
      signal: abort.signal,
    })
    timings.engineDone = Date.now()
    log.close()
    if (abort.signal.aborted) return 130
    if (args.json) await writeFile(resolve(args.json), JSON.stringify(results, null, 2) + '\n')
    if (args.markdown) await writeFile(resolve(args.markdown), renderReport(results))
    process.stdout.write(`\n${textTable(results)}\n\n${verdictLine(results)}\n`)
    for (const p of results.platforms.filter((x) => !x.passed)) {
      process.stdout.write(
        `  ${p.platform}${p.required ? '' : ' (optional)'}: ${failureSummary(p)}\n`,
      )
    }
    // How each image was started, when its ENTRYPOINT decided it.
    for (const line of invocationLines(results.platforms)) process.stdout.write(`  ${line}\n`)
    if (args.fix) await applyFixes(results.fixes ?? [], opts, args.fix)
    else if (results.fixes?.length) fixHint(results.fixes.length)
    timings.reportsDone = Date.now()
    if (process.env.TFMC_TIMINGS) {
      await writeFile(process.env.TFMC_TIMINGS, JSON.stringify(timings) + '\n')
    }
    return results.passed ? 0 : 1
  } catch (err) {
    process.stderr.write(`${TOOL_NAME}: ${inFlags(err)}\n`)
    return err instanceof InputError || err instanceof EnvironmentError ? 2 : 1
  } finally {
    log.close()
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    if (!args.keepImages || abort.signal.aborted)
      await cleanupRun(docker, runId).catch(() => undefined)
  }
}

/** The static phase alone: findings in seconds, without Docker. */
async function lintOnly(opts: CheckOptions, args: CliArgs): Promise<number> {
  const lint = lintProject(opts)
  const { findings } = lint
  const fixes = fixesFor(opts, lint)
  if (args.json) {
    const doc = { schemaVersion: 1, dockerfile: opts.dockerfile, findings, fixes }
    await writeFile(resolve(args.json), JSON.stringify(doc, null, 2) + '\n')
  }
  if (findings.length === 0) {
    process.stdout.write(
      `${opts.dockerfile}: no findings for ${opts.platforms.map((p) => p.id).join(', ')}\n`,
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
  if (args.fix) await applyFixes(fixes, opts, args.fix)
  else if (fixes.length > 0) fixHint(fixes.length)
  // An advisory finding (a build that succeeds, a waste) is said and fails nothing.
  return findings.some((f) => !isAdvisory(f.diagnosis)) ? 1 : 0
}
