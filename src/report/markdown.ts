import { TOOL_NAME } from '../version.js'
import { formatDuration } from '../format.js'
import type { Diagnosis, PlatformResult, Results, StageResult } from '../results/types.js'
import { codeBlock, codeSpan, inline } from './safe.js'
import { fixLines } from './suggestions.js'
import { COMPARED_STAGES, logTitle, stageTitle } from '../results/stages.js'
import { decisiveStage, shownStages } from '../results/types.js'
import { hostLines } from './host.js'
import { invocationLines } from '../results/invocation.js'
import { verdictLine } from './summary.js'
import { gpuCell, gpuLines, readyCell } from './gpu.js'

// The markdown report: the sticky PR comment and the job summary are this same text. Every
// value that came from the build or the image goes through inline(), codeSpan() or codeBlock().

/** GitHub refuses comment bodies longer than this. */
export const GITHUB_COMMENT_LIMIT = 65_536

export interface RenderOptions {
  /** The hidden first line that identifies our comment (omitted in the job summary). */
  marker?: string
  /** Link to the workflow run. */
  runUrl?: string
  /** The commit checked. */
  sha?: string | null
  /** A name for the configuration, when several steps report on one PR. */
  header?: string
  maxLength?: number
}

const ICON: Record<StageResult['status'], string> = {
  passed: '✅',
  failed: '❌',
  skipped: '⏭️',
  'timed-out': '⏱️',
}

function stageCell(st: StageResult | undefined): string {
  if (!st) return '–'
  return st.status === 'skipped'
    ? `${ICON.skipped} skipped`
    : `${ICON[st.status]} ${st.status} ${formatDuration(st.durationMs)}`
}

/** Where it ran: natively, under QEMU (in place of its own runner, a fallback), or nowhere. */
function runsCell(p: PlatformResult): string {
  const cause = p.stages.build.cause
  if (cause === 'no-runner' || cause === 'no-results') return '–'
  if (!p.emulated) return 'native'
  return p.host?.runner?.insteadOf ? 'QEMU (fallback)' : 'QEMU'
}

export function table(results: Results): string {
  const stages = shownStages(results.platforms)
  const ready = results.platforms.some((p) => p.gpuReady)
  const rows = results.platforms.map((p) =>
    [
      `${codeSpan(p.platform, 40)}${p.required ? '' : ' (optional)'}`,
      runsCell(p),
      ...stages.map((s) => (s === 'gpu' ? gpuCell(p) : null) ?? stageCell(p.stages[s])),
      ...(ready ? [readyCell(p)] : []),
      p.environment.tensorflow ? inline(p.environment.tensorflow, 40) : '–',
      p.environment.python ? inline(p.environment.python, 40) : '–',
      formatDuration(p.durationMs),
    ].join(' | '),
  )
  const header = [
    'Platform',
    'Runs',
    ...stages.map(stageTitle),
    ...(ready ? ['GPU-ready'] : []),
    'TensorFlow',
    'Python',
    'Time',
  ]
  return [
    `| ${header.join(' | ')} |`,
    `|${' --- |'.repeat(header.length)}`,
    ...rows.map((r) => `| ${r} |`),
  ].join('\n')
}

function diagnosisLines(d: Diagnosis): string[] {
  const where = d.file ? ` at ${codeSpan(`${d.file}${d.line ? `:${d.line}` : ''}`)}` : ''
  return [
    `- **${inline(d.title, 200)}** (${codeSpan(d.id, 60)})${where}`,
    `  - ${inline(d.detail, 600)}`,
    `  - **Fix:** ${inline(d.fix, 600)}`,
  ]
}

function slowdownLine(p: PlatformResult): string | null {
  const s = p.emulationSlowdown
  if (!s) return null
  const parts = COMPARED_STAGES.filter((k) => s[k] !== undefined).map(
    (k) => `${k} ${s[k]!.toFixed(1)}x`,
  )
  if (parts.length === 0) return null
  const worst = Math.max(...COMPARED_STAGES.map((k) => s[k] ?? 0))
  const hint =
    worst > 5
      ? ` A native arm64 runner (\`ubuntu-24.04-arm\`, free for public repositories) would skip the emulator.`
      : ''
  return `${codeSpan(p.platform, 40)} ran under QEMU ${parts.join(', ')} slower than ${codeSpan(s.native, 40)} natively.${hint}`
}

