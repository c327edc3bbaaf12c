import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { fixesFor } from '../../src/fix/index.js'
import { applyHunks, hunksOf, unifiedDiff } from '../../src/fix/lines.js'
import { lintProject, type ReadFile } from '../../src/lint/index.js'
import { parsePlatformList } from '../../src/platforms.js'
import type { FixEdit } from '../../src/results/types.js'
import { fixturePath } from '../support/fixtures.js'
import { readFileSync } from 'node:fs'

// Each fix kind on a project in memory (or a fixture project): the edit is exactly the lines
// it names, and proven by linting the edited copy. The end-to-end half (the fixed project then
// passes on the sandbox) is __tests__/e2e/fixes.test.ts.

const BOTH = parsePlatformList('linux/amd64,linux/arm64')
const ROOT = '/project'

function project(files: Record<string, string>, platforms = BOTH) {
  const read: ReadFile = (p) =>
    p.startsWith(ROOT + '/') ? (files[p.slice(ROOT.length + 1)] ?? null) : null
  const opts = {
    contextPath: ROOT,
    dockerfilePath: join(ROOT, 'Dockerfile'),
    dockerfile: 'Dockerfile',
    base: ROOT,
    buildArgs: [] as [string, string][],
    platforms,
  }
  const lint = lintProject(opts, 'amd64', read)
  const fixes = fixesFor(opts, lint, 'amd64', read)
  /** The project's files with every fix applied. */
  const applied = (): Record<string, string> => {
    const out = { ...files }
    for (const f of fixes)
      for (const file of new Set(f.hunks.map((h) => h.file)))
        out[file] = applyHunks(
          out[file]!,
          f.hunks.filter((h) => h.file === file),
        )!
    return out
  }
  return { lint, fixes, applied }
}

const fixture = (name: string, file = 'Dockerfile'): string =>
  readFileSync(fixturePath(`projects/${name}/${file}`), 'utf8')

function only(fixes: FixEdit[]): FixEdit {
  expect(fixes).toHaveLength(1)
  return fixes[0]!
}

