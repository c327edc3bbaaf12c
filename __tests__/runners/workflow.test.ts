import {
  convertWorkflowTemplate,
  NoOperationTraceWriter,
  parseWorkflow,
} from '@actions/workflow-parser'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { CHECK_OPTIONS, REPORT_OPTIONS, RUNNER_OPTIONS } from '../../src/config/lists.js'
import { OPTIONS, type OptionSpec } from '../../src/config/table.js'
import { planOutputs } from '../../src/runners/modes.js'
import { planFromInputs } from '../../src/config/runners.js'
import {
  callerInputs,
  condition,
  evaluate,
  interpolate,
  loadWorkflow,
  step,
  stepInputs,
  stepsContext,
} from '../support/workflow.js'

// The reusable workflow (.github/workflows/check.yml) against GitHub's workflow schema, through
// GitHub's own parser (@actions/workflow-parser: actionlint's releases are not on a package
// registry this project can reach), and against the option table: an input added to the
// action and not to the workflow, or passed by one step and not another, fails here.

const ROOT = new URL('../../', import.meta.url)
const read = (file: string): string => readFileSync(new URL(file, ROOT), 'utf8')
const WORKFLOW = '.github/workflows/check.yml'
const EXAMPLE = 'examples/workflows/tensorflow.yml'
const ACTION = 'tf-multiarch-check/tf-multiarch-check@v1'
const wf = loadWorkflow(new URL(WORKFLOW, ROOT).pathname)

/** The action's inputs that the workflow does not take: its own modes' and the token. */
const NOT_WORKFLOW_INPUTS: Record<string, string> = {
  mode: 'the workflow sets each step its mode',
  results: 'the report job names the downloaded results',
  'github-token': "the jobs use the workflow's token, with each job's own permissions",
  builder: 'a builder lives in a job; setup-buildx makes one in each check job',
}
const WORKFLOW_ONLY = ['setup-buildx', 'report']

async function schemaErrors(file: string): Promise<string[]> {
  const parsed = parseWorkflow({ name: file, content: read(file) }, new NoOperationTraceWriter())
  const errors = parsed.context.errors.getErrors().map((e) => e.message)
  const template = await convertWorkflowTemplate(parsed.context, parsed.value!)
  return [...errors, ...(template.errors ?? []).map((e) => e.Message)]
}

