import type { PlatformResult, Results, StageResult } from '../results/types.js'

// Pure renderings of the results: the one-line verdict, the per-platform table (markdown for
// the job summary and the CLI's --markdown, plain text for the terminal).

const STAGE_ICON: Record<StageResult['status'], string> = {
  passed: '✅',
  failed: '❌',
  skipped: '⏭️',
  'timed-out': '⏱️',
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000)
  if (s < 60) return `${s} s`
  const m = Math.floor(s / 60)
  return `${m} min ${String(s % 60).padStart(2, '0')} s`
}

/** The first stage that did not pass, with its reason: "import failed: TensorFlow did not import". */
export function firstFailure(p: PlatformResult): string {
  for (const name of ['build', 'import', 'train'] as const) {
    const st = p.stages[name]
    if (st.status === 'failed' || st.status === 'timed-out') {
      return `${name} ${st.status}${st.reason ? `: ${st.reason}` : ''}`
    }
  }
  return 'passed'
}

/** Why a platform failed, in one line: its first diagnosis if it has one, else its first failing stage. */
export function failureSummary(p: PlatformResult): string {
  const d = p.diagnoses[0]
  const where = d?.file ? ` (${d.file}${d.line ? `:${d.line}` : ''})` : ''
  return d ? `${firstFailure(p).split(':')[0]}: ${d.title}${where}; fix: ${d.fix}` : firstFailure(p)
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
    return `TensorFlow builds, imports and trains on ${
      results.platforms
        .filter((p) => p.passed)
        .map((p) => p.platform)
        .join(', ') || 'no platform'
    }${optional}`
  }
  return `TensorFlow fails on ${failedRequired.join(', ')}${optional}`
}

function stageCell(st: StageResult): string {
  const time = st.status === 'skipped' ? '' : ` ${formatDuration(st.durationMs)}`
  return `${STAGE_ICON[st.status]} ${st.status}${time}`
}

export function markdownTable(results: Results): string {
  const rows = results.platforms.map((p) =>
    [
      `\`${p.platform}\`${p.required ? '' : ' (optional)'}`,
      p.emulated ? 'QEMU' : 'native',
      stageCell(p.stages.build),
      stageCell(p.stages.import),
      stageCell(p.stages.train),
      p.environment.tensorflow ?? '–',
      p.environment.python ?? '–',
      formatDuration(p.durationMs),
    ].join(' | '),
  )
  return [
    '| Platform | Runs | Build | Import | Train | TensorFlow | Python | Time |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r} |`),
  ].join('\n')
}

/** A fenced code block that the text cannot close early, whatever backticks it holds. */
export function codeBlock(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((m) => m.length))
  const fence = '`'.repeat(Math.max(3, longest + 1))
  return `${fence}text\n${text}\n${fence}`
}

export function markdownReport(results: Results): string {
  const icon = results.passed ? '✅' : '❌'
  const parts = [
    `## ${icon} tf-multiarch-check: ${verdictLine(results)}`,
    '',
    markdownTable(results),
    '',
  ]
  for (const p of results.platforms.filter((x) => !x.passed)) {
    parts.push(`### ${p.platform}: ${firstFailure(p)}`, '')
    for (const d of p.diagnoses) {
      const where = d.file ? ` — \`${d.file}${d.line ? `:${d.line}` : ''}\`` : ''
      parts.push(`- **${d.title}** (\`${d.id}\`)${where}`, `  - ${d.detail}`, `  - Fix: ${d.fix}`)
    }
    const failing = (['build', 'import', 'train'] as const).find((s) =>
      ['failed', 'timed-out'].includes(p.stages[s].status),
    )
    const log = failing ? p.stages[failing].log : ''
    if (log.trim() !== '')
      parts.push(
        '',
        `<details><summary>${failing} log (last lines)</summary>`,
        '',
        codeBlock(log),
        '',
        '</details>',
      )
    parts.push('')
  }
  for (const p of results.platforms.filter((x) => x.training)) {
    const t = p.training!
    parts.push(
      `- \`${p.platform}\`: ${t.steps} training steps, loss ${t.loss.map((l) => l.toFixed(3)).join(' → ')}, ${Math.round(t.examplesPerSecond)} examples/s`,
    )
  }
  return parts.join('\n').trimEnd() + '\n'
}

/** The terminal table the CLI prints at the end. */
export function textTable(results: Results): string {
  const header = ['PLATFORM', 'RUNS', 'BUILD', 'IMPORT', 'TRAIN', 'TENSORFLOW', 'PYTHON', 'TIME']
  const rows = results.platforms.map((p) => [
    p.platform + (p.required ? '' : ' (optional)'),
    p.emulated ? 'qemu' : 'native',
    ...(['build', 'import', 'train'] as const).map((s) =>
      p.stages[s].status === 'skipped'
        ? 'skipped'
        : `${p.stages[s].status} ${formatDuration(p.stages[s].durationMs)}`,
    ),
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
