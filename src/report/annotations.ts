import { TOOL_NAME } from '../version.js'
import type { Diagnosis, Results } from '../results/types.js'

// The diagnoses that point at a file and line, as annotations on the pull request's diff:
// errors for what fails a platform, warnings for the findings about every platform.

export interface Annotation {
  level: 'error' | 'warning'
  message: string
  title: string
  file: string
  line?: number
}

const located = (d: Diagnosis): d is Diagnosis & { file: string } => Boolean(d.file)

function annotation(
  level: Annotation['level'],
  message: string,
  d: Diagnosis & { file: string },
): Annotation {
  return {
    level,
    message,
    title: `${TOOL_NAME}: ${d.title} (${d.id})`,
    file: d.file,
    ...(d.line ? { line: d.line } : {}),
  }
}

export function annotationsOf(results: Results): Annotation[] {
  return [
    ...results.platforms.flatMap((p) =>
      p.diagnoses
        .filter(located)
        .map((d) => annotation('error', `${p.platform}: ${d.detail} Fix: ${d.fix}`, d)),
    ),
    ...results.diagnoses
      .filter(located)
      .map((d) => annotation('warning', `${d.detail} Fix: ${d.fix}`, d)),
  ]
}
