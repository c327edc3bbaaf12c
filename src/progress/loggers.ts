import { TOOL_NAME } from '../version.js'
import type { Logger } from '../engine/logger.js'
import { ProgressBoard } from './board.js'
import { logView, type ProgressView, terminalView } from './render.js'

// The engine's log, with progress: in the CLI (live lines on a terminal, lines at each change and
// a heartbeat elsewhere; -v streams everything instead, --quiet says nothing but warnings) and in
// the action's log (stage changes and a heartbeat, beside the streamed output).

export type CliOutput = 'progress' | 'verbose' | 'quiet'

export interface ClosableLogger extends Logger {
  /** A line said whatever the mode, above the live lines (which a bare write would garble). */
  print(line: string): void
  /** Stops the live lines and the heartbeat. */
  close(): void
}

export function cliLogger(
  mode: CliOutput,
  stderr: NodeJS.WriteStream = process.stderr,
  now: () => number = Date.now,
): ClosableLogger {
  const board = new ProgressBoard(now)
  const view: ProgressView | null =
    mode !== 'progress'
      ? null
      : stderr.isTTY
        ? terminalView(board, stderr)
        : logView(board, (l) => void stderr.write(l + '\n'), `${TOOL_NAME}: `)
  const say = (line: string): void => {
    if (view) view.print(line)
    else stderr.write(line + '\n')
  }
  return {
    info: (m) => mode !== 'quiet' && say(`${TOOL_NAME}: ${m}`),
    warning: (m) => say(`${TOOL_NAME}: warning: ${m}`),
    startGroup: (n) => mode === 'verbose' && say(`--- ${n}`),
    endGroup: () => undefined,
    output: (line, platform) => {
      if (mode === 'verbose') say(`[${platform}] ${line}`)
      else if (view) {
        board.output(platform, line)
        view.update()
      }
    },
    progress: (platform, stage) => {
      if (!view) return
      board.stage(platform, stage)
      view.update()
    },
    print: say,
    close: () => view?.stop(),
  }
}

/**
 * Progress in the action's log, where every output line is streamed already: a line when a
 * platform enters a stage or a build step (with several platforms at once their output
 * interleaves), and a heartbeat for a platform silent for a minute.
 */
export function withLogProgress(log: Logger, now: () => number = Date.now): ClosableLogger {
  const board = new ProgressBoard(now)
  const view = logView(board, (l) => log.info(l))
  return {
    ...log,
    output: (line, platform) => {
      log.output(line, platform)
      board.output(platform, line)
      view.update()
    },
    progress: (platform, stage) => {
      board.stage(platform, stage)
      view.update()
    },
    print: (line) => log.info(line),
    close: () => view.stop(),
  }
}
