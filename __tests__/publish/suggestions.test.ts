import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ReportOptions } from '../../src/config/report.js'
import { fixesFor } from '../../src/fix/index.js'
import { createGitHub } from '../../src/github/client.js'
import { lintProject } from '../../src/lint/index.js'
import { parsePlatformList } from '../../src/platforms.js'
import { publish } from '../../src/publish/publish.js'
import { diffLines, suggestionBody } from '../../src/report/suggestions.js'
import type { FixEdit, Results } from '../../src/results/types.js'
import { validateResults } from '../../src/results/validate.js'
import { loadResultsFixture } from '../support/fixtures.js'
import { GitHubStub, PR_TARGET } from '../support/github-server.js'

// Suggested changes on the loopback GitHub API, through real Octokit: the PR's files with their
// patches and review comments in GitHub's shapes, on several pages; reviews validated as GitHub
// does (a comment's lines must be on the diff). The fixes come from the real static analysis of
// a project on disk.

vi.mock('@actions/core', async (orig) => {
  const real = await orig<typeof import('@actions/core')>()
  return { ...real, summary: { addRaw: () => ({ write: async () => undefined }) } }
})

const SHA = PR_TARGET.sha
const TARGET = PR_TARGET
const OPTS: ReportOptions = {
  mode: 'check',
  results: '',
  comment: 'auto',
  commentHeader: '',
  statuses: false,
  suggestions: 'auto',
}

let stub: GitHubStub
beforeEach(async () => {
  stub = await new GitHubStub().start()
})
afterEach(() => stub.stop())

const gh = () => createGitHub('ghs_test_token', { baseUrl: stub.url, warn: () => undefined })

/** A project on disk, linted and its fixes proven, as the check does. */
function fixesOf(files: Record<string, string>): FixEdit[] {
  const dir = mkdtempSync(join(tmpdir(), 'tfmc-suggest-'))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  const opts = {
    contextPath: dir,
    dockerfilePath: join(dir, 'Dockerfile'),
    dockerfile: 'Dockerfile',
    base: dir,
    buildArgs: [] as [string, string][],
    platforms: parsePlatformList('linux/amd64,linux/arm64'),
  }
  return fixesFor(opts, lintProject(opts, 'amd64'), 'amd64')
}

const DOCKERFILE =
  'FROM python:3.11-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n'
const REQS = 'numpy\ntensorflow-macos==2.16.2\npandas\n'
/** The PR adds requirements.txt: its patch as GitHub's files API gives it. */
const ADDED = '@@ -0,0 +1,3 @@\n+numpy\n+tensorflow-macos==2.16.2\n+pandas'

function results(fixes: FixEdit[]): Results {
  return { ...loadResultsFixture('tensorflow-macos'), fixes }
}

function pr(files: { filename: string; patch?: string }[]): void {
  stub.pullFiles.set(
    42,
    files.map((f) => ({ status: 'added', ...f })),
  )
}

const reviewCalls = () =>
  stub.requests.filter((r) => r.method === 'POST' && /reviews$/.test(r.path))
const ours = () => stub.reviewComments.get(42) ?? []

