import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'vitest'

/**
 * Which tests run on which engine. The whole suite runs on the classic engine; the containerd
 * engine runs again only the tests whose outcome its image store can change: a platform's image
 * built, loaded, inspected, tagged and removed (the bundled example, the action and its post
 * step, the wrong-architecture proofs), images pulled and checked by reference, start, an engine
 * lost or cancelled mid-build, and the stand-ins pulled through the mirror. A test that reads a
 * build's log, an import's traceback, a lint or a wrapper script gets the same answer from both
 * stores, so it runs once: `describeOnce` / `itOnce`.
 */
export const ENGINE = process.env.TFMC_ENGINE || 'classic'
export const describeOnce = describe.skipIf(ENGINE !== 'classic')
export const itOnce = it.skipIf(ENGINE !== 'classic')

export interface RunResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/** Runs a command to completion, capturing its output; never throws on a non-zero exit. */
export function run(
  cmd: string,
  args: string[],
  opts: { input?: string; timeoutMs?: number; cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: opts.timeoutMs,
      killSignal: 'SIGKILL',
      cwd: opts.cwd,
      env: opts.env ?? process.env,
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }))
    // A command that exits without reading its stdin (a refused argument, a killed process)
    // closes the pipe first: EPIPE on the write says nothing its exit code and output do not.
    child.stdin.on('error', () => {})
    child.stdin.end(opts.input ?? '')
  })
}

export interface Started {
  pid: number
  /** Resolves with the first line of stdout or stderr matching `re`; rejects after timeoutMs. */
  waitFor(re: RegExp, timeoutMs: number): Promise<string>
  signal(sig: NodeJS.Signals): void
  done: Promise<RunResult & { endedAt: number }>
}

/** Starts a command and lets the test act on its output while it runs (Ctrl-C, a fault). */
export function start(
  cmd: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Started {
  const child = spawn(cmd, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: opts.cwd,
    env: opts.env ?? process.env,
  })
  let stdout = ''
  let stderr = ''
  const waiters: { re: RegExp; resolve: (line: string) => void }[] = []
  const scan = (): void => {
    for (const w of [...waiters]) {
      const line = `${stdout}\n${stderr}`.split('\n').find((l) => w.re.test(l))
      if (line !== undefined) {
        waiters.splice(waiters.indexOf(w), 1)
        w.resolve(line)
      }
    }
  }
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString()
    scan()
  })
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString()
    scan()
  })
  const done = new Promise<RunResult & { endedAt: number }>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code, signal) =>
      resolve({ code, signal, stdout, stderr, endedAt: Date.now() }),
    )
  })
  return {
    pid: child.pid ?? -1,
    signal: (sig) => void child.kill(sig),
    done,
    waitFor: (re, timeoutMs) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(`no line matched ${re} within ${timeoutMs} ms:\n${stderr.slice(-3000)}`),
            ),
          timeoutMs,
        )
        waiters.push({
          re,
          resolve: (line) => {
            clearTimeout(timer)
            resolve(line)
          },
        })
        scan()
        void done.then(() => scan())
      }),
  }
}

/** A throwaway build context holding the given files. */
export function makeContext(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tfmc-e2e-'))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return dir
}

const runId = `${process.pid}-${Date.now().toString(36)}`

/** A per-platform image tag unique to this test run. */
export function tagFor(name: string, platform: string): string {
  return `tfmc-e2e/${name}:${runId}-${platform.replace(/\//g, '-')}`
}

/** buildx build for one platform, loaded into the engine under its own tag. */
export async function buildFor(context: string, platform: string, tag: string): Promise<RunResult> {
  return run('docker', ['buildx', 'build', '--platform', platform, '--load', '-t', tag, context])
}

export async function removeImages(tags: string[]): Promise<void> {
  if (tags.length > 0) await run('docker', ['image', 'rm', '-f', ...tags])
}
