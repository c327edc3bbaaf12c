import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Results } from '../src/results/types.js'
import { runAction } from './e2e/runner.js'
import { fixturePath } from './support/fixtures.js'
import { GitHubStub } from './support/github-server.js'

// The bundled action run as a process, the way the runner runs it, without Docker: report mode
// and the inputs refused before any Docker work; real event payloads, results files as
// artifacts would be downloaded, and the loopback API.

const TOKEN = 'ghs_FAKEtokenFORtests0123456789abcdef'
let stub: GitHubStub
let workspace: string

beforeEach(async () => {
  stub = await new GitHubStub().start()
  workspace = mkdtempSync(join(tmpdir(), 'tfmc-ws-'))
})
afterEach(() => stub.stop())

/** Lays out results files as actions/download-artifact would: one folder per job. */
function artifacts(files: Record<string, Results | string>): void {
  for (const [dir, content] of Object.entries(files)) {
    mkdirSync(join(workspace, 'results', dir), { recursive: true })
    writeFileSync(
      join(workspace, 'results', dir, 'results.json'),
      typeof content === 'string' ? content : JSON.stringify(content),
    )
  }
}

function fixture(name: string): Results {
  return JSON.parse(readFileSync(fixturePath(`results/${name}.json`), 'utf8')) as Results
}

function env(event: string, payload: string): Record<string, string> {
  const path = join(workspace, 'event.json')
  cpSync(fixturePath(`events/${payload}.json`), path)
  return {
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: path,
    GITHUB_API_URL: stub.url,
    GITHUB_REPOSITORY: 'acme/ml-service',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '555',
    GITHUB_SHA: '9999999999999999999999999999999999999999',
  }
}

function matrixResults(): { amd64: Results; arm64: Results } {
  // Two jobs of a native-runner matrix, each with its own platform.
  const both = fixture('tensorflow-cpu')
  const amd64 = {
    ...both,
    platforms: [{ ...both.platforms[0]!, emulated: false }],
    createdAt: '2026-11-21T08:00:00.000Z',
  }
  const arm64 = {
    ...both,
    platforms: [{ ...both.platforms[1]!, emulated: false, required: true }],
    passed: false,
    createdAt: '2026-11-21T08:01:00.000Z',
  }
  return { amd64, arm64 }
}

