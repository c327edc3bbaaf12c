import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

// A real HTTP server on loopback that answers the GitHub REST and GraphQL calls the action
// makes, with GitHub's own shapes: paginated comments with Link headers, the 65,536-character
// body limit (422), REST's "<app>[bot]" logins. Faults are programmed per route: a status for
// the next N requests, or a request that never answers.

export interface Comment {
  id: number
  body: string
  user: { login: string }
  html_url: string
}

/** A pull request review comment, in the REST shape; `line` is null once it is outdated. */
/** The pull request the publishing tests report on, as the action reads it from its event. */
export const PR_TARGET = {
  owner: 'acme',
  repo: 'ml-service',
  event: 'pull_request',
  pr: 42,
  sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
  runUrl: 'https://github.com/acme/ml-service/actions/runs/1',
  fork: false,
}

export interface ReviewComment {
  id: number
  pull_request_review_id: number
  body: string
  path: string
  commit_id: string
  line: number | null
  start_line: number | null
  side: 'RIGHT' | 'LEFT'
  user: { login: string }
  html_url: string
}

/** The new-side lines a patch shows, with the hunk each is in (GitHub's rule for review lines). */
function newSideLines(patch: string): Map<number, number> {
  const out = new Map<number, number>()
  let line = 0
  let hunk = -1
  for (const l of patch.split('\n')) {
    const m = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(l)
    if (m) {
      line = Number(m[1])
      hunk++
    } else if (hunk >= 0 && (l.startsWith('+') || l.startsWith(' '))) out.set(line++, hunk)
  }
  return out
}

export interface Recorded {
  method: string
  path: string
  body: unknown
  authorization: string | undefined
  /** When the request arrived (Date.now()). */
  at: number
}

interface ReviewRequest {
  commit_id?: string
  body?: string
  event?: string
  comments?: {
    path: string
    line: number
    side: string
    start_line?: number
    start_side?: string
    body: string
  }[]
}

interface Fault {
  method: string
  path: RegExp
  times: number
  status?: number
  headers?: Record<string, string>
  body?: unknown
  hang?: boolean
}

