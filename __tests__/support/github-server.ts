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

export interface Recorded {
  method: string
  path: string
  body: unknown
  authorization: string | undefined
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
      if (method === 'GET') {
        const per = Number(url.searchParams.get('per_page') ?? 30)
        const page = Number(url.searchParams.get('page') ?? 1)
        const last = Math.max(1, Math.ceil(list.length / per))
        const links: string[] = []
        const link = (p: number, rel: string): string =>
          `<${this.url}${url.pathname}?per_page=${per}&page=${p}>; rel="${rel}"`
        if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'))
        if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'))
        return this.send(
          res,
          200,
          list.slice((page - 1) * per, page * per),
          links.length ? { link: links.join(', ') } : {},
        )
      }
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
