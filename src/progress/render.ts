import type { ProgressBoard } from './board.js'

// The board on a terminal (its lines redrawn in place, once a second and at each change) or in a
// log without one (a line at each change, a heartbeat for a platform silent for a minute).

export interface ProgressView {
  /** The board changed: show it. */
  update(): void
  /** A message of its own, printed above the live lines. */
  print(text: string): void
  stop(): void
}

/** How often a log without a terminal repeats a platform that printed nothing new. */
export const HEARTBEAT_MS = 60_000

export function terminalView(
  board: ProgressBoard,
  out: { write(s: string): unknown; columns?: number },
  tickMs = 1000,
): ProgressView {
  let drawn = 0
  const clear = (): void => {
    // Up to the first live line, then erase to the end of the screen.
    if (drawn > 0) out.write(`\x1b[${drawn}F\x1b[J`)
    drawn = 0
  }
  const draw = (): void => {
    const width = Math.max(20, (out.columns ?? 100) - 1)
    const lines = board.lines().map((l) => (l.length > width ? l.slice(0, width) : l))
    clear()
    if (lines.length > 0) out.write(lines.join('\n') + '\n')
    drawn = lines.length
  }
  const timer = setInterval(draw, tickMs)
  timer.unref()
  return {
    update: draw,
    print(text) {
      clear()
      out.write(text.endsWith('\n') ? text : text + '\n')
      draw()
    },
    stop() {
      clearInterval(timer)
      clear()
    },
  }
}

export function logView(
  board: ProgressBoard,
  /** Writes one line. */
  write: (line: string) => void,
  /** Before each progress line (not before messages, which carry their own). */
  prefix = '',
  heartbeatMs = HEARTBEAT_MS,
  tickMs = 5000,
): ProgressView {
  const flush = (): void => {
    for (const line of board.changes(heartbeatMs)) write(prefix + line)
  }
  const timer = setInterval(flush, tickMs)
  timer.unref()
  return {
    update: flush,
    print: write,
    stop() {
      clearInterval(timer)
      flush()
    },
  }
}