export class GitHubStub {
  readonly requests: Recorded[] = []
  readonly comments = new Map<number, Comment[]>()
  readonly statuses: {
    sha: string
    state: string
    context: string
    description: string
    target_url?: string
  }[] = []
  pulls: { number: number; head: { sha: string; ref: string; label: string } }[] = []
  /** A pull request's files, as GET .../pulls/N/files lists them (with their patches). */
  readonly pullFiles = new Map<number, { filename: string; status: string; patch?: string }[]>()
  readonly reviewComments = new Map<number, ReviewComment[]>()
  readonly reviews: { pull: number; id: number; event: string; body: string; commit_id: string }[] =
    []
  /** The jobs of the workflow run, as GET .../actions/runs/N/jobs?filter=latest lists them. */
  runJobs: Record<string, unknown>[] = []
  /** GraphQL's viewer login; REST shows the same bot as `${viewer}[bot]`. */
  viewer = 'github-actions'
  private faults: Fault[] = []
  private nextId = 1000
  private server: Server | null = null
  private hung: ServerResponse[] = []
  url = ''

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res))
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this
  }

  async stop(): Promise<void> {
    for (const r of this.hung) r.destroy()
    this.server?.closeAllConnections()
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve())
  }

  fault(f: Omit<Fault, 'times'> & { times?: number }): void {
    this.faults.push({ times: 1, ...f })
  }

  /** Seeds comments on an issue, as other users or as our bot. */
  seed(issue: number, comments: { body: string; login: string }[]): Comment[] {
    const list = this.comments.get(issue) ?? []
    for (const c of comments) {
      const id = this.nextId++
      list.push({
        id,
        body: c.body,
        user: { login: c.login },
        html_url: `https://github.test/o/r/pull/${issue}#issuecomment-${id}`,
      })
    }
    this.comments.set(issue, list)
    return list
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const raw = Buffer.concat(chunks).toString('utf8')
    let body: unknown
    try {
      body = raw ? JSON.parse(raw) : null
    } catch {
      body = raw
    }
    const url = new URL(req.url ?? '/', this.url)
    const method = req.method ?? 'GET'
    this.requests.push({
      method,
      path: url.pathname + url.search,
      body,
      authorization: req.headers.authorization,
      at: Date.now(),
    })

    const fault = this.faults.find(
      (f) => f.times > 0 && f.method === method && f.path.test(url.pathname),
    )
    if (fault) {
      fault.times--
      if (fault.hang) {
        this.hung.push(res)
        return
      }
      return this.send(
        res,
        fault.status ?? 500,
        fault.body ?? { message: 'stub fault' },
        fault.headers,
      )
    }

    const bot = `${this.viewer}[bot]`
    let m: RegExpExecArray | null
    if (method === 'POST' && url.pathname === '/graphql') {
      return this.send(res, 200, { data: { viewer: { login: this.viewer } } })
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(url.pathname))) {
      const issue = Number(m[3])
      const list = this.comments.get(issue) ?? []
      if (method === 'GET') return this.page(res, url, list)
      if (method === 'POST') {
        const text = (body as { body?: string }).body ?? ''
        if (text.length > 65_536)
          return this.send(res, 422, {
            message: 'Validation Failed',
            errors: [{ message: 'body is too long (maximum is 65536 characters)' }],
          })
        const [c] = this.seed(issue, [{ body: text, login: bot }]).slice(-1)
        return this.send(res, 201, c)
      }
    }
    if (
      (m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(url.pathname)) &&
      method === 'PATCH'
    ) {
      const id = Number(m[3])
      const text = (body as { body?: string }).body ?? ''
      if (text.length > 65_536) return this.send(res, 422, { message: 'Validation Failed' })
      for (const list of this.comments.values()) {
        const c = list.find((x) => x.id === id)
        if (c) {
          c.body = text
          return this.send(res, 200, c)
        }
      }
      return this.send(res, 404, { message: 'Not Found' })
    }
    if (
      (m = /^\/repos\/([^/]+)\/([^/]+)\/statuses\/([0-9a-f]+)$/.exec(url.pathname)) &&
      method === 'POST'
    ) {
      const b = body as { state: string; context: string; description: string; target_url?: string }
      if ((b.description ?? '').length > 140)
        return this.send(res, 422, {
          message: 'description is too long (maximum is 140 characters)',
        })
      this.statuses.push({ sha: m[3]!, ...b })
      return this.send(res, 201, { id: this.nextId++, ...b })
    }
    if (
      /^\/repos\/[^/]+\/[^/]+\/actions\/runs\/\d+\/jobs$/.test(url.pathname) &&
      url.searchParams.get('filter') === 'latest' &&
      method === 'GET'
    )
      return this.send(res, 200, { total_count: this.runJobs.length, jobs: this.runJobs })
    if ((m = /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)\/files$/.exec(url.pathname)) && method === 'GET')
      return this.page(res, url, this.pullFiles.get(Number(m[1])) ?? [])
    if (
      (m = /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)\/comments$/.exec(url.pathname)) &&
      method === 'GET'
    )
      return this.page(res, url, this.reviewComments.get(Number(m[1])) ?? [])
    if (
      (m = /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)\/reviews$/.exec(url.pathname)) &&
      method === 'POST'
    )
      return this.review(res, Number(m[1]), body as ReviewRequest, bot)
    if (
      (m = /^\/repos\/[^/]+\/[^/]+\/pulls\/comments\/(\d+)$/.exec(url.pathname)) &&
      method === 'DELETE'
    ) {
      for (const list of this.reviewComments.values()) {
        const i = list.findIndex((c) => c.id === Number(m![1]))
        if (i >= 0) {
          list.splice(i, 1)
          res.writeHead(204).end()
          return
        }
      }
      return this.send(res, 404, { message: 'Not Found' })
    }
    if (/^\/repos\/([^/]+)\/([^/]+)\/pulls$/.test(url.pathname) && method === 'GET') {
      const head = url.searchParams.get('head')
      return this.send(
        res,
        200,
        this.pulls.filter((p) => !head || p.head.label === head),
      )
    }
    return this.send(res, 404, {
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest',
    })
  }

  /** A list, paginated as GitHub does: per_page and page, with a Link header. */
  private page(res: ServerResponse, url: URL, list: unknown[]): void {
    const per = Number(url.searchParams.get('per_page') ?? 30)
    const page = Number(url.searchParams.get('page') ?? 1)
    const last = Math.max(1, Math.ceil(list.length / per))
    const links: string[] = []
    const link = (p: number, rel: string): string =>
      `<${this.url}${url.pathname}?per_page=${per}&page=${p}>; rel="${rel}"`
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'))
    if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'))
    const slice = list.slice((page - 1) * per, page * per)
    return this.send(res, 200, slice, links.length ? { link: links.join(', ') } : {})
  }

  /** POST .../reviews: every comment's lines must be on the diff's new side, in one hunk. */
  private review(res: ServerResponse, pull: number, r: ReviewRequest, bot: string): void {
    if (!['COMMENT', 'APPROVE', 'REQUEST_CHANGES'].includes(r.event ?? ''))
      return this.send(res, 422, { message: 'Unprocessable Entity', errors: ['event is invalid'] })
    if (r.event === 'COMMENT' && !r.body)
      return this.send(res, 422, { message: 'Unprocessable Entity', errors: ['body is missing'] })
    const files = this.pullFiles.get(pull) ?? []
    for (const c of r.comments ?? []) {
      const f = files.find((x) => x.filename === c.path)
      const lines = f?.patch ? newSideLines(f.patch) : new Map<number, number>()
      const first = c.start_line ?? c.line
      const ok =
        c.side === 'RIGHT' &&
        lines.has(c.line) &&
        lines.get(first) === lines.get(c.line) &&
        first <= c.line
      if (!ok)
        return this.send(res, 422, {
          message: 'Unprocessable Entity',
          errors: ['Pull request review thread line must be part of the diff'],
        })
    }
    const id = this.nextId++
    const list = this.reviewComments.get(pull) ?? []
    for (const c of r.comments ?? []) {
      const cid = this.nextId++
      list.push({
        id: cid,
        pull_request_review_id: id,
        body: c.body,
        path: c.path,
        commit_id: r.commit_id ?? '',
        line: c.line,
        start_line: c.start_line ?? null,
        side: 'RIGHT',
        user: { login: bot },
        html_url: `https://github.test/o/r/pull/${pull}#discussion_r${cid}`,
      })
    }
    this.reviewComments.set(pull, list)
    this.reviews.push({
      pull,
      id,
      event: r.event!,
      body: r.body ?? '',
      commit_id: r.commit_id ?? '',
    })
    return this.send(res, 200, {
      id,
      state: 'COMMENTED',
      body: r.body,
      commit_id: r.commit_id,
      user: { login: bot },
      html_url: `https://github.test/o/r/pull/${pull}#pullrequestreview-${id}`,
    })
  }

  private send(
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
    res.end(JSON.stringify(body))
  }
}
