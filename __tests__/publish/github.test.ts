import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createGitHub, spacingFor } from '../../src/github/client.js'
import { isOwnComment, upsertComment } from '../../src/github/comment.js'
import { findPullRequest, targetFromEvent } from '../../src/github/target.js'
import { commentPlan } from '../../src/publish/policy.js'
import { publish } from '../../src/publish/publish.js'
import { commentMarker, fingerprint, fingerprintLine } from '../../src/report/identity.js'
import type { ReportOptions } from '../../src/config/report.js'
import type { Results } from '../../src/results/types.js'
import { GitHubStub, PR_TARGET } from '../support/github-server.js'
import { loadResultsFixture, outsideCodeBlocks } from '../support/fixtures.js'

// The GitHub API part against a real HTTP server on loopback, through real Octokit with its
// retry and throttling plugins.

const summary = vi.hoisted(() => ({ real: false }))
vi.mock('@actions/core', async (orig) => {
  const real = await orig<typeof import('@actions/core')>()
  // The job summary needs GITHUB_STEP_SUMMARY; here it goes nowhere, unless a test asks for
  // the real one.
  return {
    ...real,
    summary: {
      addRaw: (text: string) =>
        summary.real ? real.summary.addRaw(text) : { write: async () => undefined },
    },
  }
})

let stub: GitHubStub
beforeEach(async () => {
  stub = await new GitHubStub().start()
})
afterEach(() => stub.stop())

const gh = (timeoutMs?: number) =>
  createGitHub('ghs_test_token', {
    baseUrl: stub.url,
    warn: () => undefined,
    ...(timeoutMs ? { requestTimeoutMs: timeoutMs } : {}),
  })

const TARGET = PR_TARGET
const OPTS: ReportOptions = {
  mode: 'check',
  results: '',
  comment: 'auto',
  commentHeader: '',
  statuses: true,
  suggestions: 'auto',
}

function ourComments(issue = 42) {
  return (stub.comments.get(issue) ?? []).filter((c) => c.user.login === 'github-actions[bot]')
}

