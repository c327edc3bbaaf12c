import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { parse } from 'yaml'
import { GitHubStub } from '../support/github-server.js'
import {
  callerInputs,
  condition,
  envOf,
  interpolate,
  type Job,
  loadWorkflow,
  pullRequestJobEnv,
  step,
  stepInputs,
  stepsContext,
} from '../support/workflow.js'
import { describeOnce, run } from './helpers.js'
import { type ActionRun, ROOT, runAction } from './runner.js'

// The reusable workflow's jobs, run by the runner-faithful harness (runner.ts) step by step as
// the file says: each action step gets the inputs its `with:` evaluates to (GitHub's expression
// library), each job the needs and matrix the file gives it, the API is the loopback server.
// The run: the README's caller on the bundled example; linux/amd64 checked natively on its
// runner; the arm64 runner never takes its job (GitHub ends it, as it does a private
// repository's arm64 job without arm64 runners), so the host job checks linux/arm64 under QEMU
// in its place; the report merges both into the sticky comment and the statuses. The
// architecture does not matter to the report: one run, shared by every assertion.

const WORKFLOW = loadWorkflow(join(ROOT, '.github/workflows/check.yml'))
const CALLER = parse(readFileSync(join(ROOT, 'examples/workflows/tensorflow.yml'), 'utf8')) as {
  jobs: Record<string, { with?: Record<string, string> }>
}
const ACTION_YML = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>
}
const TOKEN = 'ghs_FAKEtokenFORtests0123456789abcdef'
const HOST_RUNNER = 'GitHub Actions 1000001'

let stub: GitHubStub
let workspace: string
let artifacts: string
const timings: Record<string, number> = {}
let report: ActionRun
let hostRun: { check: ActionRun; watch: ActionRun; imagesLeft?: string[] }

/** The action's inputs as the runner passes them: action.yml's defaults under the step's with. */
function actionInputs(given: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, i] of Object.entries(ACTION_YML.inputs))
    out[k] = k === 'github-token' ? TOKEN : (i.default ?? '')
  return { ...out, ...given }
}

function runnerEnv(extra: Record<string, string>): Record<string, string> {
  return pullRequestJobEnv(stub.url, join(workspace, '..', 'event.json'), {
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '777',
    GITHUB_SHA: '9999999999999999999999999999999999999999',
    ImageOS: 'ubuntu24',
    ImageVersion: '20261130.1',
    RUNNER_NAME: HOST_RUNNER,
    ...extra,
  })
}

async function timed<T>(name: string, f: () => Promise<T>): Promise<T> {
  const t = Date.now()
  try {
    return await f()
  } finally {
    timings[name] = Date.now() - t
  }
}

/** Uploads as actions/upload-artifact does: the files under their common parent folder. */
function upload(name: string, files: string[]): void {
  const present = files.filter(Boolean)
  const root = present.length === 1 ? dirname(present[0]!) : dirname(dirname(present[0]!))
  for (const f of present) {
    const to = join(artifacts, name, f.slice(root.length + 1))
    mkdirSync(dirname(to), { recursive: true })
    cpSync(f, to)
  }
}

/** Downloads as actions/download-artifact does with a pattern: a folder per artifact. */
function download(pattern: string, into: string): string[] {
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  )
  const names = readdirSync(artifacts).filter((n) => re.test(n))
  for (const n of names) cpSync(join(artifacts, n), join(into, n), { recursive: true })
  return names
}

