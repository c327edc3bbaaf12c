import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
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
  const started = Date.now()
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: opts.env ?? process.env,
      // Its own process group, so that stopping it stops the CLI plugin it runs too: a killed
      // `docker` leaves `docker-buildx` running otherwise, still holding its build.
      detached: GROUPS,
    })
    LIVE.add(child)
    const output = collectOutput(child, opts)
    const ending = stopWhenDue(child, opts)
    let spawnError: NodeJS.ErrnoException | undefined
    child.on('error', (e: NodeJS.ErrnoException) => {
      spawnError = e
    })
    child.stdin.on('error', () => {
      // The process may exit before reading its input (a missing interpreter); that is its
      // result to report, not ours to crash on.
    })
    child.stdin.end(opts.input ?? '')

    child.on('close', (code, signal) => {
      LIVE.delete(child)
      output.end()
      ending.clear()
      // A stopped command's group goes with it: whatever it started and left behind.
      if (ending.timedOut || ending.aborted) signalGroup(child, 'SIGKILL')
      resolve({
        command: [command, ...args].join(' '),
        exitCode: code,
        signal,
        timedOut: ending.timedOut,
        aborted: ending.aborted,
        durationMs: Date.now() - started,
        tail: output.tail,
        stdout: output.stdout,
        spawnError,
      })
    })
  })
}

type Stream = 'stdout' | 'stderr'

/** What the process printed, filled as it arrives. */
interface Output {
  tail: string[]
  stdout: string
  /** Delivers the last lines that had no newline, and stops the idle timer. */
  end(): void
}

/** Delivers each line to onLine and the tail, keeps stdout up to its cap, and watches for idleness. */
function collectOutput(child: ChildProcessWithoutNullStreams, opts: RunOptions): Output {
  const keep = opts.keepLines ?? 400
  const idle = idleTimer(opts.idle)
  idle.arm()
  const output: Output = { tail: [], stdout: '', end: () => {} }
  const push =
    (stream: Stream) =>
    (line: string): void => {
      idle.arm()
      output.tail.push(line)
      if (output.tail.length > keep) output.tail.shift()
      opts.onLine?.(line, stream)
    }
  const out = lineSplitter((text) => {
    if (output.stdout.length < STDOUT_CAP) output.stdout += text
  }, push('stdout'))
  const err = lineSplitter(() => {}, push('stderr'))
  child.stdout.on('data', out.data)
  child.stderr.on('data', err.data)
  output.end = () => {
    // The last lines re-arm the idle timer: it is stopped after them.
    out.end()
    err.end()
    idle.clear()
  }
  return output
}

/** Calls onIdle when no line has come for its ms; each line starts the wait again. */
function idleTimer(idle: RunOptions['idle']): { arm(): void; clear(): void } {
  let timer: NodeJS.Timeout | undefined
  return {
    arm(): void {
      if (!idle) return
      clearTimeout(timer)
      timer = setTimeout(idle.onIdle, idle.ms)
    },
    clear(): void {
      clearTimeout(timer)
    },
  }
}

/** A stream's bytes as text (to onText) and as complete lines (to onLine). */
function lineSplitter(
  onText: (text: string) => void,
  onLine: (line: string) => void,
): { data(chunk: Buffer): void; end(): void } {
  let partial = ''
  // One decoder per stream: a character split across two chunks is held until its last byte.
  const decoder = new StringDecoder('utf8')
  const take = (decoded: string): void => {
    onText(decoded)
    const lines = (partial + decoded).split(/\r?\n/)
    partial = lines.pop() ?? ''
    for (const line of lines) onLine(line)
  }
  return {
    data(chunk: Buffer): void {
      take(decoder.write(chunk))
    },
    end(): void {
      take(decoder.end())
      if (partial !== '') onLine(partial)
      partial = ''
    },
  }
}

/** How the process was stopped, if it was: at its deadline, or on abort. */
interface Ending {
  timedOut: boolean
  aborted: boolean
  /** Cancels the deadline, the pending SIGKILL and the abort listener. */
  clear(): void
}

/** Process groups where there are any (not on Windows). */
const GROUPS = process.platform !== 'win32'

/** The commands running now. */
const LIVE = new Set<ChildProcessWithoutNullStreams>()

/**
 * Kills every command still running, with all it started: for a process about to exit at once
 * (a second Ctrl-C), whose commands would otherwise outlive it in their own process groups.
 */
export function killAll(): void {
  for (const child of LIVE) signalGroup(child, 'SIGKILL')
}

/** A signal to the process and, where it leads a group, to everything in its group. */
function signalGroup(child: ChildProcessWithoutNullStreams, signal: NodeJS.Signals): void {
  try {
    if (GROUPS && child.pid !== undefined) process.kill(-child.pid, signal)
    else child.kill(signal)
  } catch {
    // Already gone.
  }
}

/** Stops the process and its group (SIGTERM, then SIGKILL after 5 s) at its deadline or when aborted. */
function stopWhenDue(child: ChildProcessWithoutNullStreams, opts: RunOptions): Ending {
  const ending: Ending = { timedOut: false, aborted: false, clear: () => {} }
  let killTimer: NodeJS.Timeout | undefined
  const stop = (): void => {
    signalGroup(child, 'SIGTERM')
    killTimer = setTimeout(() => signalGroup(child, 'SIGKILL'), 5000)
    killTimer.unref()
  }
  const timer =
    opts.timeoutMs !== undefined
      ? setTimeout(
          () => {
            ending.timedOut = true
            stop()
          },
          Math.max(0, opts.timeoutMs),
        )
      : undefined
  const onAbort = (): void => {
    ending.aborted = true
    stop()
  }
  if (opts.signal?.aborted) onAbort()
  else opts.signal?.addEventListener('abort', onAbort, { once: true })
  ending.clear = () => {
    if (timer) clearTimeout(timer)
    if (killTimer) clearTimeout(killTimer)
    opts.signal?.removeEventListener('abort', onAbort)
  }
  return ending
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
