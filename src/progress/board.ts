import { formatDuration } from '../format.js'
import { StepTracker } from '../docker/steps.js'

// What each platform is doing now, for the progress lines of the CLI and the action's log: its
// stage (build, pull, import, train, start, run), for builds the BuildKit step it is on (read
// from the build's own plain progress output), and how long the stage has been running.

/** A step as shown: one line, at most this long. */
const STEP_WIDTH = 72

interface Row {
  stage: string
  since: number
  /** BuildKit steps running. */
  steps: StepTracker
  /** What a log without a terminal last printed for this platform, and when. */
  printed: string
  printedAt: number
}

export class ProgressBoard {
  private readonly rows = new Map<string, Row>()

  constructor(private readonly now: () => number = Date.now) {}

  /** The platform entered a stage (or finished: "passed", "failed"). */
  stage(platform: string, stage: string): void {
    const row = this.row(platform)
    row.stage = stage
    row.since = this.now()
    row.steps.clear()
  }

  /** A line of the platform's build or container output. */
  output(platform: string, line: string): void {
    const row = this.rows.get(platform)
    if (!row) return
    row.steps.line(line)
  }

  /** The step a platform is on: the latest started that has not ended. */
  step(platform: string): string | null {
    const step = this.rows.get(platform)?.steps.current()
    if (!step) return null
    return step.length > STEP_WIDTH ? `${step.slice(0, STEP_WIDTH - 3)}...` : step
  }

  /** One line per platform, for a terminal: redrawn in place. */
  lines(): string[] {
    const width = Math.max(0, ...[...this.rows.keys()].map((p) => p.length))
    return [...this.rows.keys()].map((p) => {
      const row = this.rows.get(p)!
      const step = this.step(p)
      const time = DONE.has(row.stage) ? '' : `  ${this.elapsed(row)}`
      return `${p.padEnd(width)}  ${row.stage}${step ? `  ${step}` : ''}${time}`
    })
  }

  /**
   * What a log without a terminal prints now: a line for each platform whose stage or step
   * changed since it last printed one, or that has been silent for `heartbeatMs` (still working).
   */
  changes(heartbeatMs: number): string[] {
    const out: string[] = []
    const now = this.now()
    for (const [p, row] of this.rows) {
      const step = this.step(p)
      const what = `${p}: ${row.stage}${step ? `: ${step}` : ''}`
      if (what !== row.printed) out.push(what)
      else if (now - row.printedAt >= heartbeatMs && !DONE.has(row.stage))
        out.push(`${what} (still working, ${this.elapsed(row)})`)
      else continue
      row.printed = what
      row.printedAt = now
    }
    return out
  }

  private elapsed(row: Row): string {
    return formatDuration(this.now() - row.since)
  }

  private row(platform: string): Row {
    let row = this.rows.get(platform)
    if (!row) {
      row = { stage: '', since: this.now(), steps: new StepTracker(), printed: '', printedAt: 0 }
      this.rows.set(platform, row)
    }
    return row
  }
}

/** The stages that end a platform's work: no heartbeat after them. */
export const DONE = new Set(['passed', 'failed'])
