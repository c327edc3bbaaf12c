import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ProgressBoard } from '../../src/progress/board.js'
import { cliLogger, withLogProgress } from '../../src/progress/loggers.js'
import { terminalView } from '../../src/progress/render.js'
import { quiet } from '../support/engine.js'
import { fixturePath } from '../support/fixtures.js'
import { run } from '../e2e/helpers.js'
import { CLI } from '../e2e/runner.js'

// The progress lines: what each platform is doing, read from the engine's stage changes and
// BuildKit's own plain progress output, on a terminal and in a log, with a clock the test moves.

const buildLog = readFileSync(fixturePath('logs/buildx-0.29/macos-only-package.log'), 'utf8')
  .split('\n')
  .filter(Boolean)

function clock(): { now: () => number; advance: (ms: number) => void } {
  let t = 1_000_000
  return { now: () => t, advance: (ms) => void (t += ms) }
}

describe('the board', () => {
  it('follows the BuildKit step a build is on, from a real buildx 0.29 log', () => {
    const board = new ProgressBoard()
    board.stage('linux/arm64', 'build')
    const seen: (string | null)[] = []
    for (const line of buildLog) {
      board.output('linux/arm64', line)
      seen.push(board.step('linux/arm64'))
    }
    const steps = [...new Set(seen.filter(Boolean))]
    expect(steps).toEqual([
      '[internal] load build definition from Dockerfile',
      '[internal] load metadata for docker.io/library/python:3.11-slim',
      '[internal] load .dockerignore',
      '[1/3] FROM docker.io/library/python:3.11-slim@sha256:068cc58046c93309...',
      '[2/3] WORKDIR /app',
      '[3/3] RUN pip install --no-cache-dir tensorflow-macos tensorflow-metal',
    ])
    // The step's own log lines do not move it; its ERROR ends it.
    expect(seen.at(-1)).toBeNull()
  })

  it('prints a line at each change and a heartbeat after a silent minute, none once done', () => {
    const c = clock()
    const board = new ProgressBoard(c.now)
    board.stage('linux/arm64', 'build')
    expect(board.changes(60_000)).toEqual(['linux/arm64: build'])
    board.output('linux/arm64', '#8 [4/5] RUN pip install --no-cache-dir -r requirements.txt')
    board.output('linux/arm64', '#8 12.31 Collecting tensorflow==2.21.0')
    expect(board.changes(60_000)).toEqual([
      'linux/arm64: build: [4/5] RUN pip install --no-cache-dir -r requirements.txt',
    ])
    c.advance(59_000)
    expect(board.changes(60_000)).toEqual([])
    c.advance(1_000)
    expect(board.changes(60_000)).toEqual([
      'linux/arm64: build: [4/5] RUN pip install --no-cache-dir -r requirements.txt (still working, 1 min 00 s)',
    ])
    board.stage('linux/arm64', 'import')
    board.stage('linux/amd64', 'train')
    expect(board.changes(60_000)).toEqual(['linux/arm64: import', 'linux/amd64: train'])
    board.stage('linux/arm64', 'passed')
    c.advance(10 * 60_000)
    expect(board.changes(60_000)).toEqual([
      'linux/arm64: passed',
      'linux/amd64: train (still working, 10 min 00 s)',
    ])
    c.advance(10 * 60_000)
    expect(board.changes(60_000)).toEqual(['linux/amd64: train (still working, 20 min 00 s)'])
  })

  it('shows one aligned line per platform with the time in its stage', () => {
    const c = clock()
    const board = new ProgressBoard(c.now)
    board.stage('linux/amd64', 'import')
    board.stage('linux/arm64/v8', 'build')
    board.output('linux/arm64/v8', '#5 [2/3] WORKDIR /app')
    c.advance(133_000)
    expect(board.lines()).toEqual([
      'linux/amd64     import  2 min 13 s',
      'linux/arm64/v8  build  [2/3] WORKDIR /app  2 min 13 s',
    ])
    // A platform that is done keeps its line, without a clock.
    board.stage('linux/amd64', 'passed')
    c.advance(9_000)
    expect(board.lines()[0]).toBe('linux/amd64     passed')
  })
})

