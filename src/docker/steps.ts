// BuildKit's plain progress output, read as it arrives: which steps are running. A step starts
// with `#8 [4/5] RUN pip install ...` (or `#1 [internal] load build definition from Dockerfile`)
// and ends with `#8 DONE 12.3s`, `#8 CACHED`, `#8 ERROR: ...` or `#8 CANCELED`.

const STEP_START = /^#(\d+) (\[[^\]]+\] .+)$/
const STEP_END = /^#(\d+) (DONE|CACHED|ERROR|CANCELED)\b/

export class StepTracker {
  /** The steps running, by id, in the order they started. */
  private readonly running = new Map<string, string>()

  /** Reads one line of the build's output. */
  line(text: string): void {
    const t = text.trimEnd()
    let m: RegExpExecArray | null
    if ((m = STEP_END.exec(t))) this.running.delete(m[1]!)
    else if ((m = STEP_START.exec(t))) {
      this.running.delete(m[1]!)
      this.running.set(m[1]!, m[2]!)
    }
  }

  /** The latest step started that has not ended, or null. */
  current(): string | null {
    return [...this.running.values()].at(-1) ?? null
  }

  clear(): void {
    this.running.clear()
  }
}