describe('sticky comment', () => {
  it('finds our comment on a later page and updates it in place', async () => {
    const others = Array.from({ length: 140 }, (_, i) => ({
      body: `review comment ${i}`,
      login: 'reviewer',
    }))
    stub.seed(42, others)
    stub.seed(42, [{ body: `${commentMarker('')}\nold verdict`, login: 'github-actions[bot]' }])
    stub.seed(42, [{ body: 'a later reply', login: 'reviewer' }])
    const res = await publish(loadResultsFixture('venv-not-on-path'), OPTS, TARGET, gh())
    expect(res.comment).toBe('updated')
    expect(
      stub.requests.filter((r) => r.method === 'GET' && r.path.includes('/issues/42/comments'))
        .length,
    ).toBe(2)
    expect(stub.requests.some((r) => r.method === 'POST' && r.path.endsWith('/comments'))).toBe(
      false,
    )
    expect(ourComments()).toHaveLength(1)
    expect(ourComments()[0]!.body).toContain('TensorFlow fails on linux/amd64, linux/arm64')
  })

  it('updates rather than duplicates, and leaves an unchanged verdict alone', async () => {
    const first = await publish(loadResultsFixture('venv-not-on-path'), OPTS, TARGET, gh())
    expect(first.comment).toBe('created')
    const again = await publish(loadResultsFixture('venv-not-on-path'), OPTS, TARGET, gh())
    expect(again.comment).toBe('unchanged')
    expect(stub.requests.filter((r) => r.method === 'PATCH')).toHaveLength(0)
    const fixed = await publish(loadResultsFixture('tf-app'), OPTS, TARGET, gh())
    expect(fixed.comment).toBe('updated')
    expect(ourComments()).toHaveLength(1)
    expect(ourComments()[0]!.body).toContain(
      'TensorFlow builds, imports and trains on linux/amd64, linux/arm64',
    )
  })

  it('ignores comments of other users that quote our marker', async () => {
    stub.seed(42, [{ body: `${commentMarker('')}\nquoted by a human`, login: 'reviewer' }])
    const res = await publish(loadResultsFixture('tf-app'), OPTS, TARGET, gh())
    expect(res.comment).toBe('created')
    expect(stub.comments.get(42)!.find((c) => c.user.login === 'reviewer')!.body).toContain(
      'quoted by a human',
    )
  })

  it('keeps one comment and one set of statuses per configuration', async () => {
    await publish(loadResultsFixture('tf-app'), { ...OPTS, commentHeader: 'cpu' }, TARGET, gh())
    await publish(
      loadResultsFixture('venv-not-on-path'),
      { ...OPTS, commentHeader: 'gpu' },
      TARGET,
      gh(),
    )
    await publish(loadResultsFixture('tf-app'), { ...OPTS, commentHeader: 'cpu' }, TARGET, gh())
    const bodies = ourComments().map((c) => c.body.split('\n')[0])
    expect(bodies).toEqual(['<!-- tf-multiarch-check:cpu -->', '<!-- tf-multiarch-check:gpu -->'])
    expect(new Set(stub.statuses.map((s) => s.context))).toEqual(
      new Set([
        'tf-multiarch-check (cpu) / linux/amd64',
        'tf-multiarch-check (cpu) / linux/arm64',
        'tf-multiarch-check (gpu) / linux/amd64',
        'tf-multiarch-check (gpu) / linux/arm64',
      ]),
    )
  })

  it('stays within 65,536 characters: log tails shrink, the table stays', async () => {
    const r = loadResultsFixture('venv-not-on-path')
    const huge = Array.from({ length: 5000 }, (_, i) => `line ${i} ${'x'.repeat(60)}`).join('\n')
    for (const p of r.platforms) p.stages.import.log = huge
    const res = await publish(r, OPTS, TARGET, gh())
    expect(res.comment).toBe('created')
    const body = ourComments()[0]!.body
    expect(body.length).toBeLessThanOrEqual(65_536)
    expect(body).toContain('| `linux/arm64` | QEMU |')
    expect(body).toMatch(/Import log \(last \d+ of 5000 lines\)/)
  })

  it('keeps a hostile log inert', async () => {
    const r = loadResultsFixture('venv-not-on-path')
    const hostile = [
      '@octocat please merge',
      '```',
      '</details><script>alert(1)</script><img src=x onerror=alert(1)>',
      commentMarker(''),
      '````',
      '<details open><summary>fake</summary>',
    ].join('\n')
    r.platforms[1]!.stages.import.log = hostile
    r.platforms[1]!.stages.import.reason = '@octocat <b>bold</b> `code` [link](https://evil.test)'
    r.platforms[1]!.environment.python = '<img src=x>'
    await publish(r, OPTS, TARGET, gh())
    const body = ourComments()[0]!.body
    const live = outsideCodeBlocks(body)
    expect(live).not.toMatch(/@octocat/)
    expect(live).not.toMatch(/<script|<img|<b>bold/i)
    expect(live).not.toContain('](https://evil.test)')
    // Our own <details> open and close in pairs; the log added none.
    expect((live.match(/<details>/g) ?? []).length).toBe((live.match(/<\/details>/g) ?? []).length)
    // The only marker is our first line.
    expect(body.split(commentMarker('')).length).toBe(2)
    expect(body.startsWith(commentMarker(''))).toBe(true)
    // The fence is longer than the four backticks in the log.
    expect(body).toMatch(/^`{5}text$/m)
  })
})

describe('write spacing', () => {
  it("is GitHub's 1 s between writes and 3 s between comments, and none against loopback", () => {
    const github = { writeMs: 1000, notifyMs: 3000 }
    expect(spacingFor('https://api.github.com')).toEqual(github)
    expect(spacingFor('https://ghe.example.com/api/v3')).toEqual(github)
    for (const url of ['http://127.0.0.1:8080', 'http://localhost:3000/api', 'http://[::1]:9'])
      expect(spacingFor(url)).toEqual({ writeMs: 0, notifyMs: 0 })
  })

  it('holds the writes of one client apart by the spacing it is given', async () => {
    const spaced = createGitHub('ghs_test_token', {
      baseUrl: stub.url,
      warn: () => undefined,
      spacing: { writeMs: 400, notifyMs: 0 },
    })
    await publish(loadResultsFixture('tf-app'), { ...OPTS, comment: 'off' }, TARGET, spaced)
    const writes = stub.requests.filter((r) => r.method === 'POST' && r.path.includes('/statuses/'))
    expect(writes).toHaveLength(2)
    expect(writes[1]!.at - writes[0]!.at).toBeGreaterThanOrEqual(350)
  })
})

describe('commit statuses', () => {
  it('sets one status per platform on the PR head, with a short description and the run link', async () => {
    await publish(loadResultsFixture('tensorflow-cpu'), OPTS, TARGET, gh())
    expect(stub.statuses.map((s) => [s.sha, s.context, s.state])).toEqual([
      [TARGET.sha, 'tf-multiarch-check / linux/amd64', 'success'],
      [TARGET.sha, 'tf-multiarch-check / linux/arm64', 'failure'],
    ])
    expect(stub.statuses[0]!.description).toMatch(/^import ok, train (ok|skipped), .* native$/)
    expect(stub.statuses[1]!.description).toMatch(/^build failed/)
    expect(stub.statuses.every((s) => s.description.length <= 140)).toBe(true)
    expect(stub.statuses[0]!.target_url).toBe(TARGET.runUrl)
  })

  it('retries a 502 and succeeds', async () => {
    stub.fault({ method: 'POST', path: /\/statuses\//, status: 502, times: 1 })
    const res = await publish(
      loadResultsFixture('tf-app'),
      { ...OPTS, comment: 'off' },
      TARGET,
      gh(),
    )
    expect(res.statuses).toBe(2)
    expect(stub.requests.filter((r) => r.path.includes('/statuses/')).length).toBe(3)
  })

  it.each([
    [
      'a secondary rate limit (429, retry-after)',
      () => ({
        status: 429,
        headers: { 'retry-after': '1' },
        body: { message: 'You have exceeded a secondary rate limit.' },
      }),
    ],
    [
      'a primary rate limit (403 with no requests remaining) until its reset',
      () => ({
        status: 403,
        headers: {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 1),
        },
        body: { message: 'API rate limit exceeded for installation ID 1.' },
      }),
    ],
  ])('waits out %s', async (_name, fault) => {
    stub.fault({ method: 'POST', path: /\/statuses\//, ...fault() })
    const res = await publish(
      loadResultsFixture('tf-app'),
      { ...OPTS, comment: 'off' },
      TARGET,
      gh(),
    )
    expect(res.statuses).toBe(2)
    expect(res.warnings).toEqual([])
    expect(stub.requests.filter((r) => r.path.includes('/statuses/')).length).toBe(3)
  })

  it('gives up on a request that hangs, then retries it', async () => {
    stub.fault({ method: 'POST', path: /\/statuses\//, hang: true })
    const res = await publish(
      loadResultsFixture('tf-app'),
      { ...OPTS, comment: 'off' },
      TARGET,
      gh(500),
    )
    expect(res.statuses).toBe(2)
  })

  it('does not retry other 4xx answers', async () => {
    stub.fault({
      method: 'POST',
      path: /\/statuses\//,
      status: 422,
      times: 5,
      body: { message: 'No commit found for SHA' },
    })
    const res = await publish(
      loadResultsFixture('tf-app'),
      { ...OPTS, comment: 'off' },
      TARGET,
      gh(),
    )
    expect(res.statuses).toBe(0)
    expect(stub.requests.filter((r) => r.path.includes('/statuses/')).length).toBe(2)
    expect(res.warnings[0]).toMatch(/could not post commit statuses: .*No commit found for SHA/)
  })
})

describe('fork pull requests', () => {
  it('a read-only token (403) never fails the check: one warning with the remedy', async () => {
    stub.fault({
      method: 'POST',
      path: /\/statuses\//,
      status: 403,
      times: 10,
      body: { message: 'Resource not accessible by integration' },
    })
    stub.fault({
      method: 'POST',
      path: /\/comments$/,
      status: 403,
      times: 10,
      body: { message: 'Resource not accessible by integration' },
    })
    const res = await publish(
      loadResultsFixture('venv-not-on-path'),
      OPTS,
      { ...TARGET, fork: true },
      gh(),
    )
    expect(res.warnings).toHaveLength(1)
    expect(res.warnings[0]).toMatch(/comes from a fork.*mode: report/)
    // After the first 403 no further status is tried.
    expect(stub.requests.filter((r) => r.path.includes('/statuses/')).length).toBe(1)
  })
})

describe('the job summary', () => {
  it('a summary that cannot be written is a warning; the statuses and the comment still go out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tfmc-summary-'))
    // A directory where the summary file should be: the runner's file cannot be written.
    vi.stubEnv('GITHUB_STEP_SUMMARY', dir)
    summary.real = true
    try {
      const res = await publish(loadResultsFixture('venv-not-on-path'), OPTS, TARGET, gh())
      expect(res.warnings).toHaveLength(1)
      expect(res.warnings[0]).toMatch(/could not post the job summary: .*EISDIR/)
      expect(res.statuses).toBe(2)
      expect(res.comment).toBe('created')
    } finally {
      summary.real = false
      vi.unstubAllEnvs()
    }
  })
})

describe('targets', () => {
  const env = {
    GITHUB_REPOSITORY: 'acme/ml-service',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '77',
    GITHUB_SHA: '9999999999999999999999999999999999999999',
  }
  const load = async (name: string) =>
    (await import(`../../__fixtures__/events/${name}.json`, { with: { type: 'json' } }))
      .default as unknown

  it('pull_request: the head SHA, never the merge commit', async () => {
    const t = targetFromEvent('pull_request', await load('pull_request'), env)
    expect(t).toMatchObject({
      pr: 42,
      sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
      fork: false,
      runUrl: 'https://github.com/acme/ml-service/actions/runs/77',
    })
  })

  it('pull_request from a fork is marked as such', async () => {
    expect(targetFromEvent('pull_request', await load('pull_request_fork'), env).fork).toBe(true)
  })

  it('workflow_run from a fork: SHA from the run, PR found by head branch and SHA', async () => {
    const t = targetFromEvent('workflow_run', await load('workflow_run_fork'), env)
    expect(t).toMatchObject({
      pr: null,
      sha: 'feedfacefeedfacefeedfacefeedfacefeedface',
      fork: true,
      runUrl: 'https://github.com/acme/ml-service/actions/runs/30433642',
    })
    stub.pulls = [
      {
        number: 6,
        head: {
          sha: '0000000000000000000000000000000000000000',
          ref: 'arm64-fix',
          label: 'outsider:arm64-fix',
        },
      },
      {
        number: 7,
        head: {
          sha: 'feedfacefeedfacefeedfacefeedfacefeedface',
          ref: 'arm64-fix',
          label: 'outsider:arm64-fix',
        },
      },
    ]
    expect(await findPullRequest(gh(), t)).toBe(7)
  })

  it('push: statuses on the pushed commit, no PR', async () => {
    expect(targetFromEvent('push', await load('push'), env)).toMatchObject({
      pr: null,
      sha: env.GITHUB_SHA,
    })
  })
})

describe('pure helpers', () => {
  it('plans comments by mode and event', () => {
    expect(commentPlan('auto', 'pull_request', true)).toBe('write')
    expect(commentPlan('auto', 'push', false)).toBe('none')
    expect(commentPlan('on-failure', 'pull_request', true)).toBe('update-only')
    expect(commentPlan('on-failure', 'pull_request', false)).toBe('write')
    expect(commentPlan('off', 'pull_request', false)).toBe('none')
    expect(commentPlan('always', 'push', true)).toBe('write')
  })
  it('recognises the token user in REST and GraphQL spellings', () => {
    expect(isOwnComment('github-actions[bot]', 'github-actions')).toBe(true)
    expect(isOwnComment('octocat', 'octocat')).toBe(true)
    expect(isOwnComment('reviewer', 'github-actions')).toBe(false)
    expect(isOwnComment('github-actions[bot]', null)).toBe(true)
  })
  it('fingerprints ignore timings but not outcomes', () => {
    const a: Results = loadResultsFixture('tf-app')
    const b: Results = structuredClone(a)
    b.platforms[0]!.durationMs += 1234
    expect(fingerprint(a, 'x')).toBe(fingerprint(b, 'x'))
    b.platforms[0]!.stages.train.status = 'failed'
    expect(fingerprint(a, 'x')).not.toBe(fingerprint(b, 'x'))
    expect(fingerprintLine('abc')).toBe('<!-- tf-multiarch-check-fingerprint:abc -->')
  })
  it('does not create a comment in update-only mode', async () => {
    const res = await upsertComment(gh(), {
      owner: 'acme',
      repo: 'ml-service',
      issueNumber: 42,
      marker: commentMarker(''),
      fingerprint: 'fp',
      body: 'x',
      createIfMissing: false,
    })
    expect(res).toBeNull()
    expect(stub.comments.get(42)).toBeUndefined()
  })
})
