import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { describeFailure, run } from '../../src/docker/exec.js'

describe('run', () => {
  it('streams lines, keeps a bounded tail and the exit code', async () => {
    const seen: string[] = []
    const res = await run(
      'sh',
      ['-c', 'for i in 1 2 3 4 5; do echo out$i; done; echo err >&2; exit 7'],
      {
        keepLines: 3,
        onLine: (l) => seen.push(l),
      },
    )
    expect(res.exitCode).toBe(7)
    expect(seen.filter((l) => l.startsWith('out'))).toEqual([
      'out1',
      'out2',
      'out3',
      'out4',
      'out5',
    ])
    expect(res.tail).toHaveLength(3)
    expect(res.stdout).toBe('out1\nout2\nout3\nout4\nout5\n')
    expect(describeFailure(res)).toMatch(/exited with 7:/)
  })

  it('stops what the command started too: a docker CLI plugin outlives a killed docker otherwise', async () => {
    // The child started by the command ignores SIGTERM (as docker-buildx does while it waits on
    // a paused builder) and would be left running when the command itself is stopped.
    const res = await run(
      'sh',
      ['-c', '(trap "" TERM; exec sleep 600 >/dev/null 2>&1) & echo $!; wait'],
      { timeoutMs: 300 },
    )
    expect(res.timedOut).toBe(true)
    const orphan = Number(res.stdout.trim())
    // Killed is gone or a zombie (its parent, the command, is gone; init reaps it in its time).
    const alive = (): boolean => {
      try {
        return !/^State:\s+Z/m.test(readFileSync(`/proc/${orphan}/status`, 'utf8'))
      } catch {
        return false
      }
    }
    for (let i = 0; i < 50 && alive(); i++) await new Promise((r) => setTimeout(r, 20))
    expect(alive()).toBe(false)
  })

  it('keeps a multibyte character whole when it arrives in two writes', async () => {
    // "✓ 🐍" in UTF-8, written in three pieces that split both characters, with pauses so that
    // each reaches the pipe as its own chunk.
    const script = `
      const w = (bytes) => process.stdout.write(Buffer.from(bytes))
      w([0x6f, 0x6b, 0x20, 0xe2, 0x9c])
      setTimeout(() => w([0x93, 0x20, 0xf0, 0x9f]), 150)
      setTimeout(() => w([0x90, 0x8d, 0x0a]), 300)`
    const res = await run(process.execPath, ['-e', script])
    expect(res.exitCode).toBe(0)
    expect(res.tail).toEqual(['ok ✓ 🐍'])
    expect(res.stdout).toBe('ok ✓ 🐍\n')
    expect(res.stdout).not.toContain('\uFFFD')
  })

  it('feeds stdin', async () => {
    const res = await run('sh', ['-c', 'cat'], { input: 'hello\nworld' })
    expect(res.tail).toEqual(['hello', 'world'])
  })

  it('kills a process that outlives its deadline', async () => {
    const started = Date.now()
    const res = await run('sleep', ['30'], { timeoutMs: 200 })
    expect(res.timedOut).toBe(true)
    expect(res.signal).toBe('SIGTERM')
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(describeFailure(res)).toMatch(/timed out/)
  })

  it('stops on abort', async () => {
    const ac = new AbortController()
    setTimeout(() => ac.abort(), 100)
    const res = await run('sleep', ['30'], { signal: ac.signal })
    expect(res.aborted).toBe(true)
  })

  it('reports a missing program instead of throwing', async () => {
    const res = await run('definitely-not-a-program-here', [])
    expect(res.spawnError?.code).toBe('ENOENT')
    expect(describeFailure(res)).toContain('ENOENT')
  })
})
