import { describe, expect, it } from 'vitest'
import { InputError } from '../../src/errors.js'
import { statusContext, statusDescription, statusState } from '../../src/report/identity.js'
import { renderReport } from '../../src/report/markdown.js'
import { parseCommentHeader, parseReportOptions } from '../../src/config/report.js'
import { codeBlock, codeSpan, inline, stripControl } from '../../src/report/safe.js'
import { withSlowdowns } from '../../src/results/slowdown.js'
import type { PlatformResult } from '../../src/results/types.js'
import { mergeResults } from '../../src/results/merge.js'
import { validateResults } from '../../src/results/validate.js'
import { loadResultsFixture, outsideCodeBlocks } from '../support/fixtures.js'

describe('safe markdown', () => {
  it('inline text cannot mention, link, format or open HTML', () => {
    const s = inline('@team <img src=x> **bold** [a](http://x) `c` | cell')
    expect(s).not.toMatch(/@team|<img|\*\*bold\*\*|\]\(|`c`|[^\\]\|/)
    expect(s).toContain('&lt;img src=x&gt;')
  })
  it('inline text is one line and capped', () => {
    expect(inline('a\nb\r\nc')).toBe('a b c')
    expect(inline('x'.repeat(500), 10)).toHaveLength(10)
  })
  it('code blocks outlast any fence in the text and break up markers', () => {
    const block = codeBlock('a\n``````\n<!-- tf-multiarch-check -->\nb')
    expect(block.split('\n')[0]).toBe('```````text')
    expect(block.split('\n').at(-1)).toBe('```````')
    expect(block).not.toContain('<!-- tf-multiarch-check')
  })
  it('code spans keep paths readable and cannot be closed early', () => {
    expect(codeSpan('__fixtures__/a_b.txt:4')).toBe('`__fixtures__/a_b.txt:4`')
    expect(codeSpan('x`<b>@team</b>\ny')).toBe("`x'<b>@team</b> y`")
  })
  it('strips colours and control characters', () => {
    expect(stripControl('\u001b[31mred\u001b[0m\u0007 ok\r\n')).toBe('red ok\n')
  })
})

describe('renderReport', () => {
  it('shows the verdict, the table, and for each failing platform its stage, reason and log', () => {
    const body = renderReport(loadResultsFixture('venv-not-on-path'), {
      runUrl: 'https://github.com/o/r/actions/runs/1',
      sha: 'a1b2c3d4e5f6a7b8',
    })
    expect(body).toMatch(
      /^### ❌ tf-multiarch-check: TensorFlow fails on linux\/amd64, linux\/arm64/,
    )
    expect(body).toContain(
      '| Platform | Runs | Build | Import | Train | TensorFlow | Python | Time |',
    )
    expect(body).toMatch(
      /\| `linux\/arm64` \| QEMU \| ✅ passed .* \| ❌ failed .* \| ⏭️ skipped \|/,
    )
    expect(body).toContain("ModuleNotFoundError: No module named 'tensorflow'")
    expect(body).toContain(
      '<summary><b>linux/arm64</b>: import failed — TensorFlow did not import</summary>',
    )
    expect(body).toContain('commit `a1b2c3d4e5f6`')
    expect(body).toContain('[workflow run](https://github.com/o/r/actions/runs/1)')
  })
  it('marks optional platforms and explains emulation cost', () => {
    const r = loadResultsFixture('tf-app')
    r.platforms = withSlowdowns(r.platforms)
    const body = renderReport(r)
    expect(body).toMatch(
      /`linux\/arm64` ran under QEMU import \d+\.\dx, train \d+\.\dx slower than `linux\/amd64` natively/,
    )
    expect(renderReport(loadResultsFixture('tensorflow-cpu'))).toContain(
      'TensorFlow fails on linux/arm64',
    )
  })
  it('shrinks logs before anything else, and never exceeds the limit', () => {
    const r = loadResultsFixture('venv-not-on-path')
    for (const p of r.platforms)
      p.stages.import.log = Array.from({ length: 3000 }, (_, i) => `${i} ${'y'.repeat(100)}`).join(
        '\n',
      )
    const body = renderReport(r, { maxLength: 20_000 })
    expect(body.length).toBeLessThanOrEqual(20_000)
    expect(body).toContain('| `linux/amd64` | native |')
    for (const p of r.platforms)
      p.stages.import.log = Array.from({ length: 10 }, () => 'z'.repeat(5_000)).join('\n')
    const none = renderReport(r, { maxLength: 4_000 })
    expect(none.length).toBeLessThanOrEqual(4_000)
    expect(none).not.toContain('Import log')
    expect(none).toContain('| `linux/arm64` | QEMU |')
  })
  it('leaves hostile text inert', () => {
    const r = loadResultsFixture('venv-not-on-path')
    r.platforms[0]!.diagnoses = [
      {
        id: 'unknown',
        title: '@admins <script>',
        detail: '</details>',
        fix: '<!-- tf-multiarch-check -->',
        file: 'Dockerfile',
        line: 3,
      },
    ]
    const live = outsideCodeBlocks(renderReport(r, { marker: '<!-- tf-multiarch-check -->' }))
    expect(live).not.toMatch(/@admins|<script>/)
    expect(live.split('<!-- tf-multiarch-check -->').length).toBe(2)
  })
})