describe('on a terminal', () => {
  it('redraws its lines in place, and keeps messages above them', () => {
    const c = clock()
    const board = new ProgressBoard(c.now)
    let written = ''
    const view = terminalView(board, { write: (s) => void (written += s), columns: 80 }, 60_000)
    board.stage('linux/amd64', 'build')
    board.stage('linux/arm64', 'build')
    view.update()
    expect(written).toBe('linux/amd64  build  0 s\nlinux/arm64  build  0 s\n')
    written = ''
    c.advance(5_000)
    view.update()
    // Up two lines, erase below, draw again.
    expect(written).toBe('\x1b[2F\x1b[Jlinux/amd64  build  5 s\nlinux/arm64  build  5 s\n')
    written = ''
    view.print('tf-multiarch-check: warning: something')
    expect(written).toBe(
      '\x1b[2F\x1b[Jtf-multiarch-check: warning: something\nlinux/amd64  build  5 s\nlinux/arm64  build  5 s\n',
    )
    written = ''
    view.stop()
    expect(written).toBe('\x1b[2F\x1b[J')
  })
})

describe('in a log', () => {
  it('the CLI without a terminal: its messages and a line at each change', () => {
    let written = ''
    const stderr = { isTTY: false, write: (s: string) => void (written += s) }
    const log = cliLogger('progress', stderr as unknown as NodeJS.WriteStream)
    log.info('linux/arm64: emulated (QEMU aarch64 on this amd64 host)')
    log.progress!('linux/arm64', 'build')
    log.output('#6 [3/3] RUN pip install --no-cache-dir tensorflow==2.21.0', 'linux/arm64')
    log.output('#6 4.2 Collecting tensorflow==2.21.0', 'linux/arm64')
    log.progress!('linux/arm64', 'import')
    log.progress!('linux/arm64', 'passed')
    log.close()
    expect(written.split('\n')).toEqual([
      'tf-multiarch-check: linux/arm64: emulated (QEMU aarch64 on this amd64 host)',
      'tf-multiarch-check: linux/arm64: build',
      'tf-multiarch-check: linux/arm64: build: [3/3] RUN pip install --no-cache-dir tensorflow==2.21.0',
      'tf-multiarch-check: linux/arm64: import',
      'tf-multiarch-check: linux/arm64: passed',
      '',
    ])
  })

  it("on a terminal, Ctrl-C's message is printed above the live lines, which are drawn again below it", () => {
    let written = ''
    const stderr = { isTTY: true, columns: 80, write: (s: string) => void (written += s) }
    const log = cliLogger('quiet', stderr as unknown as NodeJS.WriteStream)
    log.print('tf-multiarch-check: interrupted; stopping builds and containers')
    log.close()
    expect(written).toBe('tf-multiarch-check: interrupted; stopping builds and containers\n')
    written = ''
    const live = cliLogger('progress', stderr as unknown as NodeJS.WriteStream)
    live.progress!('linux/arm64', 'build')
    live.print('tf-multiarch-check: interrupted; stopping builds and containers')
    live.close()
    // Drawn, erased (one line up, clear below), the message, drawn again, erased at the close.
    expect(written).toBe(
      'linux/arm64  build  0 s\n\x1b[1F\x1b[Jtf-multiarch-check: interrupted; stopping builds and containers\nlinux/arm64  build  0 s\n\x1b[1F\x1b[J',
    )
  })

  it('quiet: warnings only; verbose: the output itself, no progress lines', () => {
    for (const [mode, expected] of [
      ['quiet', ['tf-multiarch-check: warning: w', '']],
      [
        'verbose',
        [
          'tf-multiarch-check: i',
          'tf-multiarch-check: warning: w',
          '[linux/amd64] #1 [1/2] FROM x',
          '',
        ],
      ],
    ] as const) {
      let written = ''
      const stderr = { isTTY: false, write: (s: string) => void (written += s) }
      const log = cliLogger(mode, stderr as unknown as NodeJS.WriteStream)
      log.info('i')
      log.warning('w')
      log.progress!('linux/amd64', 'build')
      log.output('#1 [1/2] FROM x', 'linux/amd64')
      log.close()
      expect(written.split('\n')).toEqual(expected)
    }
  })

  it("the action's log: the streamed output, and a line when a platform changes stage or step", () => {
    const said: string[] = []
    const log = withLogProgress({
      ...quiet,
      info: (m) => void said.push(m),
      output: (l, p) => void said.push(`[${p}] ${l}`),
    })
    log.progress!('linux/amd64', 'build')
    log.output('#4 [2/2] RUN true', 'linux/amd64')
    log.close()
    expect(said).toEqual([
      'linux/amd64: build',
      '[linux/amd64] #4 [2/2] RUN true',
      'linux/amd64: build: [2/2] RUN true',
    ])
  })
})

it('--verbose with --quiet is a usage error', async () => {
  const res = await run(process.execPath, [CLI, '--verbose', '--quiet', '.'], {
    env: { PATH: '/nonexistent' },
  })
  expect(res.code).toBe(2)
  expect(res.stderr).toContain('--verbose and --quiet ask for opposite things')
})
