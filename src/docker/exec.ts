import { spawn } from 'node:child_process'
import { StringDecoder } from 'node:string_decoder'

// Every docker, buildx and binfmt command goes through run(). It is Node's spawn rather than
// @actions/exec because the check needs what that lacks: a deadline that kills the process, an
// abort signal (Ctrl-C, a timed-out stage), stdin for the smoke script, and output delivered line
// by line while it runs, with only a bounded tail kept in memory.

export interface RunOptions {
  /** Kill the process (SIGKILL after SIGTERM) when it runs longer than this. */
  timeoutMs?: number
  /** Written to the process's stdin, which is then closed. */
  input?: string
  /** Called for each complete line of stdout or stderr, as it arrives. */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void
  /** Stops the process when aborted. */
  signal?: AbortSignal
  /** Called when the output has stopped for `ms` (once, and again after each later silence). */
  idle?: { ms: number; onIdle: () => void }
  /** How many trailing lines of combined output to keep (default 400). */
  keepLines?: number
  env?: NodeJS.ProcessEnv
}

export interface RunResult {
  command: string
  exitCode: number | null
  signal: NodeJS.Signals | null
  timedOut: boolean
  aborted: boolean
  durationMs: number
  /** The last lines of stdout and stderr, interleaved in the order they arrived. */
  tail: string[]
  /** stdout in full, up to 4 MiB (for the small JSON that inspect commands print). */
  stdout: string
  /** Why the process could not start, if it could not (ENOENT for a missing docker). */
  spawnError?: NodeJS.ErrnoException
}

const STDOUT_CAP = 4 * 1024 * 1024

export function run(
  command: string,
  args: readonly string[],
  opts: RunOptions = {},
): Promise<RunResult> {
  const keep = opts.keepLines ?? 400
  const started = Date.now()
  return new Promise((resolve) => {
    const tail: string[] = []
    let stdout = ''
    let timedOut = false
    let aborted = false
    let spawnError: NodeJS.ErrnoException | undefined
    const child = spawn(command, args, {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: opts.env ?? process.env,
    })

    let idleTimer: NodeJS.Timeout | undefined
    const armIdle = (): void => {
      if (!opts.idle) return
      clearTimeout(idleTimer)
      idleTimer = setTimeout(opts.idle.onIdle, opts.idle.ms)
    }
    armIdle()
    const push = (line: string, stream: 'stdout' | 'stderr'): void => {
      armIdle()
      tail.push(line)
      if (tail.length > keep) tail.shift()
      opts.onLine?.(line, stream)
    }
    const splitter = (stream: 'stdout' | 'stderr') => {
      let partial = ''
      // One decoder per stream: a character split across two chunks is held until its last byte.
      const decoder = new StringDecoder('utf8')
      const take = (decoded: string): void => {
        if (stream === 'stdout' && stdout.length < STDOUT_CAP) stdout += decoded
        const lines = (partial + decoded).split(/\r?\n/)
        partial = lines.pop() ?? ''
        for (const line of lines) push(line, stream)
      }
      return {
        data(chunk: Buffer): void {
          take(decoder.write(chunk))
        },
        end(): void {
          take(decoder.end())
          if (partial !== '') push(partial, stream)
          partial = ''
        },
      }
    }
    const out = splitter('stdout')
    const err = splitter('stderr')
    child.stdout.on('data', out.data)
    child.stderr.on('data', err.data)

    let killTimer: NodeJS.Timeout | undefined
    const stop = (): void => {
      child.kill('SIGTERM')
      killTimer = setTimeout(() => child.kill('SIGKILL'), 5000)
      killTimer.unref()
    }
    const timer =
      opts.timeoutMs !== undefined
        ? setTimeout(
            () => {
              timedOut = true
              stop()
            },
            Math.max(0, opts.timeoutMs),
          )
        : undefined
    const onAbort = (): void => {
      aborted = true
      stop()
    }
    if (opts.signal?.aborted) onAbort()
    else opts.signal?.addEventListener('abort', onAbort, { once: true })

    child.on('error', (e: NodeJS.ErrnoException) => {
      spawnError = e
    })
    child.stdin.on('error', () => {
      // The process may exit before reading its input (a missing interpreter); that is its
      // result to report, not ours to crash on.
    })
    child.stdin.end(opts.input ?? '')

    child.on('close', (code, signal) => {
      out.end()
      err.end()
      if (timer) clearTimeout(timer)
      if (killTimer) clearTimeout(killTimer)
      clearTimeout(idleTimer)
      opts.signal?.removeEventListener('abort', onAbort)
      resolve({
        command: [command, ...args].join(' '),
        exitCode: code,
        signal,
        timedOut,
        aborted,
        durationMs: Date.now() - started,
        tail,
        stdout,
        spawnError,
      })
    })
  })
}

/** The useful end of a failed command's output, for an error message. */
export function describeFailure(result: RunResult, lines = 15): string {
  if (result.spawnError) return `${result.command}: ${result.spawnError.message}`
  const how = result.timedOut
    ? 'timed out'
    : result.signal
      ? `was killed by ${result.signal}`
      : `exited with ${result.exitCode}`
  const tail = result.tail.slice(-lines).join('\n').trim()
  return `${result.command} ${how}${tail ? `:\n${tail}` : ''}`
}