describe('fix edits', () => {
  it('tensorflow-macos -> tensorflow, and the Metal plugin out of a RUN, in one edit', () => {
    const p = project({ Dockerfile: fixture('tensorflow-macos') })
    const fix = only(p.fixes)
    expect(fix.diagnoses).toEqual(['macos-only-package'])
    expect(fix.hunks).toEqual([
      {
        file: 'Dockerfile',
        startLine: 4,
        endLine: 4,
        original: ['RUN pip install --no-cache-dir tensorflow-macos tensorflow-metal'],
        replacement: ['RUN pip install --no-cache-dir tensorflow'],
      },
    ])
  })

  it('in a requirements file: the name replaced, the specifier and the comment kept; Metal keeps a darwin marker', () => {
    const p = project({
      Dockerfile:
        'FROM python:3.11-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n',
      'requirements.txt': 'numpy\ntensorflow-macos==2.16.2  # for the M1\ntensorflow-metal\n',
    })
    expect(p.fixes.map((f) => f.hunks)).toEqual([
      [
        {
          file: 'requirements.txt',
          startLine: 2,
          endLine: 2,
          original: ['tensorflow-macos==2.16.2  # for the M1'],
          replacement: ['tensorflow==2.16.2  # for the M1'],
        },
      ],
      [
        {
          file: 'requirements.txt',
          startLine: 3,
          endLine: 3,
          original: ['tensorflow-metal'],
          replacement: ['tensorflow-metal; sys_platform == "darwin"'],
        },
      ],
    ])
    expect(project(p.applied()).lint.findings).toEqual([])
  })

  it('in pyproject.toml (the pyproject-macos fixture): the string renamed, proven through the same reader', () => {
    const name = 'pyproject-macos'
    const files = {
      Dockerfile: fixture(name),
      'pyproject.toml': fixture(name, 'pyproject.toml'),
    }
    const p = project(files)
    expect(
      p.lint.findings.map((f) => [f.diagnosis.id, f.diagnosis.file, f.diagnosis.line]),
    ).toEqual([['macos-only-package', 'pyproject.toml', 11]])
    expect(only(p.fixes).hunks).toEqual([
      {
        file: 'pyproject.toml',
        startLine: 11,
        endLine: 11,
        original: ['    "tensorflow-macos==2.16.2",'],
        replacement: ['    "tensorflow==2.16.2",'],
      },
    ])
    const fixed = project(p.applied())
    expect(fixed.lint.model.requirements.map((r) => `${r.name}${r.specifier}`)).toEqual([
      'tensorflow==2.16.2',
      'numpy<2',
    ])
    expect(fixed.lint.findings).toEqual([])
  })

  it('in Poetry the key is renamed; tensorflow-metal in pyproject.toml gets its marker inside the string', () => {
    const Dockerfile = 'FROM python:3.11-slim\nWORKDIR /app\nCOPY . .\nRUN pip install .\n'
    const poetry = (dep: string) =>
      project({
        Dockerfile,
        'pyproject.toml': `[tool.poetry]\nname = "x"\n[tool.poetry.dependencies]\npython = "^3.11"\n${dep}\n`,
      })
    expect(only(poetry('tensorflow-macos = "^2.16"').fixes).hunks[0]).toMatchObject({
      startLine: 5,
      replacement: ['tensorflow = "^2.16"'],
    })
    // A marker after a Poetry key would not be TOML: no edit rather than a broken file.
    const poetryMetal = poetry('tensorflow-metal = "^1.1"')
    expect(poetryMetal.lint.findings.map((f) => f.diagnosis.id)).toEqual(['macos-only-package'])
    expect(poetryMetal.fixes).toEqual([])
    const metal = project({
      Dockerfile,
      'pyproject.toml':
        '[project]\nname = "x"\ndependencies = [\n  "numpy",\n  "tensorflow-metal",\n]\n',
    })
    expect(only(metal.fixes).hunks[0]).toMatchObject({
      startLine: 5,
      replacement: [`  "tensorflow-metal; sys_platform == 'darwin'",`],
    })
    expect(project(metal.applied()).lint.findings).toEqual([])
    const setupPy = project({
      Dockerfile,
      'setup.py':
        'from setuptools import setup\nsetup(\n    install_requires=[\n        "tensorflow-metal",\n    ],\n)\n',
    })
    expect(only(setupPy.fixes).hunks[0]!.replacement).toEqual([
      `        "tensorflow-metal; sys_platform == 'darwin'",`,
    ])
  })

  it('tensorflow-cpu -> tensorflow with the same pin, for the platform that has no wheel', () => {
    const fix = only(project({ Dockerfile: fixture('tensorflow-cpu') }).fixes)
    expect(fix).toMatchObject({ diagnoses: ['no-wheel-for-platform'], platforms: ['linux/arm64'] })
    expect(fix.hunks[0]!.replacement).toEqual(['RUN pip install --no-cache-dir tensorflow==2.21.0'])
  })

  it('an arch-suffixed tag -> the multi-arch tag', () => {
    const fix = only(project({ Dockerfile: fixture('arch-suffixed-tag') }).fixes)
    expect(fix.diagnoses).toEqual(['base-image-not-found'])
    expect(fix.hunks[0]).toMatchObject({
      startLine: 2,
      replacement: ['FROM python:3.9-slim-bullseye'],
    })
  })

  it('a venv activated in exec form: ENV PATH after the venv, and the venv interpreter in exec form', () => {
    const files = {
      Dockerfile: fixture('exec-form-activate'),
      'requirements.txt': fixture('exec-form-activate', 'requirements.txt'),
    }
    const p = project(files)
    expect(p.fixes.map((f) => [f.diagnoses, f.hunks])).toEqual([
      [
        ['exec-form-shell'],
        [
          {
            file: 'Dockerfile',
            startLine: 8,
            endLine: 8,
            original: ['CMD [". .venv/bin/activate", "python", "train.py"]'],
            replacement: ['CMD ["/app/.venv/bin/python", "train.py"]'],
          },
        ],
      ],
      [
        ['venv-not-on-path'],
        [
          {
            file: 'Dockerfile',
            startLine: 4,
            endLine: 4,
            original: ['RUN python -m venv .venv'],
            replacement: ['RUN python -m venv .venv', 'ENV PATH="/app/.venv/bin:$PATH"'],
          },
        ],
      ],
    ])
    expect(project(p.applied()).lint.findings).toEqual([])
  })

  it('PEP 668: a venv on PATH before pip, and python3-venv beside python3-pip, as two hunks of one edit', () => {
    const p = project({ Dockerfile: fixture('pep668-debian') })
    const fix = only(p.fixes)
    expect(fix.diagnoses).toEqual(['externally-managed-environment'])
    expect(fix.hunks.map((h) => [h.startLine, h.endLine, h.replacement])).toEqual([
      [
        2,
        2,
        [
          'RUN apt-get update && apt-get install -y --no-install-recommends python3-pip python3-venv && rm -rf /var/lib/apt/lists/*',
        ],
      ],
      [
        4,
        4,
        [
          'RUN python3 -m venv /opt/venv',
          'ENV PATH="/opt/venv/bin:$PATH"',
          'RUN pip install --no-cache-dir tensorflow==2.21.0',
        ],
      ],
    ])
    expect(project(p.applied()).lint.findings).toEqual([])
  })

  it('a pin with no wheel for the Python: the base tag the pin has wheels for', () => {
    const p = project({ Dockerfile: fixture('py313-tf219') })
    const fix = only(p.fixes)
    expect(fix.diagnoses).toEqual(['python-version-unsupported'])
    expect(fix.platforms).toEqual(['linux/amd64', 'linux/arm64'])
    expect(fix.hunks[0]).toMatchObject({ startLine: 1, replacement: ['FROM python:3.12-slim'] })
  })

  it('a pin with no wheel for the Python and a base tag from an ARG: the pin the finding names', () => {
    const p = project({
      Dockerfile: 'ARG PY=3.13\nFROM python:${PY}-slim\nRUN pip install tensorflow==2.19.0\n',
    })
    const fix = only(p.fixes)
    expect(fix.hunks[0]!.replacement[0]).toMatch(/^RUN pip install tensorflow==2\.2\d\.\d+$/)
  })

  it('FROM --platform on the final stage: the flag dropped', () => {
    const fix = only(project({ Dockerfile: fixture('pinned-amd64') }).fixes)
    expect(fix).toMatchObject({ diagnoses: ['wrong-architecture'], platforms: ['linux/arm64'] })
    expect(fix.hunks[0]).toMatchObject({ startLine: 2, replacement: ['FROM python:3.11-slim'] })
  })

  it('offers nothing it cannot prove: an edit whose lint still finds the problem is dropped', () => {
    // The pip binary is named by its system path: a venv on PATH would not change which pip runs.
    const p = project({
      Dockerfile:
        'FROM debian:bookworm-slim\nRUN apt-get install -y python3-pip\nRUN /usr/bin/pip3 install tensorflow\n',
    })
    expect(p.lint.findings.map((f) => f.diagnosis.id)).toContain('externally-managed-environment')
    expect(p.fixes).toEqual([])
  })

  it('offers nothing where the project is not in a shape it knows', () => {
    const p = project({
      // The activation and the program in one string with a pipe: no faithful exec form.
      Dockerfile:
        'FROM python:3.11-slim\nRUN python -m venv /v && /v/bin/pip install tensorflow\nENV PATH=/v/bin:$PATH\nCMD [". /v/bin/activate && python a.py | tee log"]\n',
    })
    expect(p.lint.findings.map((f) => f.diagnosis.id)).toEqual(['exec-form-shell'])
    expect(p.fixes).toEqual([])
  })

  it("a PATH that leads with the venv makes pip the venv's (no PEP 668 finding, no venv finding)", () => {
    const p = project({
      Dockerfile:
        'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y python3-venv\nRUN python3 -m venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nRUN pip install tensorflow==2.21.0\n',
    })
    expect(p.lint.findings).toEqual([])
  })
})