describe('statuses', () => {
  const r = loadResultsFixture('tensorflow-cpu')
  it('names the configuration and the platform', () => {
    expect(statusContext('', 'linux/arm64')).toBe('tf-multiarch-check / linux/arm64')
    expect(statusContext('gpu', 'linux/arm64')).toBe('tf-multiarch-check (gpu) / linux/arm64')
  })
  it('maps outcomes to states', () => {
    expect(statusState(r.platforms[0]!)).toBe('success')
    expect(statusState(r.platforms[1]!)).toBe('failure')
    const timedOut = structuredClone(r.platforms[1]!)
    timedOut.stages.build.status = 'timed-out'
    expect(statusState(timedOut)).toBe('error')
  })
  it('describes within 140 characters', () => {
    expect(statusDescription(r.platforms[0]!)).toMatch(/^import ok, train skipped, \d+ s native$/)
    const p = structuredClone(r.platforms[1]!)
    p.stages.build.reason = 'x'.repeat(300)
    expect(statusDescription(p).length).toBeLessThanOrEqual(140)
  })
})

describe('results files', () => {
  it('accepts real results and rebuilds them from checked fields only', () => {
    const raw = { ...loadResultsFixture('tf-app'), injected: '<script>' }
    const r = validateResults(raw, 'a.json')
    expect(r.platforms).toHaveLength(2)
    expect('injected' in r).toBe(false)
  })
  it.each([
    [null, /the document must be an object/],
    [{ schemaVersion: 2 }, /schemaVersion is 2/],
    [{ schemaVersion: 1, tool: { name: 'other' } }, /tool.name is "other"/],
    [{ ...loadResultsFixture('tf-app'), platforms: 'x' }, /platforms must be an array/],
    [
      { ...loadResultsFixture('tf-app'), platforms: Array.from({ length: 33 }, () => ({})) },
      /has 33 entries, more than the 32 allowed/,
    ],
  ])('rejects %#', (value, message) => {
    expect(() => validateResults(value, 'results/x.json')).toThrow(InputError)
    expect(() => validateResults(value, 'results/x.json')).toThrow(message)
  })
  it("keeps an emulated platform's slowdown through report mode, for the merged comment", () => {
    const merged = mergeResults([validateResults(loadResultsFixture('tf-app'), 'a.json')])
    const arm = merged.platforms.find((p) => p.platform === 'linux/arm64')!
    expect(arm.emulationSlowdown).toEqual({ native: 'linux/amd64', import: 5, train: 5.6 })
    expect(renderReport(merged)).toContain('ran under QEMU import 5.0x, train 5.6x slower than')
    // Not for a platform whose proof fails, and not as anything but numbers.
    const forged = loadResultsFixture('tf-app')
    forged.platforms[1]!.environment.machine = 'x86_64'
    expect(validateResults(forged, 'a.json').platforms[1]!.emulationSlowdown).toBeUndefined()
    const hostile = loadResultsFixture('tf-app')
    ;(hostile.platforms[1]!.emulationSlowdown as unknown as { import: string }).import = '<b>5</b>'
    expect(() => validateResults(hostile, 'a.json')).toThrow(/emulationSlowdown.import/)
  })
  it('passes a platform only with the proof: a file that says passed without it does not pass', () => {
    const real = validateResults(loadResultsFixture('tf-app'), 'a.json')
    expect(real.platforms.map((p) => p.passed)).toEqual([true, true])
    expect(real.passed).toBe(true)
    const forged: [string, (p: PlatformResult) => void][] = [
      ['an older file, without the image platform', (p) => delete p.image!.architecture],
      ['an amd64 image', (p) => (p.image!.architecture = 'amd64')],
      ['an x86_64 machine', (p) => (p.environment.machine = 'x86_64')],
      ['an amd64 interpreter', (p) => (p.environment.interpreter = 'amd64')],
      ['no image at all', (p) => (p.image = null)],
      ['a failed import', (p) => (p.stages.import.status = 'failed')],
    ]
    for (const [what, forge] of forged) {
      const raw = loadResultsFixture('tf-app')
      forge(raw.platforms[1]!)
      expect(raw.platforms[1]!.passed, what).toBe(true)
      const r = validateResults(raw, 'a.json')
      expect(
        r.platforms.map((p) => p.passed),
        what,
      ).toEqual([true, false])
      expect(r.passed, what).toBe(false)
    }
  })
  it('keeps the host of each platform, and the report shows it in one line', () => {
    const raw = loadResultsFixture('tf-app')
    const host = { engine: '28.5.2', buildx: '0.29.1', driver: 'docker', imageStore: 'containerd' }
    raw.platforms[0]!.host = host as PlatformResult['host']
    raw.platforms[1]!.host = { ...host, qemu: '7.2.22' } as PlatformResult['host']
    const r = validateResults(raw, 'a.json')
    expect(r.platforms[1]!.host).toEqual({ ...host, qemu: '7.2.22' })
    // As GitHub renders it: the values are escaped like every other text from a results file.
    expect(renderReport(r).replace(/\\([()])/g, '$1')).toContain(
      'Checked linux/amd64, linux/arm64 (QEMU 7.2.22) on Docker Engine 28.5.2 (containerd image store), buildx 0.29.1, docker driver.',
    )
    raw.platforms[0]!.host = { ...host, imageStore: 'zfs' } as unknown as PlatformResult['host']
    expect(() => validateResults(raw, 'a.json')).toThrow(
      /imageStore 'zfs' is not classic or containerd/,
    )
  })
  it('caps oversized logs, keeping their end', () => {
    const raw = loadResultsFixture('venv-not-on-path')
    raw.platforms[0]!.stages.import.log = 'a'.repeat(100_000) + 'THE END'
    const r = validateResults(raw, 'x')
    expect(r.platforms[0]!.stages.import.log.length).toBe(16_000)
    expect(r.platforms[0]!.stages.import.log.endsWith('THE END')).toBe(true)
  })
  it('merges by platform, newer wins, and decides the verdict from required platforms', () => {
    const a = loadResultsFixture('venv-not-on-path')
    a.createdAt = '2026-01-01T00:00:00Z'
    const b = loadResultsFixture('tf-app')
    b.createdAt = '2026-01-02T00:00:00Z'
    b.platforms = [b.platforms[1]!]
    const merged = mergeResults([a, b])
    expect(merged.platforms.map((p) => [p.platform, p.passed])).toEqual([
      ['linux/amd64', false],
      ['linux/arm64', true],
    ])
    expect(merged.passed).toBe(false)
    expect(mergeResults([a, b], new Set(['linux/arm64'])).passed).toBe(true)
  })
})