/** Renders with log tails of at most `logLines` lines each (null: no logs at all). */
function render(results: Results, opts: RenderOptions, logLines: number | null): string {
  const icon = results.passed ? '✅' : '❌'
  const name = opts.header ? ` (${inline(opts.header, 64)})` : ''
  const out: string[] = []
  if (opts.marker) out.push(opts.marker)
  out.push(
    `### ${icon} ${TOOL_NAME}${name}: ${inline(verdictLine(results), 400)}`,
    '',
    table(results),
    '',
  )
  for (const p of results.platforms.filter((x) => !x.passed)) {
    const stage = decisiveStage(p.stages)
    const st = stage ? p.stages[stage] : undefined
    const notReady = p.gpuReady?.required && !p.gpuReady.ready
    const what = stage && st ? `${stage} ${st.status}` : notReady ? 'not GPU-ready' : 'failed'
    const reason = st?.reason ?? (notReady ? p.gpuReady!.reason : null)
    out.push(
      `<details><summary><b>${inline(p.platform, 40)}</b>: ${inline(what, 40)}${reason ? ` — ${inline(reason, 200)}` : ''}</summary>`,
      '',
    )
    for (const d of p.diagnoses) out.push(...diagnosisLines(d))
    if (p.diagnoses.length === 0)
      out.push('- No diagnosis matched; the log below shows what failed.')
    if (stage && st && logLines !== null && st.log.trim() !== '') {
      const lines = st.log.split('\n')
      const shown = lines.slice(-logLines).join('\n')
      const cut = lines.length > logLines ? ` (last ${logLines} of ${lines.length} lines)` : ''
      out.push('', `${logTitle(stage)} log${cut}:`, '', codeBlock(shown))
    }
    out.push('', '</details>', '')
  }
  if (results.diagnoses.length > 0) {
    out.push('**Findings for every platform**', '')
    for (const d of results.diagnoses) out.push(...diagnosisLines(d))
    out.push('')
  }
  if (results.fixes?.length) {
    out.push(
      '**Fixes** (checked by analysing the edited project; on the lines this pull request changes, they are also suggested changes)',
      '',
      ...results.fixes.flatMap(fixLines),
    )
  }
  const slow = results.platforms.map(slowdownLine).filter((l): l is string => l !== null)
  if (slow.length > 0) out.push(...slow.map((l) => `- ${l}`), '')
  const gpus = gpuLines(results.platforms)
  if (gpus.length > 0) out.push('**GPUs**', '', ...gpus.map((l) => `- ${l}`), '')
  const ways = invocationLines(results.platforms)
  if (ways.length > 0) out.push(...ways.map((l) => `- ${inline(l, 600)}`), '')
  // Where the verdicts were reached: "green on my runner" depends on it.
  const hosts = hostLines(results.platforms)
  if (hosts.length > 0) out.push(`Checked ${hosts.map((h) => inline(h, 600)).join('; ')}.`, '')
  const foot: string[] = []
  if (opts.sha) foot.push(`commit ${codeSpan(opts.sha.slice(0, 12), 12)}`)
  if (opts.runUrl) foot.push(`[workflow run](${opts.runUrl})`)
  foot.push(`${TOOL_NAME} ${inline(results.tool.version, 20)}`)
  out.push(`<sub>${foot.join(' · ')}</sub>`)
  return out.join('\n') + '\n'
}

/**
 * The report, within GitHub's size limit: log tails shrink first, then go; the table and the
 * diagnoses always stay.
 */
export function renderReport(results: Results, opts: RenderOptions = {}): string {
  const max = opts.maxLength ?? GITHUB_COMMENT_LIMIT
  for (const lines of [40, 20, 10, 5, 2]) {
    const body = render(results, opts, lines)
    if (body.length <= max) return body
  }
  const body = render(results, opts, null)
  if (body.length <= max) return body
  // Only a pathological number of platforms or diagnoses gets here: cut at a line boundary.
  const note =
    '\n\n… (cut to fit GitHub’s comment size limit; the job summary and the results file have the rest)\n'
  const cut = body.slice(0, max - note.length)
  return cut.slice(0, cut.lastIndexOf('\n')) + note
}