describe('lines', () => {
  it('joins neighbouring lines into one hunk and keeps CRLF endings', () => {
    const text = 'a\r\nb\r\nc\r\nd\r\n'
    const lines = text.split(/\r?\n/)
    const hunks = hunksOf(
      [
        { file: 'f', line: 2, rewrite: (t) => t.toUpperCase() },
        { file: 'f', line: 3, after: ['c2'] },
      ],
      () => lines,
    )!
    expect(hunks).toEqual([
      { file: 'f', startLine: 2, endLine: 3, original: ['b', 'c'], replacement: ['B', 'c', 'c2'] },
    ])
    expect(applyHunks(text, hunks)).toBe('a\r\nB\r\nc\r\nc2\r\nd\r\n')
  })

  it('refuses a hunk whose lines are no longer what it says', () => {
    const hunk = { file: 'f', startLine: 1, endLine: 1, original: ['x'], replacement: ['y'] }
    expect(applyHunks('z\n', [hunk])).toBeNull()
  })

  it('a rewrite that changes nothing is no edit', () => {
    expect(hunksOf([{ file: 'f', line: 1, rewrite: (t) => t }], () => ['a'])).toBeNull()
  })

  it('a unified diff as git prints it', () => {
    expect(unifiedDiff('Dockerfile', 'a\nb\n', 'a\nc\n')).toBe(
      '--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n',
    )
  })
})