describe('report options', () => {
  it('defaults to check mode, auto comment, statuses and suggestions', () => {
    expect(parseReportOptions({})).toEqual({
      mode: 'check',
      results: '',
      comment: 'auto',
      commentHeader: '',
      statuses: true,
      suggestions: 'auto',
    })
    expect(parseReportOptions({ suggestions: 'OFF' }).suggestions).toBe('off')
    expect(() => parseReportOptions({ suggestions: 'yes' })).toThrow(
      /^suggestions: 'yes' is not auto or off; auto posts the fixes as suggested changes/,
    )
  })
  it('requires results in report mode', () => {
    expect(() => parseReportOptions({ mode: 'report' })).toThrow(/results: report mode needs/)
  })
  it.each(['<b>x</b>', 'a -->', '[link](x)', '@team', 'x'.repeat(65), '-leading'])(
    'refuses the header %s',
    (h) => {
      expect(() => parseCommentHeader(h)).toThrow(/comment-header:/)
    },
  )
  it('accepts plain headers', () => {
    expect(parseCommentHeader(' gpu image/v2.1 ')).toBe('gpu image/v2.1')
  })
  it('refuses unknown comment modes', () => {
    expect(() => parseReportOptions({ comment: 'sometimes' })).toThrow(
      /comment: 'sometimes' is not one of/,
    )
  })
})
