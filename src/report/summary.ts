import { fileLine, formatDuration, truncate } from '../format.js'
import { gpuNames, readinessText } from './gpu.js'
import { stageTitle } from '../results/stages.js'
import { failingStage, type PlatformResult, type Results, shownStages } from '../results/types.js'

// Pure renderings of the results: the one-line verdict, the per-platform table (markdown for
// the job summary and the CLI's --markdown, plain text for the terminal).

/** The first stage that did not pass, with its reason: "import failed: TensorFlow did not import". */
export function firstFailure(p: PlatformResult): string {
  const name = failingStage(p.stages)
  if (!name) return p.passed ? 'passed' : 'not run'
  const st = p.stages[name]!
  return `${name} ${st.status}${st.reason ? `: ${st.reason}` : ''}`
}

/** Why a platform failed, in one line: its first diagnosis if it has one, else its first failing stage. */
export function failureSummary(p: PlatformResult): string {
  const d = p.diagnoses[0]
  const where = d?.file ? ` (${fileLine({ file: d.file, line: d.line })})` : ''
  if (!d) return firstFailure(p)
  const name = failingStage(p.stages)
  const stage = name ? `${name} ${p.stages[name]!.status}` : 'failed'
  return `${stage}: ${d.title}${where}; fix: ${d.fix}`
}

export function verdictLine(results: Results): string {
  const failedRequired = results.platforms
    .filter((p) => p.required && !p.passed)
    .map((p) => p.platform)
  const failedOptional = results.platforms
    .filter((p) => !p.required && !p.passed)
    .map((p) => p.platform)
  const optional =
    failedOptional.length > 0 ? ` (not required, failing: ${failedOptional.join(', ')})` : ''
  if (failedRequired.length === 0) {
    const what = results.image
      ? `The image ${results.image} imports TensorFlow and trains`
      : 'TensorFlow builds, imports and trains'
    return `${what} on ${
      results.platforms
        .filter((p) => p.passed)
        .map((p) => p.platform)
        .join(', ') || 'no platform'
    }${optional}`
  }
  return `${results.image ? `The image ${results.image}` : 'TensorFlow'} fails on ${failedRequired.join(', ')}${optional}`
}

/** The terminal table the CLI prints at the end. */
export function textTable(results: Results): string {
  const stages = shownStages(results.platforms)
  const ready = results.platforms.some((p) => p.gpuReady)
  const header = [
    'PLATFORM',
    'RUNS',
    ...stages.map((s) => stageTitle(s).toUpperCase()),
    ...(ready ? ['GPU-READY'] : []),
    'TENSORFLOW',
    'PYTHON',
    'TIME',
  ]
  const rows = results.platforms.map((p) => [
    p.platform + (p.required ? '' : ' (optional)'),
    p.emulated ? 'qemu' : 'native',
    ...stages.map((s) => {
      const st = p.stages[s]
      if (!st) return '-'
      if (s === 'gpu' && st.status === 'passed') return gpuNames(p) ?? 'passed'
      return st.status === 'skipped' ? 'skipped' : `${st.status} ${formatDuration(st.durationMs)}`
    }),
    ...(ready ? [truncate(readinessText(p) ?? '-', 100)] : []),
    p.environment.tensorflow ?? '-',
    p.environment.python ?? '-',
    formatDuration(p.durationMs),
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd()
  return [line(header), ...rows.map(line)].join('\n')
}
