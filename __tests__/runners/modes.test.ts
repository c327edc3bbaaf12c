import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Results } from '../../src/results/types.js'
import { runAction } from '../e2e/runner.js'
import { fixturePath } from '../support/fixtures.js'
import { GitHubStub } from '../support/github-server.js'
import { pullRequestJobEnv } from '../support/workflow.js'

// The action's plan and watch modes as processes, as the reusable workflow's steps run them,
// on the loopback API and without Docker: the plan's outputs, bad input, the watch without
// actions: read, and a runner that never starts with emulate: never, through to the report.

const TOKEN = 'ghs_FAKEtokenFORtests0123456789abcdef'
let stub: GitHubStub
let workspace: string

beforeEach(async () => {
  stub = await new GitHubStub().start()
  workspace = mkdtempSync(join(tmpdir(), 'tfmc-modes-'))
  writeFileSync(
    join(workspace, 'Dockerfile'),
    'FROM python:3.11-slim\nRUN pip install tensorflow\n',
  )
})
afterEach(() => stub.stop())

function env(): Record<string, string> {
  const event = join(workspace, '..', `${workspace.split('/').pop()}-event.json`)
  return pullRequestJobEnv(stub.url, event, {
    GITHUB_RUN_ID: '555',
    RUNNER_NAME: 'GitHub Actions 7',
    TFMC_RUNNER_LABEL: 'ubuntu-24.04',
  })
}

describe('plan mode', () => {
  it("prints the check jobs' matrix and the host job", async () => {
    const res = await runAction(
      { mode: 'plan', platforms: 'linux/amd64,linux/arm64,linux/arm/v7' },
      { cwd: workspace, env: env() },
    )
    expect(res.code, res.stdout).toBe(0)
    expect(JSON.parse(res.outputs.matrix!)).toEqual({
      include: [
        {
          id: 'ubuntu-24.04-arm',
          name: 'check (ubuntu-24.04-arm)',
          'runs-on': ['ubuntu-24.04-arm'],
          platforms: 'linux/arm64',
          required: 'linux/arm64',
        },
      ],
    })
    expect(JSON.parse(res.outputs.host!)).toMatchObject({
      platforms: 'linux/amd64,linux/arm/v7',
    })
    expect(res.outputs['required-platforms']).toBe('linux/amd64,linux/arm64,linux/arm/v7')
    expect(stub.requests).toEqual([])
  })

  it('refuses a runner map it cannot read, naming the input and the fix', async () => {
    const res = await runAction(
      { mode: 'plan', runners: 'linux/arm64 ubuntu-24.04-arm' },
      { cwd: workspace, env: env() },
    )
    expect(res.code).toBe(1)
    expect(res.stdout).toMatch(
      /::error::runners: 'linux\/arm64 ubuntu-24.04-arm' has no '='; each entry maps a platform to a runner, e.g. linux\/arm64=ubuntu-24.04-arm/,
    )
    expect(res.outputs.matrix).toBeUndefined()
  })
})

describe('watch mode', () => {
  it('says which permission it lacks when the API refuses the run’s jobs', async () => {
    stub.fault({ method: 'GET', path: /\/actions\/runs\/555\/jobs$/, status: 403, times: 5 })
    const res = await runAction(
      { mode: 'watch', 'github-token': TOKEN },
      { cwd: workspace, env: env() },
    )
    expect(res.code).toBe(1)
    expect(res.stdout).toMatch(
      /::error::listing this run's jobs was refused \(403\): the watch needs actions: read \(the job that calls the workflow must grant it\)/,
    )
  })

  it('reports a platform whose runner never started as unchecked, and the report fails it', async () => {
    stub.runJobs = [
      {
        name: 'tensorflow / check (ubuntu-24.04)',
        status: 'in_progress',
        conclusion: null,
        runner_name: 'GitHub Actions 7',
        steps: [{}],
      },
      {
        name: 'tensorflow / check (ubuntu-24.04-arm)',
        status: 'completed',
        conclusion: 'failure',
        runner_name: null,
        steps: [],
      },
    ]
    const watch = await runAction(
      { mode: 'watch', emulate: 'never', 'github-token': TOKEN },
      { cwd: workspace, env: env() },
    )
    expect(watch.code, watch.stdout).toBe(0)
    expect(watch.outputs['unstarted-platforms']).toBe('linux/arm64')
    expect(watch.outputs['fallback-platforms']).toBe('')
    // No comment and no status from the watch: the report posts.
    expect(stub.comments.size + stub.statuses.length).toBe(0)

    // The report job: the amd64 job's results and the watch's.
    const amd64 = JSON.parse(readFileSync(fixturePath('results/tf-app.json'), 'utf8')) as Results
    amd64.platforms = amd64.platforms.filter((p) => p.platform === 'linux/amd64')
    for (const [dir, text] of [
      ['host-check', JSON.stringify(amd64)],
      ['host-watch', readFileSync(watch.outputs['results-file']!, 'utf8')],
    ] as const) {
      mkdirSync(join(workspace, 'results', dir), { recursive: true })
      writeFileSync(join(workspace, 'results', dir, 'results.json'), text)
    }
    const report = await runAction(
      {
        mode: 'report',
        results: 'results/**/results.json',
        'required-platforms': 'linux/amd64,linux/arm64',
        'github-token': TOKEN,
      },
      { cwd: workspace, env: env() },
    )
    expect(report.code).toBe(1)
    expect(report.outputs.passed).toBe('false')
    const body = stub.comments.get(42)![0]!.body
    expect(body).toMatch(/\| `linux\/arm64` \| – \|/)
    expect(body).toContain('runner-unavailable')
    expect(body).toContain(
      'GitHub ended its job (failure) before any runner labelled ubuntu-24.04-arm took it',
    )
    expect(stub.statuses.map((s) => `${s.context}=${s.state}`)).toEqual([
      'tf-multiarch-check / linux/amd64=success',
      'tf-multiarch-check / linux/arm64=error',
    ])
  })
})