describeOnce('the reusable workflow, run by the harness', () => {
  beforeAll(async () => {
    stub = await new GitHubStub().start()
    const base = mkdtempSync(join(tmpdir(), 'tfmc-wf-'))
    workspace = join(base, 'ml-service')
    artifacts = join(base, 'artifacts')
    mkdirSync(artifacts)
    // The caller's repository: the bundled example at its root (context '.').
    cpSync(join(ROOT, 'examples/tf-app'), workspace, { recursive: true })
    const inputs = callerInputs(WORKFLOW, Object.values(CALLER.jobs)[0]!.with ?? {})
    const jobs = WORKFLOW.jobs
    const started = Date.now()

    // plan
    const planStep = step(jobs.plan!, 'plan')
    const plan = await timed('plan', () =>
      runAction(actionInputs(stepInputs(planStep, { inputs })), {
        cwd: workspace,
        env: runnerEnv(envOf(planStep.env, { inputs })),
      }),
    )
    expect(plan.code, plan.stderr).toBe(0)
    const needs = { plan: { result: 'success', outputs: plan.outputs } }
    const matrix = interpolate(jobs.check!.strategy!.matrix, { needs }) as {
      include: Record<string, unknown>[]
    }
    expect(condition(jobs.check!.if, { inputs, needs }, { failed: false })).toBe(true)
    expect(matrix.include).toHaveLength(1)
    const arm = matrix.include[0]!
    // The arm64 job: GitHub ended it without a runner ever taking it.
    stub.runJobs = [
      {
        name: `tensorflow / ${String(interpolate(jobs.host!.name, { needs }))}`,
        status: 'in_progress',
        conclusion: null,
        runner_name: HOST_RUNNER,
        created_at: new Date(started).toISOString(),
        steps: [{ name: 'Set up job' }],
      },
      {
        name: `tensorflow / ${String(interpolate(jobs.check!.name, { needs, matrix: arm }))}`,
        status: 'completed',
        conclusion: 'failure',
        runner_name: null,
        labels: arm['runs-on'],
        created_at: new Date(started).toISOString(),
        steps: [],
      },
    ]

    // host: its own platform (linux/amd64), then the watch and its fallback
    const host: Job = jobs.host!
    const jobEnv = envOf(host.env, { needs })
    const ctx = (ran: Record<string, Record<string, string>>) => ({
      inputs,
      needs,
      steps: stepsContext(host, ran),
    })
    expect(condition(step(host, 'tf').if, ctx({}), { failed: false })).toBe(true)
    const check = await timed('host check', () =>
      runAction(actionInputs(stepInputs(step(host, 'tf'), ctx({}))), {
        cwd: workspace,
        env: runnerEnv(jobEnv),
      }),
    )
    expect(check.code, check.stdout.slice(-3000)).toBe(0)
    const failed = check.code !== 0
    expect(condition(step(host, 'watch').if, ctx({ tf: check.outputs }), { failed })).toBe(true)
    const watch = await timed('host watch', () =>
      runAction(actionInputs(stepInputs(step(host, 'watch'), ctx({ tf: check.outputs }))), {
        cwd: workspace,
        env: runnerEnv(jobEnv),
      }),
    )
    expect(watch.code, watch.stdout.slice(-3000)).toBe(0)
    hostRun = { check, watch }
    const uploadStep = host.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!
    const upWith = stepInputs(uploadStep, ctx({ tf: check.outputs, watch: watch.outputs }))
    upload(
      upWith.name!,
      upWith.path!.split('\n').map((l) => l.trim()),
    )
    // The job's end: the runner runs the action steps' post steps, last first; they remove
    // the images their checks built.
    for (const [name, main] of [
      ['watch', watch],
      ['tf', check],
    ] as const) {
      const post = await runAction(actionInputs(stepInputs(step(host, name), ctx({}))), {
        cwd: workspace,
        env: runnerEnv(jobEnv),
        state: main.state,
      })
      expect(post.code, post.stdout).toBe(0)
    }
    hostRun.imagesLeft = (
      await run('docker', [
        'image',
        'ls',
        '--format',
        '{{.Repository}}:{{.Tag}}',
        'tf-multiarch-check',
      ])
    ).stdout
      .split('\n')
      .filter((t) => t.includes(':777-'))
    timings['host job'] = timings['host check']! + timings['host watch']!

    // report
    const r = jobs.report!
    expect(condition(r.if, { inputs, needs }, { failed: false })).toBe(true)
    expect(interpolate(r['runs-on'], { needs })).toEqual(['ubuntu-24.04'])
    // Its first step fails the job only when the plan did not succeed.
    expect(condition(r.steps[0]!.if, { needs }, { failed: false })).toBe(false)
    const results = join(base, 'report-ws')
    mkdirSync(results)
    const dl = r.steps.find((x) => x.uses?.startsWith('actions/download-artifact@'))!
    const got = download(
      String(stepInputs(dl, { inputs, needs }).pattern),
      join(results, 'results'),
    )
    expect(got).toHaveLength(1)
    report = await timed('report job', () =>
      runAction(actionInputs(stepInputs(step(r, 'report'), { inputs, needs })), {
        cwd: results,
        env: runnerEnv({}),
      }),
    )
    // The report job starts when the host job (the slowest here: it checked the fallback too)
    // has ended: its own time is all it adds.
    console.log(
      `workflow harness: plan ${timings.plan} ms; host job ${timings['host job']} ms ` +
        `(its check ${timings['host check']} ms, the watch with linux/arm64 under QEMU ` +
        `${timings['host watch']} ms); report job ${timings['report job']} ms after it`,
    )
    // For npm run bench:workflow, which runs this file.
    mkdirSync(join(ROOT, '.tfmc'), { recursive: true })
    writeFileSync(join(ROOT, '.tfmc', 'workflow-timings.json'), JSON.stringify(timings, null, 2))
  }, 60 * 60_000)

  afterAll(() => stub?.stop())

  it('checks linux/amd64 natively, and linux/arm64 under QEMU when its runner never starts', () => {
    expect(hostRun.check.outputs.passed).toBe('true')
    // Each step's post step removed the images its check built.
    expect(hostRun.imagesLeft).toEqual([])
    expect(hostRun.watch.outputs['fallback-platforms']).toBe('linux/arm64')
    expect(hostRun.watch.stdout).toMatch(
      /check \(ubuntu-24\.04-arm\) \(linux\/arm64\): never started: GitHub ended its job \(failure\) before any runner labelled ubuntu-24\.04-arm took it/,
    )
  })

  it('posts one comment that says where each platform ran, and a status per platform', () => {
    expect(report.code, report.stdout.slice(-3000)).toBe(0)
    expect(report.outputs.passed).toBe('true')
    const comments = [...stub.comments.values()].flat()
    expect(comments).toHaveLength(1)
    const body = comments[0]!.body
    console.log(`merged comment:\n${body}`)
    // The comment as it reads: markdown's escapes dropped.
    const text = body.replace(/\\([()[\]])/g, '$1')
    // In the order of platforms, though the fallback's file came first.
    expect(body).toMatch(
      /\| `linux\/amd64` \| native \|.*\n\| `linux\/arm64` \| QEMU \(fallback\) \|/,
    )
    expect(text).toMatch(
      /Checked linux\/amd64, linux\/arm64 \(QEMU [^;]+; in place of ubuntu-24\.04-arm: GitHub ended its job \(failure\) before any runner labelled ubuntu-24\.04-arm took it\) on ubuntu-24\.04 \(ubuntu24 20261130\.1\) with Docker Engine /,
    )
    const contexts = stub.statuses.map((s) => `${s.context}=${s.state}`).sort()
    expect(contexts).toEqual([
      'tf-multiarch-check / linux/amd64=success',
      'tf-multiarch-check / linux/arm64=success',
    ])
  })
})