describe('the reusable workflow', () => {
  it("is a valid workflow to GitHub's parser, as is the README's caller", async () => {
    expect(await schemaErrors(WORKFLOW)).toEqual([])
    expect(await schemaErrors(EXAMPLE)).toEqual([])
    // The parser is not lenient: a misspelt key fails it.
    const bad = read(WORKFLOW).replace('runs-on: ubuntu-24.04', 'run-on: ubuntu-24.04')
    const parsed = parseWorkflow({ name: 'bad.yml', content: bad }, new NoOperationTraceWriter())
    expect(
      parsed.context.errors
        .getErrors()
        .map((e) => e.message)
        .join('\n'),
    ).toMatch(/run-on/)
  })

  it('takes every input of the action but its own modes, with the same defaults', () => {
    const inputs = wf.on.workflow_call.inputs
    const table = Object.values(OPTIONS as Record<string, OptionSpec>).filter((o) => o.input)
    const expected = table.map((o) => o.input!).filter((n) => !(n in NOT_WORKFLOW_INPUTS))
    expect(Object.keys(inputs).sort()).toEqual([...expected, ...WORKFLOW_ONLY].sort())
    for (const o of table.filter((x) => x.input! in inputs)) {
      expect(inputs[o.input!]!.type, o.input!).toBe('string')
      expect(String(inputs[o.input!]!.default ?? ''), `default of ${o.input}`).toBe(o.default)
    }
  })

  it('passes every check input to each check step, and the report options to the report', () => {
    // A job checks its own platforms, and requires those of them that the call requires.
    const own = ['platforms', 'required-platforms']
    const passes = (jobId: string, stepId: string, names: readonly string[], mine = own): void => {
      const s = step(wf.jobs[jobId]!, stepId)
      expect(s.uses, `${jobId}.${stepId}`).toBe(ACTION)
      for (const name of names.filter((n) => !(n in NOT_WORKFLOW_INPUTS) && !mine.includes(n)))
        expect(s.with?.[name], `${jobId}.${stepId} passes ${name}`).toBe(`\${{ inputs.${name} }}`)
      for (const name of mine)
        expect(s.with?.[name], `${jobId}.${stepId} sets ${name}`).toBeTruthy()
    }
    passes('check', 'tf', CHECK_OPTIONS)
    passes('host', 'tf', CHECK_OPTIONS)
    passes('host', 'watch', [...CHECK_OPTIONS, ...RUNNER_OPTIONS], [])
    // The report posts what the call asks, unless it asks for no report.
    const report = step(wf.jobs.report!, 'report')
    for (const name of REPORT_OPTIONS.filter((n) => !(n in NOT_WORKFLOW_INPUTS)))
      expect(String(report.with?.[name]), `report passes ${name}`).toMatch(
        new RegExp(
          `^\\$\\{\\{ (inputs\\.report && )?inputs\\.${name}( \\|\\| '(off|false)')? \\}\\}$`,
        ),
      )
    // Every action step is the action of this repository, at the major of this file.
    const uses = Object.values(wf.jobs).flatMap((j) => j.steps.map((s) => s.uses ?? ''))
    expect(uses.filter((u) => u.startsWith('tf-multiarch-check/'))).toEqual(
      Array(5).fill(ACTION) as string[],
    )
  })

  it('gives each job the least permissions it needs, and none at the top', () => {
    expect(wf.permissions).toEqual({})
    expect(wf.jobs.plan!.permissions).toEqual({})
    expect(wf.jobs.check!.permissions).toEqual({ contents: 'read' })
    expect(wf.jobs.host!.permissions).toEqual({ contents: 'read', actions: 'read' })
    expect(wf.jobs.report!.permissions).toEqual({
      contents: 'read',
      'pull-requests': 'write',
      statuses: 'write',
    })
    // No check job keeps the token in the checkout's git config, where a build could read it.
    for (const id of ['check', 'host']) {
      const checkout = wf.jobs[id]!.steps.find((s) => s.uses?.startsWith('actions/checkout@'))
      expect(checkout?.with?.['persist-credentials'], id).toBe(false)
    }
  })

  it("names the jobs as the plan does, so that the watch finds them by the API's names", () => {
    const plan = planFromInputs({
      platforms: 'linux/amd64,linux/arm64,linux/arm/v7',
      runners: 'linux/amd64=ubuntu-24.04\nlinux/arm64=self-hosted linux ARM64',
      required: null,
    })
    const outputs = planOutputs(plan, '{}')
    const needs = { plan: { result: 'success', outputs } }
    const matrix = evaluate('fromJSON(needs.plan.outputs.matrix)', { needs }) as {
      include: Record<string, unknown>[]
    }
    expect(matrix.include).toHaveLength(1)
    const row = matrix.include[0]!
    expect(interpolate(wf.jobs.check!.name, { needs, matrix: row })).toBe(
      'check (self-hosted linux ARM64)',
    )
    expect(interpolate(wf.jobs.check!['runs-on'], { needs, matrix: row })).toEqual([
      'self-hosted',
      'linux',
      'ARM64',
    ])
    expect(interpolate(wf.jobs.host!.name, { needs })).toBe('check (ubuntu-24.04)')
    expect(interpolate(wf.jobs.host!['runs-on'], { needs })).toEqual(['ubuntu-24.04'])
    const inputs = callerInputs(wf, {})
    const steps = stepsContext(wf.jobs.host!)
    const host = stepInputs(step(wf.jobs.host!, 'tf'), { inputs, needs, steps })
    // arm/v7 has no runner: it is checked under QEMU on linux/amd64's.
    expect(host.platforms).toBe('linux/amd64,linux/arm/v7')
    expect(host.builder).toBe('')
    const check = { inputs, needs, matrix: row, steps: stepsContext(wf.jobs.check!) }
    expect(stepInputs(step(wf.jobs.check!, 'tf'), check).platforms).toBe('linux/arm64')
  })

  it('never skips the report job, whose conclusion a branch rule can require', () => {
    const report = wf.jobs.report!
    const failedPlan = {
      needs: { plan: { result: 'failure', outputs: {} }, host: { result: 'skipped' } },
    }
    // GitHub counts a skipped job as passed: the report runs, and fails, when the plan failed.
    expect(condition(report.if, failedPlan, { failed: true })).toBe(true)
    expect(interpolate(report['runs-on'], failedPlan)).toBe('ubuntu-24.04')
    expect(report.steps[0]!.run).toMatch(/exit 1$/)
    // (Its steps' status is the job's own: nothing failed before its first step.)
    expect(condition(report.steps[0]!.if, failedPlan, { failed: false })).toBe(true)
    // With report: false it posts nothing, and still fails on a required platform.
    const quiet = { inputs: callerInputs(wf, { report: false }), needs: {} }
    const posted = stepInputs(step(report, 'report'), quiet)
    expect([posted.comment, posted.statuses, posted.suggestions]).toEqual(['off', 'false', 'off'])
    const loud = stepInputs(step(report, 'report'), { ...quiet, inputs: callerInputs(wf, {}) })
    expect([loud.comment, loud.statuses, loud.suggestions]).toEqual(['auto', 'true', 'auto'])
    // Not on a cancelled run.
    expect(condition(report.if, failedPlan, { failed: false, cancelled: true })).toBe(false)
  })

  it("is the README's first workflow example, called from the file the tests use", () => {
    const readme = read('README.md')
    const first = /```yaml\n([\s\S]*?)```/.exec(
      readme.slice(readme.indexOf('## Use it in a workflow')),
    )
    expect(first?.[1]).toBe(read(EXAMPLE))
    const caller = parse(read(EXAMPLE)) as { jobs: Record<string, { uses?: string }> }
    expect(Object.values(caller.jobs)[0]!.uses).toBe(
      'tf-multiarch-check/tf-multiarch-check/.github/workflows/check.yml@v1',
    )
  })
})
