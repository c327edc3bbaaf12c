import { TOOL_NAME } from '../version.js'
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import Bottleneck from 'bottleneck/light.js'

export type GitHub = ReturnType<typeof getOctokit>

const TIMED = Symbol(`${TOOL_NAME}.timed-fetch`)
type TimedFetch = typeof fetch & { [TIMED]?: boolean }

export interface ClientOptions {
  /** The API root: GITHUB_API_URL on a runner (GitHub Enterprise, or a test server on loopback). */
  baseUrl: string
  /** Warnings about rate limits and retries, for the log. */
  warn: (message: string) => void
  /** Abort a request that has not answered by then (a hanging connection). */
  requestTimeoutMs?: number
  /** How many times a rate-limited request is tried again. */
  rateLimitRetries?: number
  /** The least time between two writes, and between two that notify (comments): `spacingFor`. */
  spacing?: Spacing
}

export interface Spacing {
  writeMs: number
  notifyMs: number
}

/**
 * GitHub asks integrations to leave a second between mutating requests, and more between those
 * that notify people (comments), to stay clear of its secondary rate limits: the throttling
 * plugin's own defaults. An API served on loopback is not GitHub's and has no such limits (the
 * tests' server), so nothing is spaced there.
 */
export function spacingFor(baseUrl: string): Spacing {
  return isLoopback(baseUrl) ? { writeMs: 0, notifyMs: 0 } : { writeMs: 1000, notifyMs: 3000 }
}

/** An API served on this machine: the tests' server, never GitHub's. */
export function isLoopback(baseUrl: string): boolean {
  const host = URL.parse(baseUrl)?.hostname ?? ''
  return host === 'localhost' || host === '[::1]' || /^127\./.test(host)
}

/** One request at a time, at least `minTime` apart: how the plugin spaces a kind of request. */
function spaced(id: string, minTime: number): Bottleneck.Group {
  return new Bottleneck.Group({ id, maxConcurrent: 1, minTime })
}

/**
 * Octokit for the GitHub API at GITHUB_API_URL (GitHub Enterprise, or a test server on
 * loopback). Server errors (5xx) are retried with backoff by the retry plugin; primary and
 * secondary rate limits wait as GitHub asks, through the throttling plugin; other 4xx answers
 * are final.
 */
export function createGitHub(token: string, opts: ClientOptions): GitHub {
  const timeoutMs = opts.requestTimeoutMs ?? 30_000
  const retries = opts.rateLimitRetries ?? 2
  const spacing = opts.spacing ?? spacingFor(opts.baseUrl)
  // Wait as GitHub asks, a bounded number of times, and say so in the log.
  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      options: { method: string; url: string },
      _o: unknown,
      retryCount: number,
    ): boolean => {
      opts.warn(`GitHub ${kind} on ${options.method} ${options.url}; retrying in ${retryAfter} s`)
      return retryCount < retries
    }
  const gh = getOctokit(
    token,
    {
      baseUrl: opts.baseUrl,
      retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 451] },
      throttle: {
        onRateLimit: onLimit('rate limit'),
        onSecondaryRateLimit: onLimit('secondary rate limit'),
        // This client's own queues: the plugin's defaults are shared by every client of the
        // process, with GitHub's spacing fixed.
        write: spaced(`${TOOL_NAME}-write`, spacing.writeMs),
        notifications: spaced(`${TOOL_NAME}-notify`, spacing.notifyMs),
      },
    },
    retry,
    throttling,
  )
  // A deadline on every fetch (each retry gets its own), so a connection that hangs fails that
  // attempt instead of the job. It wraps the fetch @actions/github configured, which honours
  // proxies; the retry plugin reuses the options object, hence the mark against wrapping twice.
  gh.hook.before('request', (options) => {
    const inner: TimedFetch = (options.request?.fetch as TimedFetch | undefined) ?? fetch
    if (inner[TIMED]) return
    const timed: TimedFetch = (input, init) => {
      const deadline = AbortSignal.timeout(timeoutMs)
      return inner(input, {
        ...init,
        signal: init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline,
      })
    }
    timed[TIMED] = true
    options.request = { ...options.request, fetch: timed }
  })
  return gh
}

/** The HTTP status of an Octokit error, if it has one. */
export function httpStatus(err: unknown): number | undefined {
  if (err && typeof err === 'object' && 'status' in err && typeof err.status === 'number')
    return err.status
  return undefined
}