describe('the action as a process, without Docker: report mode and bad input', () => {
  it('merges a native-runner matrix into one comment and statuses on the PR head, and fails on a required platform', async () => {
    const { amd64, arm64 } = matrixResults()
    artifacts({ 'results-linux-amd64': amd64, 'results-linux-arm64': arm64 })
    const res = await runAction(
      { mode: 'report', results: 'results/**/results.json', 'github-token': TOKEN },
      { cwd: workspace, env: env('pull_request', 'pull_request') },
    )
    expect(res.code, res.stdout).toBe(1)
    expect(res.stdout).toMatch(/::error::TensorFlow check failed on linux\/arm64/)
    expect(stub.statuses.map((s) => [s.sha, s.context, s.state])).toEqual([
      ['a1b2c3d4e5f60718293a4b5c6d7e8f9012345678', 'tf-multiarch-check / linux/amd64', 'success'],
      ['a1b2c3d4e5f60718293a4b5c6d7e8f9012345678', 'tf-multiarch-check / linux/arm64', 'failure'],
    ])
    const comments = stub.comments.get(42) ?? []
    expect(comments).toHaveLength(1)
    expect(comments[0]!.body).toContain('TensorFlow fails on linux/arm64')
    expect(comments[0]!.body).toContain('https://github.com/acme/ml-service/actions/runs/555')
    expect(res.summary).toContain('| `linux/arm64` | native |')
    expect(JSON.parse(res.outputs.results!).platforms).toHaveLength(2)
    // The token went to the API and nowhere else.
    expect(stub.requests.every((r) => r.authorization === `token ${TOKEN}`)).toBe(true)
    // The one place it may appear is the runner's own masking command, which the runner
    // consumes and never shows.
    const logged = res.stdout
      .split('\n')
      .filter((l) => l !== `::add-mask::${TOKEN}`)
      .join('\n')
    expect(res.stdout).toContain(`::add-mask::${TOKEN}`)
    for (const text of [
      logged,
      res.stderr,
      res.summary,
      JSON.stringify(res.outputs),
      JSON.stringify(res.state),
    ]) {
      expect(text).not.toContain(TOKEN)
    }
  })

  it('annotates the lines a diagnosis points at: errors for a platform, warnings for every platform', async () => {
    const { amd64, arm64 } = matrixResults()
    const located = (id: string, file: string, line: number) => ({
      id,
      title: `title of ${id}`,
      detail: `detail of ${id}.`,
      fix: `fix of ${id}.`,
      file,
      line,
    })
    arm64.platforms[0]!.diagnoses = [located('no-wheel-for-platform', 'requirements.txt', 2)]
    arm64.diagnoses = [located('exec-form-shell', 'Dockerfile', 9)]
    artifacts({ a: amd64, b: arm64 })
    const res = await runAction(
      { mode: 'report', results: 'results/**/results.json', comment: 'off', statuses: 'false' },
      { cwd: workspace, env: env('pull_request', 'pull_request') },
    )
    expect(res.stdout).toContain(
      '::error title=tf-multiarch-check%3A title of no-wheel-for-platform (no-wheel-for-platform),file=requirements.txt,line=2::linux/arm64: detail of no-wheel-for-platform. Fix: fix of no-wheel-for-platform.',
    )
    expect(res.stdout).toContain(
      '::warning title=tf-multiarch-check%3A title of exec-form-shell (exec-form-shell),file=Dockerfile,line=9::detail of exec-form-shell. Fix: fix of exec-form-shell.',
    )
  })

  it('a platform present twice keeps the newer result', async () => {
    const { amd64, arm64 } = matrixResults()
    const rerun = {
      ...arm64,
      platforms: [{ ...fixture('tf-app').platforms[1]!, emulated: false }],
      passed: true,
      createdAt: '2026-11-21T09:00:00.000Z',
    }
    artifacts({ a: amd64, b: arm64, c: rerun })
    const res = await runAction(
      { mode: 'report', results: 'results/**/results.json', 'github-token': TOKEN },
      { cwd: workspace, env: env('pull_request', 'pull_request') },
    )
    expect(res.code, res.stdout).toBe(0)
    expect(res.outputs.passed).toBe('true')
  })

  it('a fork PR reported from workflow_run: PR and SHA from the triggering run, not from the files', async () => {
    const tampered = fixture('venv-not-on-path')
    ;(tampered as Results & { sha: string }).sha = 'deadbeef'.repeat(5)
    artifacts({ 'tf-results': tampered })
    stub.pulls = [
      {
        number: 7,
        head: {
          sha: 'feedfacefeedfacefeedfacefeedfacefeedface',
          ref: 'arm64-fix',
          label: 'outsider:arm64-fix',
        },
      },
    ]
    const res = await runAction(
      { mode: 'report', results: 'results/**/results.json', 'github-token': TOKEN },
      { cwd: workspace, env: env('workflow_run', 'workflow_run_fork') },
    )
    expect(res.code).toBe(1)
    expect(stub.statuses.every((s) => s.sha === 'feedfacefeedfacefeedfacefeedfacefeedface')).toBe(
      true,
    )
    expect(stub.comments.get(7)).toHaveLength(1)
    expect(stub.comments.get(7)![0]!.body).toContain(
      'https://github.com/acme/ml-service/actions/runs/30433642',
    )
  })

  it("a fork PR reported from workflow_run gets the results file's fixes as suggested changes on its head commit", async () => {
    const fix = {
      diagnoses: ['macos-only-package'],
      platforms: null,
      summary: 'tensorflow-macos -> tensorflow',
      hunks: [
        {
          file: 'requirements.txt',
          startLine: 1,
          endLine: 1,
          original: ['tensorflow-macos'],
          replacement: ['tensorflow'],
        },
      ],
    }
    // The second fix names a line the PR does not show with that text: it stays in the comment.
    const elsewhere = { ...fix, hunks: [{ ...fix.hunks[0]!, original: ['numpy'] }] }
    artifacts({ 'tf-results': { ...fixture('tensorflow-macos'), fixes: [fix, elsewhere] } })
    const head = 'feedfacefeedfacefeedfacefeedfacefeedface'
    stub.pulls = [{ number: 7, head: { sha: head, ref: 'arm64-fix', label: 'outsider:arm64-fix' } }]
    stub.pullFiles.set(7, [
      { filename: 'requirements.txt', status: 'added', patch: '@@ -0,0 +1 @@\n+tensorflow-macos' },
    ])
    const res = await runAction(
      { mode: 'report', results: 'results/**/results.json', 'github-token': TOKEN },
      { cwd: workspace, env: env('workflow_run', 'workflow_run_fork') },
    )
    expect(res.code).toBe(1)
    expect(stub.reviews).toMatchObject([{ pull: 7, event: 'COMMENT', commit_id: head }])
    // The pull request was looked up once, for the comment and the suggestions alike.
    expect(stub.requests.filter((r) => /\/pulls\?/.test(r.path))).toHaveLength(1)
    const [c, ...more] = stub.reviewComments.get(7)!
    expect(more).toHaveLength(0)
    expect([c!.path, c!.line]).toEqual(['requirements.txt', 1])
    expect(c!.body).toContain('```suggestion\ntensorflow\n```')
    expect(stub.comments.get(7)![0]!.body).toContain('-numpy\n+tensorflow')
  })

  it('a results file whose fix names a path outside the repository is refused before anything is posted', async () => {
    const bad = {
      diagnoses: ['macos-only-package'],
      platforms: null,
      summary: 'x',
      hunks: [
        {
          file: '../../.github/workflows/ci.yml',
          startLine: 1,
          endLine: 1,
          original: ['a'],
          replacement: ['b'],
        },
      ],
    }
    artifacts({ r: { ...fixture('tf-app'), fixes: [bad] } })
    const res = await runAction(
      { mode: 'report', results: 'results/**/results.json', 'github-token': TOKEN },
      { cwd: workspace, env: env('pull_request', 'pull_request') },
    )
    expect(res.code).toBe(1)
    expect(res.stdout).toMatch(
      /fixes\[0\]\.hunks\[0\]\.file '..\/..\/.github\/workflows\/ci.yml' is not a path inside the repository/,
    )
    expect(stub.requests).toHaveLength(0)
  })

  it('a check on a fork PR with a read-only token warns once and keeps the verdict', async () => {
    artifacts({ r: fixture('tf-app') })
    stub.fault({
      method: 'POST',
      path: /\/statuses\//,
      status: 403,
      times: 9,
      body: { message: 'Resource not accessible by integration' },
    })
    stub.fault({
      method: 'POST',
      path: /\/comments$/,
      status: 403,
      times: 9,
      body: { message: 'Resource not accessible by integration' },
    })
    const res = await runAction(
      { mode: 'report', results: 'results/**/results.json', 'github-token': TOKEN },
      { cwd: workspace, env: env('pull_request', 'pull_request_fork') },
    )
    expect(res.code, res.stdout).toBe(0)
    expect(res.stdout.match(/::warning::/g)).toHaveLength(1)
    expect(res.stdout).toMatch(/::warning::.*comes from a fork/)
    expect(res.summary).toContain('TensorFlow builds, imports and trains')
  })

  it.each([
    ['a glob that matches nothing', {}, /results: 'results\/\*\*\/results\.json' matches no file/],
    [
      'a file that is not JSON',
      { x: '{ not json' },
      /results: results\/x\/results\.json is not JSON/,
    ],
    [
      'a file over the size cap',
      { x: `{"schemaVersion":1,"pad":"${'x'.repeat(5 * 1024 * 1024)}"}` },
      /results: results\/x\/results\.json is \d+ bytes, more than the 5242880 a results file may have; point results at/,
    ],
    [
      'another schemaVersion',
      { x: JSON.stringify({ schemaVersion: 2 }) },
      /schemaVersion is 2; this version reads schemaVersion 1/,
    ],
    [
      'a platform that is not one',
      {
        x: JSON.stringify({
          ...fixture('tf-app'),
          platforms: [{ ...fixture('tf-app').platforms[0], platform: 'linux/arm65' }],
        }),
      },
      /platforms\[0\]\.platform 'linux\/arm65' is not a platform/,
    ],
  ])('%s is a clear error and posts nothing', async (_name, files, message) => {
    artifacts(files as Record<string, string>)
    const res = await runAction(
      { mode: 'report', results: 'results/**/results.json', 'github-token': TOKEN },
      { cwd: workspace, env: env('pull_request', 'pull_request') },
    )
    expect(res.code).toBe(1)
    expect(res.stdout).toMatch(message)
    expect(stub.requests).toHaveLength(0)
  })

  it('a comment-header with markdown or HTML is refused before anything is posted', async () => {
    artifacts({ r: fixture('tf-app') })
    const res = await runAction(
      {
        mode: 'report',
        results: 'results/**/results.json',
        'github-token': TOKEN,
        'comment-header': '<b>x</b> -->',
      },
      { cwd: workspace, env: env('pull_request', 'pull_request') },
    )
    expect(res.code).toBe(1)
    expect(res.stdout).toMatch(/::error::comment-header: '<b>x<\/b> -->' may hold only letters/)
    expect(stub.requests).toHaveLength(0)
  })

  it('gpus OFF in report mode is off, whatever its case: nothing refused', async () => {
    artifacts({ r: fixture('tf-app') })
    const res = await runAction(
      { mode: 'report', results: 'results/**/results.json', 'github-token': TOKEN, gpus: 'OFF' },
      { cwd: workspace, env: env('pull_request', 'pull_request') },
    )
    expect(res.stdout).not.toMatch(/::error::gpus/)
    expect(stub.requests.length).toBeGreaterThan(0)
  })

  it.each(['all', 'ALL'])(
    'gpus %s in report mode is refused before anything is posted (no container runs there)',
    async (gpus) => {
      artifacts({ r: fixture('tf-app') })
      const res = await runAction(
        { mode: 'report', results: 'results/**/results.json', 'github-token': TOKEN, gpus },
        { cwd: workspace, env: env('pull_request', 'pull_request') },
      )
      expect(res.code).toBe(1)
      expect(res.stdout).toMatch(
        new RegExp(`::error::gpus: '${gpus}' asks for GPUs, and report mode runs no container`),
      )
      expect(stub.requests).toHaveLength(0)
    },
  )

  it.each([
    [{ platforms: 'linux/arm65' }, /::error::platforms: 'linux\/arm65' is not a platform/],
    [{ platforms: 'windows' }, /::error::platforms: 'windows' is not a platform/],
    [{ platforms: ',' }, /::error::platforms: the list is empty/],
    [{ context: 'nowhere' }, /::error::context: 'nowhere' is not a directory/],
    [{ context: 'app', file: 'app/Missing.Dockerfile' }, /::error::file: no Dockerfile at/],
    [{ context: 'app', file: 'app' }, /::error::file: 'app' is a directory, not a Dockerfile/],
    [{ context: 'app', 'build-args': 'TOKEN' }, /::error::build-args: 'TOKEN' is not KEY=value/],
    [{ context: 'app', 'timeout-minutes': '0' }, /::error::timeout-minutes: '0' is not a positive/],
    [{ context: 'app', 'timeout-minutes': '-3' }, /::error::timeout-minutes: '-3'/],
    [{ context: 'app', 'timeout-minutes': 'ten' }, /::error::timeout-minutes: 'ten'/],
    [{ context: 'app', memory: '1m' }, /::error::memory: '1m' is below Docker's minimum/],
    [
      { context: 'app', gpus: 'two' },
      /::error::gpus: 'two' has a count that is not all or N >= 1; use off, all/,
    ],
    [{ context: 'app', 'gpu-ready': 'yes' }, /::error::gpu-ready: 'yes' is not one of auto/],
  ])(
    'check mode with %j fails the step before Docker and posts nothing',
    async (inputs, message) => {
      mkdirSync(join(workspace, 'app'))
      writeFileSync(join(workspace, 'app', 'Dockerfile'), 'FROM python:3.11-slim\n')
      const res = await runAction(
        { ...inputs, 'github-token': TOKEN },
        // No docker on PATH: a check that got as far as Docker would say so.
        { cwd: workspace, env: { ...env('pull_request', 'pull_request'), PATH: '/nonexistent' } },
      )
      expect(res.code).toBe(1)
      expect(res.stdout).toMatch(message)
      expect(res.stdout).not.toMatch(/docker: the docker command was not found/)
      expect(res.outputs).toEqual({})
      expect(stub.requests).toHaveLength(0)
    },
  )

  it('an unknown mode is refused', async () => {
    const res = await runAction(
      { mode: 'deploy' },
      { cwd: workspace, env: env('pull_request', 'pull_request') },
    )
    expect(res.code).toBe(1)
    expect(res.stdout).toMatch(/::error::mode: 'deploy' is not a mode/)
  })
})