describe('suggested changes', () => {
  it('a PR that adds tensorflow-macos gets one review with a suggestion on that line; a re-run posts nothing', async () => {
    const fixes = fixesOf({ Dockerfile: DOCKERFILE, 'requirements.txt': REQS })
    pr([{ filename: 'requirements.txt', patch: ADDED }])
    const first = await publish(results(fixes), OPTS, TARGET, gh())
    expect(first.suggestions).toMatchObject({ posted: 1, kept: 0, removed: 0, outside: 0 })
    expect(stub.reviews).toHaveLength(1)
    expect(stub.reviews[0]).toMatchObject({ event: 'COMMENT', commit_id: SHA })
    expect(ours()).toHaveLength(1)
    const c = ours()[0]!
    expect([c.path, c.line, c.start_line]).toEqual(['requirements.txt', 2, null])
    expect(c.body).toContain('\n```suggestion\ntensorflow==2.16.2\n```')
    expect(c.body).toContain('`macos-only-package`')

    const again = await publish(results(fixes), OPTS, TARGET, gh())
    expect(again.suggestions).toMatchObject({ posted: 0, kept: 1, removed: 0 })
    expect(reviewCalls()).toHaveLength(1)
    expect(ours()).toHaveLength(1)
  })

  it('after the fix is committed, the stale suggestion is removed and nothing new is posted', async () => {
    const fixes = fixesOf({ Dockerfile: DOCKERFILE, 'requirements.txt': REQS })
    pr([{ filename: 'requirements.txt', patch: ADDED }])
    await publish(results(fixes), OPTS, TARGET, gh())
    // The suggestion was committed: GitHub marks the comment outdated, and the check finds nothing.
    const fixed = 'numpy\ntensorflow==2.16.2\npandas\n'
    pr([
      {
        filename: 'requirements.txt',
        patch: '@@ -0,0 +1,3 @@\n+numpy\n+tensorflow==2.16.2\n+pandas',
      },
    ])
    ours()[0]!.line = null
    expect(fixesOf({ Dockerfile: DOCKERFILE, 'requirements.txt': fixed })).toEqual([])
    const res = await publish(results([]), OPTS, TARGET, gh())
    expect(res.suggestions).toMatchObject({ posted: 0, kept: 0, removed: 1 })
    expect(ours()).toHaveLength(0)
    expect(reviewCalls()).toHaveLength(1)
  })

  it('a suggestion whose line moved is replaced by one where it now stands', async () => {
    const fixes = fixesOf({ Dockerfile: DOCKERFILE, 'requirements.txt': REQS })
    pr([{ filename: 'requirements.txt', patch: ADDED }])
    await publish(results(fixes), OPTS, TARGET, gh())
    const moved = fixesOf({ Dockerfile: DOCKERFILE, 'requirements.txt': `scipy\n${REQS}` })
    pr([
      {
        filename: 'requirements.txt',
        patch: `@@ -0,0 +1,4 @@\n+scipy\n${ADDED.split('\n').slice(1).join('\n')}`,
      },
    ])
    ours()[0]!.line = null
    const res = await publish(results(moved), OPTS, TARGET, gh())
    expect(res.suggestions).toMatchObject({ posted: 1, removed: 1 })
    expect(ours().map((c) => c.line)).toEqual([3])
  })

  it('a fix on lines outside the diff is no suggestion: it stays a fenced diff in the sticky comment', async () => {
    const fixes = fixesOf({
      Dockerfile: 'FROM python:3.11-slim-arm64\nRUN pip install tensorflow==2.21.0\n',
    })
    expect(fixes).toHaveLength(1)
    pr([{ filename: 'train.py', patch: '@@ -1 +1 @@\n-a\n+b' }])
    const res = await publish(results(fixes), OPTS, TARGET, gh())
    expect(res.suggestions).toMatchObject({ posted: 0, outside: 1 })
    expect(reviewCalls()).toHaveLength(0)
    const comment = stub.comments.get(42)![0]!.body
    expect(comment).toContain(
      '```diff\n@@ Dockerfile:1 @@\n-FROM python:3.11-slim-arm64\n+FROM python:3.11-slim\n```',
    )
  })

  it('a fix whose lines the diff shows with other text (a forged or stale results file) is not suggested', async () => {
    const fixes = fixesOf({ Dockerfile: DOCKERFILE, 'requirements.txt': REQS })
    pr([
      {
        filename: 'requirements.txt',
        patch: '@@ -0,0 +1,3 @@\n+numpy\n+tensorflow-macos==2.15.0\n+pandas',
      },
    ])
    const res = await publish(results(fixes), OPTS, TARGET, gh())
    expect(res.suggestions).toMatchObject({ posted: 0, outside: 1 })
  })

  it('a fix of two hunks is suggested as two comments of one review, each on its own lines only', async () => {
    const dockerfile =
      'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y python3-pip\nCOPY . .\nRUN pip install tensorflow==2.21.0\n'
    const fixes = fixesOf({ Dockerfile: dockerfile })
    expect(fixes[0]!.hunks).toHaveLength(2)
    pr([
      {
        filename: 'Dockerfile',
        patch: `@@ -0,0 +1,4 @@\n${dockerfile
          .trimEnd()
          .split('\n')
          .map((l) => `+${l}`)
          .join('\n')}`,
      },
    ])
    await publish(results(fixes), OPTS, TARGET, gh())
    expect(stub.reviews).toHaveLength(1)
    expect(ours().map((c) => [c.line, c.start_line])).toEqual([
      [2, null],
      [4, null],
    ])
    expect(ours()[1]!.body).toContain(
      '```suggestion\nRUN python3 -m venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nRUN pip install tensorflow==2.21.0\n```',
    )
    expect(ours()[0]!.body).toContain('Part 1 of 2 of one fix')
  })

  it('finds the PR file and our earlier suggestion on later pages', async () => {
    const fixes = fixesOf({ Dockerfile: DOCKERFILE, 'requirements.txt': REQS })
    pr([
      ...Array.from({ length: 130 }, (_, i) => ({
        filename: `data/${i}.txt`,
        patch: '@@ -0,0 +1 @@\n+x',
      })),
      { filename: 'requirements.txt', patch: ADDED },
    ])
    const others = Array.from({ length: 120 }, (_, i) => ({
      id: 5000 + i,
      pull_request_review_id: 1,
      body: `review note ${i}`,
      path: 'data/1.txt',
      commit_id: SHA,
      line: 1,
      start_line: null,
      side: 'RIGHT' as const,
      user: { login: 'reviewer' },
      html_url: 'https://github.test/x',
    }))
    stub.reviewComments.set(42, others)
    await publish(results(fixes), OPTS, TARGET, gh())
    expect(ours().filter((c) => c.user.login === 'github-actions[bot]')).toHaveLength(1)
    const again = await publish(results(fixes), OPTS, TARGET, gh())
    expect(again.suggestions).toMatchObject({ posted: 0, kept: 1 })
    const pages = stub.requests.filter((r) => r.method === 'GET' && /\/files/.test(r.path))
    expect(pages.length).toBe(4)
  })

  it('a token that may not review gives one warning, and the verdict and the comment stand', async () => {
    const fixes = fixesOf({ Dockerfile: DOCKERFILE, 'requirements.txt': REQS })
    pr([{ filename: 'requirements.txt', patch: ADDED }])
    stub.fault({
      method: 'POST',
      path: /\/reviews$/,
      status: 403,
      times: 5,
      body: { message: 'Resource not accessible by integration' },
    })
    const res = await publish(results(fixes), OPTS, TARGET, gh())
    expect(res.comment).toBe('created')
    expect(res.suggestions).toBeUndefined()
    expect(res.warnings).toHaveLength(1)
    expect(res.warnings[0]).toMatch(
      /could not post suggested changes: the token may not write suggested changes \(HTTP 403\)/,
    )
  })

  it('a fork PR: the comment is refused once, and no suggestion is even tried', async () => {
    const fixes = fixesOf({ Dockerfile: DOCKERFILE, 'requirements.txt': REQS })
    pr([{ filename: 'requirements.txt', patch: ADDED }])
    stub.fault({ method: 'POST', path: /\/comments$/, status: 403, times: 5 })
    const res = await publish(results(fixes), OPTS, { ...TARGET, fork: true }, gh())
    expect(res.warnings).toHaveLength(1)
    expect(res.warnings[0]).toMatch(/comes from a fork/)
    expect(stub.requests.filter((r) => /\/pulls\/42\//.test(r.path))).toHaveLength(0)
  })

  it('a token refused commit statuses (a 403 there) still posts its suggestions', async () => {
    const fixes = fixesOf({ Dockerfile: DOCKERFILE, 'requirements.txt': REQS })
    pr([{ filename: 'requirements.txt', patch: ADDED }])
    stub.fault({ method: 'POST', path: /\/statuses\//, status: 403, times: 5 })
    const res = await publish(results(fixes), { ...OPTS, statuses: true }, TARGET, gh())
    expect(res.warnings).toHaveLength(1)
    expect(res.warnings[0]).toMatch(/could not post commit statuses/)
    expect(res.suggestions).toMatchObject({ posted: 1 })
  })

  it('suggestions: off, or a push event: no review call at all', async () => {
    const fixes = fixesOf({ Dockerfile: DOCKERFILE, 'requirements.txt': REQS })
    pr([{ filename: 'requirements.txt', patch: ADDED }])
    await publish(results(fixes), { ...OPTS, suggestions: 'off' }, TARGET, gh())
    await publish(results(fixes), OPTS, { ...TARGET, event: 'push' }, gh())
    expect(stub.requests.filter((r) => /\/pulls\/42\//.test(r.path))).toHaveLength(0)
  })
})

describe('suggestion bodies and results files', () => {
  const fix: FixEdit = {
    diagnoses: ['exec-form-shell'],
    platforms: null,
    summary: 'run @octocat <img src=x> `now`',
    hunks: [
      {
        file: 'Dockerfile',
        startLine: 3,
        endLine: 3,
        original: ['CMD x'],
        replacement: ['CMD ["sh", "-c", "echo ```` done"]', '<!-- tf-multiarch-check -->'],
      },
    ],
  }

  it('cannot be left early: the fence is longer than any backticks in the lines; no mention, no HTML outside it', () => {
    const body = suggestionBody(fix, 0, '')
    expect(body).toContain(
      '\n`````suggestion\nCMD ["sh", "-c", "echo ```` done"]\n<!-- tf-multiarch-check -->\n`````',
    )
    const outside = body.split('`````suggestion')[0]!
    expect(outside).not.toMatch(/@octocat|<img/)
    expect(body.startsWith('<!-- tf-multiarch-check:suggestion ')).toBe(true)
  })

  it('reads the new side of a patch with its hunks', () => {
    const lines = diffLines('@@ -1,2 +1,2 @@\n a\n-b\n+c\n@@ -9 +9,2 @@\n x\n+y')
    expect([...lines]).toEqual([
      [1, { text: 'a', hunk: 0 }],
      [2, { text: 'c', hunk: 0 }],
      [9, { text: 'x', hunk: 1 }],
      [10, { text: 'y', hunk: 1 }],
    ])
  })

  it.each([
    [
      'a path out of the repository',
      { file: '../etc/passwd' },
      /fixes\[0\]\.hunks\[0\]\.file '..\/etc\/passwd' is not a path inside the repository/,
    ],
    ['an absolute path', { file: '/etc/passwd' }, /is not a path inside the repository/],
    ['lines out of order', { startLine: 5, endLine: 4 }, /endLine must lie between/],
    [
      'a line range the original does not fill',
      { endLine: 4 },
      /original has 1 lines where the line range names 2/,
    ],
    [
      'a line break in a line',
      { replacement: ['a\nb'] },
      /replacement\[0\] must be one line of text/,
    ],
  ])('a results file with %s is refused', (_name, change, message) => {
    const doc = {
      ...loadResultsFixture('tf-app'),
      fixes: [{ ...fix, hunks: [{ ...fix.hunks[0], ...change }] }],
    }
    expect(() => validateResults(doc, 'r.json')).toThrow(message)
  })

  it('a results file keeps its valid fixes for report mode', () => {
    const doc = { ...loadResultsFixture('tf-app'), fixes: [fix] }
    expect(validateResults(JSON.parse(JSON.stringify(doc)), 'r.json').fixes).toEqual([fix])
  })
})
