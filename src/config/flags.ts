import { TOOL_NAME } from '../version.js'
import { parseArgs } from 'node:util'
import { errorMessage, InputError } from '../errors.js'
import type { RawOptions } from './check.js'
import { CHECK_OPTIONS } from './lists.js'
import { OPTIONS, type OptionName, type OptionSpec, shownDefault } from './table.js'

// The CLI's side of the option table: its flags for node:util's parseArgs, its usage text, and
// the flags' values as the action's raw options, so that both front ends share one parser.

const HELP = `see ${TOOL_NAME} --help`

type FlagSpec = { type: 'string' | 'boolean'; short?: string; multiple?: boolean }

/** Every flag of the table, as parseArgs takes them: the key is the flag without its dashes. */
const FLAGS: Record<string, FlagSpec> = Object.fromEntries(
  Object.values(OPTIONS as Record<string, OptionSpec>)
    .filter((o) => o.flag !== null)
    .map((o) => [
      o.flag!.slice(2),
      {
        type: 'arg' in o && o.arg ? 'string' : 'boolean',
        ...(o.short ? { short: o.short } : {}),
        ...(o.repeatable ? { multiple: true } : {}),
      } satisfies FlagSpec,
    ]),
)

/** Flags whose value may be left out: --fix stands for --fix=write. */
const BARE = new Map(
  Object.values(OPTIONS as Record<string, OptionSpec>)
    .filter((o) => o.flag !== null && o.bare !== undefined)
    .map((o) => [o.flag as string, `${o.flag}=${o.bare}`]),
)

export const USAGE = `Usage: ${TOOL_NAME} [context] [options]

Builds the Dockerfile once per platform, imports TensorFlow and runs a small training step in
each image, and reports per platform.

Options:
${usageLines().join('\n')}

Examples:
  ${TOOL_NAME}                         ./Dockerfile on linux/amd64 and linux/arm64
  ${TOOL_NAME} --lint-only             the static checks alone: seconds, no Docker
  ${TOOL_NAME} --image myorg/app:1.4   an image already built, checked without a build

On Apple Silicon (Docker Desktop), linux/arm64 runs natively and linux/amd64 emulated, where
TensorFlow's x86-64 build can die with "Illegal instruction" (no AVX under emulation). What your
laptop and arm64 servers run:
  ${TOOL_NAME} --platforms linux/arm64

Docker is the docker client on PATH, with its DOCKER_HOST or current docker context. Files are
shown relative to the current directory (to the context when it lies outside it).

Exit status: 0 every required platform passed, 1 one failed, 2 usage or environment error.
With --lint-only: 0 no findings, 1 findings.`

/** Each flag as usage and the README show it: its names, and its help with the default (markdown). */
function flagHelp(): { names: string; help: string }[] {
  return Object.values(OPTIONS as Record<string, OptionSpec>)
    .filter((o) => o.flag !== null)
    .map((o) => {
      const shown = shownDefault(o)
      return {
        names: `${o.short ? `-${o.short}, ` : ''}${o.flag}${o.arg ? `${o.bare ? '' : ' '}${o.arg}` : ''}`,
        // A switch's default is its absence.
        help: o.help + (o.arg && shown ? ` (default ${shown})` : ''),
      }
    })
}

function usageLines(): string[] {
  const rows = flagHelp()
  const width = Math.max(...rows.map((r) => r.names.length)) + 2
  return rows.map((r) => `  ${r.names.padEnd(width)}${r.help.replace(/`/g, '')}`)
}

/** The flags as given: values by flag name (without dashes), and the positionals. */
export function readFlags(argv: string[]): {
  values: Record<string, string | boolean | string[] | undefined>
  positionals: string[]
} {
  try {
    const { values, positionals } = parseArgs({
      args: argv.map((a) => BARE.get(a) ?? a),
      options: FLAGS,
      allowPositionals: true,
      strict: true,
    })
    // Only string flags repeat (FLAGS gives no boolean `multiple`).
    return {
      values: values as Record<string, string | boolean | string[] | undefined>,
      positionals,
    }
  } catch (err) {
    throw new InputError(null, `${errorMessage(err)}; ${HELP}`)
  }
}

/** The check's options from the flags, keyed by input name like the action's. */
export function rawFromFlags(
  values: Record<string, string | boolean | string[] | undefined>,
  positionals: string[],
): RawOptions {
  if (positionals.length > 1) {
    throw new InputError(
      null,
      `only one context may be given, got ${positionals.map((p) => `'${p}'`).join(' ')}; ${HELP}`,
    )
  }
  const raw: RawOptions = { context: positionals[0] ?? OPTIONS.context.default }
  for (const name of CHECK_OPTIONS) {
    const spec: OptionSpec = OPTIONS[name]
    if (spec.flag === null) continue
    const value = values[spec.flag.slice(2)]
    if (value === undefined) continue
    if (typeof value === 'boolean') raw[name] = value ? spec.sets : undefined
    else if (Array.isArray(value)) raw[name] = oneEach(spec, value).join('\n')
    else raw[name] = notEmpty(name, value)
  }
  return raw
}

/** A flag given with an empty value is a mistake, not a request for the default. */
function notEmpty(name: OptionName, value: string): string {
  if (value.trim() === '') throw new InputError(name, `the value is empty; ${HELP}`)
  return value
}

/** A repeatable flag holds one entry each time: a line break would smuggle in a second. */
function oneEach(spec: OptionSpec, values: string[]): string[] {
  for (const v of values) {
    if (v.includes('\n'))
      throw new InputError(
        spec.input,
        `'${v}' holds a line break; pass one ${spec.arg ?? 'value'} per flag`,
      )
  }
  return values
}

/** The CLI's own flags, not options of the check. */
export function cliFlag(
  values: Record<string, string | boolean | string[] | undefined>,
  name: Exclude<OptionName, (typeof CHECK_OPTIONS)[number]>,
): string | boolean | undefined {
  // None of these repeats (only options of the check do).
  const v = values[OPTIONS[name].flag?.slice(2) ?? name] as string | boolean | undefined
  return typeof v === 'string' ? notEmpty(name, v) : v
}

/** The README's flag table, as rows of cells: made from the option table, so the two agree. */
export function flagRows(): [string, string][] {
  return flagHelp().map((r) => [`\`${r.names}\``, r.help])
}
