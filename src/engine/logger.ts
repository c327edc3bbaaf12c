/** Where the engine reports progress: the Actions log, or the CLI's terminal. */
export interface Logger {
  info(message: string): void
  warning(message: string): void
  /** Groups may not nest; the engine opens one per platform and stage when it runs one platform at a time. */
  startGroup(name: string): void
  endGroup(): void
  /** A line of build or container output, live. */
  output(line: string, platform: string): void
  /** The platform entered a stage (build, pull, import, train, start, run) or ended (passed, failed). */
  progress?(platform: string, stage: string): void
}
