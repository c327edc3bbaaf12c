// How the check writes a duration, a place in a file and a cut text, wherever it writes them
// (log lines, reasons, diagnoses, the report): one spelling each. A leaf: it imports nothing.

/** A stage's or a build's time: "52 s", "3 min 06 s". */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000)
  if (s < 60) return `${s} s`
  const m = Math.floor(s / 60)
  return `${m} min ${String(s % 60).padStart(2, '0')} s`
}

/** A short time to a tenth of a second, for log lines: "11.2 s". */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
}

/** A place in the project: "Dockerfile:6", or the file alone when no line is known. */
export function fileLine(at: { file: string; line?: number | undefined }): string {
  return at.line ? `${at.file}:${at.line}` : at.file
}

/** At most `max` characters, the last an ellipsis when it was cut. */
export function truncate(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text
}
