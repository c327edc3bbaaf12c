// What the benchmark scripts share: timing a command, failing loudly, and their log.
import { spawn } from 'node:child_process'

export function log(msg) {
  process.stderr.write(`[bench] ${msg}\n`)
}

/** Runs a command to completion; resolves with its wall time. */
export function timed(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now()
    const child = spawn(cmd, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...opts.env },
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (err += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ ms: performance.now() - t0, code, out, err }))
  })
}

export async function must(cmd, args, opts) {
  const r = await timed(cmd, args, opts)
  if (r.code !== 0)
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.code}:\n${r.err.slice(-2000)}`)
  return r
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
export const round = (x) => Math.round(x)
