import { cpSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { describeOnce, run } from './helpers.js'
import { CLI, fixture, platform, ROOT, runCli } from './runner.js'

// Each fix kind end to end: a project that fails, fixed by the CLI's --fix (the edits the
// static analysis proved), then checked for real in the sandbox: the platforms that failed now
// pass, TensorFlow imported and trained (and, for the CMD fix, the image's own CMD ran).

const BOTH = ['linux/amd64', 'linux/arm64']
const AMD64 = ['linux/amd64']

// The first three, once fixed, are the example itself (its cached layers serve them); the last
// two need a TensorFlow install of their own, which under QEMU takes minutes: they are checked
// on linux/amd64, where they failed too, to keep the suite's time in bounds.
const CASES: [name: string, ids: string[], platforms: string[], extra: string[]][] = [
  ['tensorflow-macos', ['macos-only-package'], BOTH, []],
  ['tensorflow-cpu', ['no-wheel-for-platform'], BOTH, []],
  ['arch-suffixed-tag', ['base-image-not-found'], BOTH, []],
  ['exec-form-venv', ['exec-form-shell', 'venv-not-on-path'], AMD64, ['--start', '600']],
  ['pep668-debian', ['externally-managed-environment'], AMD64, []],
]

// The edits are text; the image store does not change them: proven once, on the classic engine,
// where the example's layers are cached by the check tests.
describeOnce('fixes, applied, then proven on real builds', () => {
  it.each(CASES)(
    '%s: --fix, then the platforms that failed pass',
    async (name, ids, platforms, extra) => {
      const dir = mkdtempSync(join(tmpdir(), `tfmc-fix-${name}-`))
      cpSync(fixture(`fixes/${name}`), dir, { recursive: true })
      // The example's program, which every one of them copies into its image.
      cpSync(join(ROOT, 'examples/tf-app/train.py'), join(dir, 'train.py'))
      const files = ['Dockerfile', 'requirements.txt', 'train.py']
      const before = Object.fromEntries(files.map((f) => [f, readFileSync(join(dir, f), 'utf8')]))

      // The findings, fixed in place by the CLI (as a user would), from the project's directory.
      const fixed = await run(process.execPath, [CLI, '--lint-only', '--fix'], { cwd: dir })
      expect(fixed.code, fixed.stderr).toBe(1)
      for (const id of ids) expect(fixed.stdout).toContain(`: ${id}: `)
      expect(fixed.stdout).toMatch(/^--- a\//m)
      expect(fixed.stdout).toMatch(/^--fix: wrote /m)
      const after = Object.fromEntries(files.map((f) => [f, readFileSync(join(dir, f), 'utf8')]))
      expect(after).not.toEqual(before)
      expect(after['train.py']).toBe(before['train.py'])
      const clean = await run(process.execPath, [CLI, '--lint-only'], { cwd: dir })
      expect(clean.stdout).toContain('no findings')
      expect(clean.code).toBe(0)

      const res = await runCli([dir, '--platforms', platforms.join(','), ...extra])
      expect(res.code, `${res.stdout}\n${res.stderr}`).toBe(0)
      for (const p of platforms.map((x) => platform(res.results, x))) {
        expect(p.passed, JSON.stringify(p.diagnoses)).toBe(true)
        expect(p.stages.import.status).toBe('passed')
        expect(p.stages.train.status).toBe('passed')
        if (extra.includes('--start')) expect(p.stages.start?.status).toBe('passed')
      }
      expect(res.results!.fixes ?? []).toEqual([])
    },
  )
})
