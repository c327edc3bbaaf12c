import { data, Evaluator, Lexer, Parser } from '@actions/expressions'
import { cpSync, readFileSync } from 'node:fs'
import { fixturePath } from './fixtures.js'
import { parse } from 'yaml'

// The reusable workflow as the runner reads it: its YAML, and its ${{ }} expressions evaluated
// by GitHub's own expression library (@actions/expressions, the one the Actions language
// services use) against the contexts a job would have. The harness tests run the workflow's
// own steps with the inputs this gives, so that a wrong expression in the file fails them.

export interface Step {
  id?: string
  name?: string
  uses?: string
  run?: string
  if?: string
  env?: Record<string, string>
  with?: Record<string, string | boolean | number>
}

export interface Job {
  name?: string
  needs?: string | string[]
  if?: string
  'runs-on': string | string[]
  permissions?: Record<string, string>
  env?: Record<string, string>
  outputs?: Record<string, string>
  strategy?: { matrix: unknown; 'fail-fast'?: boolean }
  steps: Step[]
}

export interface WorkflowInput {
  description?: string
  type: 'string' | 'boolean' | 'number'
  default?: string | boolean | number
  required?: boolean
}

export interface Workflow {
  on: {
    workflow_call: {
      inputs: Record<string, WorkflowInput>
      outputs?: Record<string, { value: string }>
    }
  }
  permissions?: Record<string, string>
  jobs: Record<string, Job>
}

export const loadWorkflow = (path: string): Workflow =>
  parse(readFileSync(path, 'utf8')) as Workflow

/** A job's or a step's status functions, as the runner answers them. */
export interface Status {
  failed: boolean
  cancelled?: boolean
}

type FunctionDefinition =
  NonNullable<ConstructorParameters<typeof Evaluator>[2]> extends Map<string, infer F> ? F : never

const CONTEXTS = [
  'inputs',
  'needs',
  'matrix',
  'steps',
  'strategy',
  'github',
  'env',
  'runner',
  'job',
]

function functions(status: Status): Map<string, FunctionDefinition> {
  const fn = (name: string, v: () => boolean): [string, FunctionDefinition] => [
    name,
    { name, minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(v()) },
  ]
  return new Map([
    fn('always', () => true),
    fn('success', () => !status.failed && !status.cancelled),
    fn('failure', () => status.failed),
    fn('cancelled', () => Boolean(status.cancelled)),
  ])
}

/** One expression's value, as plain data. */
export function evaluate(
  expression: string,
  context: Record<string, unknown>,
  status: Status = { failed: false },
): unknown {
  const tokens = new Lexer(expression).lex().tokens
  const fns = functions(status)
  const expr = new Parser(tokens, CONTEXTS, [...fns.values()]).parse()
  const ctx = JSON.parse(JSON.stringify(context), data.reviver) as data.Dictionary
  const result = new Evaluator(expr, ctx, fns).evaluate() as data.ExpressionData | undefined
  // A missing property is null to the runner.
  return result === undefined
    ? null
    : (JSON.parse(JSON.stringify(result, data.replacer)) as unknown)
}

const WHOLE = /^\s*\$\{\{([\s\S]*)\}\}\s*$/

/**
 * A value of the YAML with its expressions replaced: a value that is one expression keeps the
 * expression's type (an array for runs-on, an object for a matrix); text around expressions
 * makes a string, as the runner does.
 */
export function interpolate(value: unknown, context: Record<string, unknown>): unknown {
  if (typeof value !== 'string') return value
  const whole = WHOLE.exec(value)
  if (whole && !whole[1]!.includes('}}')) return evaluate(whole[1]!, context)
  return value.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, e: string) => {
    const v = evaluate(e, context)
    return v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v)
  })
}

/** A step's inputs as the runner passes them to an action (INPUT_*): strings. */
export function stepInputs(step: Step, context: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(step.with ?? {})) {
    const value = interpolate(v, context)
    out[k] = value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value)
  }
  return out
}

/** A job's or a step's env, evaluated. */
export function envOf(
  env: Record<string, string> | undefined,
  context: Record<string, unknown>,
): Record<string, string> {
  return stepInputs({ with: env ?? {} }, context)
}

/** A job's or step's `if:`, which is an expression with or without ${{ }}. */
export function condition(
  text: string | undefined,
  context: Record<string, unknown>,
  status: Status,
): boolean {
  if (text === undefined) return !status.failed && !status.cancelled
  const e = WHOLE.exec(text)?.[1] ?? text
  // No status function: success() is implied, as the runner does.
  const implied = /\b(always|success|failure|cancelled)\(\)/.test(e) ? e : `success() && (${e})`
  return Boolean(evaluate(implied, context, status))
}

/**
 * The steps context of a job: every step of it, with the outputs of those that ran (a step that
 * did not run has none, as on the runner).
 */
export function stepsContext(
  job: Job,
  ran: Record<string, Record<string, string>> = {},
): Record<string, { outputs: Record<string, string> }> {
  return Object.fromEntries(
    job.steps.filter((s) => s.id).map((s) => [s.id!, { outputs: ran[s.id!] ?? {} }]),
  )
}

/** The step of a job with this id. */
export function step(job: Job, id: string): Step {
  const s = job.steps.find((x) => x.id === id)
  if (!s) throw new Error(`the job has no step with id ${id}`)
  return s
}

/** The inputs' defaults, overridden by what the caller gives (its `with:`). */
export function callerInputs(
  wf: Workflow,
  given: Record<string, string | boolean | number>,
): Record<string, string | boolean | number> {
  const out: Record<string, string | boolean | number> = {}
  for (const [k, i] of Object.entries(wf.on.workflow_call.inputs))
    out[k] = given[k] ?? i.default ?? (i.type === 'boolean' ? false : '')
  return out
}

/**
 * What a runner sets for a job of the pull request in __fixtures__/events/pull_request.json
 * (acme/ml-service #42) against the API at `api`; the event payload is written to `eventPath`.
 */
export function pullRequestJobEnv(
  api: string,
  eventPath: string,
  extra: Record<string, string>,
): Record<string, string> {
  cpSync(fixturePath('events/pull_request.json'), eventPath)
  return {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_API_URL: api,
    GITHUB_REPOSITORY: 'acme/ml-service',
    GITHUB_RUN_ATTEMPT: '1',
    ...extra,
  }
}
