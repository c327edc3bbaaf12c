import { describe, expect, it } from 'vitest'
import { dirname } from 'node:path'
import { lintProject } from '../../src/lint/index.js'
import { parseDockerfile } from '../../src/lint/model.js'
import { parsePipInstall, parseRequirement } from '../../src/lint/pip.js'
import { poetrySpecifier } from '../../src/lint/poetry.js'
import { localProject } from '../../src/lint/reqfiles.js'
import { parsePlatformList } from '../../src/platforms.js'
import { fixturePath } from '../support/fixtures.js'

// Where a Python project declares what it installs (src/lint/declared.ts, reqfiles.ts, toml.ts,
// poetry.ts): real files parsed by the real readers, each requirement at its file and line.

const FROM = 'FROM python:3.11-slim\nWORKDIR /app\nCOPY . .\n'

function reqs(run: string, files: Record<string, string>) {
  const m = parseDockerfile({
    dockerfile: `${FROM}${run}\n`,
    file: 'Dockerfile',
    readContext: (p) => files[p] ?? null,
    showContext: (p) => `svc/${p}`,
  })
  return m.requirements.map((r) => [r.name, r.specifier, r.file, r.line])
}

const PYPROJECT = [
  '[project]', // 1
  'name = "mlapp"',
  '# dependencies = ["tensorflow-cpu"]',
  'dependencies = [',
  '    "tensorflow-macos==2.16.2",', // 5
  "    'numpy<2', # pinned for TF 2.16",
  ']',
  'description = """',
  'dependencies = ["keras"]',
  '"""', // 10
  '',
  '[project.optional-dependencies]',
  'gpu = ["tensorflow[and-cuda]>=2.16"]',
  'dev = [',
  '  "pytest",', // 15
  ']',
  'docs = ["sphinx"]',
  '',
  '[tool.hatch.envs.default]',
  'dependencies = ["tensorflow-cpu"]', // 20
  '',
].join('\n')

describe('pyproject.toml (PEP 621)', () => {
  it('reads [project] dependencies at the line of each string, not comments, strings or other tables', () => {
    expect(reqs('RUN pip install --no-cache-dir .', { 'pyproject.toml': PYPROJECT })).toEqual([
      ['tensorflow-macos', '==2.16.2', 'svc/pyproject.toml', 5],
      ['numpy', '<2', 'svc/pyproject.toml', 6],
    ])
  })
  it('adds the extras named, in every spelling of a local project', () => {
    const files = { 'pyproject.toml': PYPROJECT }
    const gpu = ['tensorflow', '>=2.16', 'svc/pyproject.toml', 13]
    const dev = ['pytest', '', 'svc/pyproject.toml', 15]
    expect(reqs('RUN pip install ".[gpu,DEV]"', files).slice(2)).toEqual([gpu, dev])
    expect(reqs('RUN pip install -e ".[gpu]"', files).slice(2)).toEqual([gpu])
    expect(reqs('RUN pip install --editable=.[gpu]', files).slice(2)).toEqual([gpu])
    expect(reqs('RUN uv pip install --system /app[gpu]', files).slice(2)).toEqual([gpu])
    expect(reqs('RUN pip install .', files)).toHaveLength(2)
  })
  it('reads a project in a subdirectory, and nothing with --no-deps', () => {
    const files = { 'sub/pyproject.toml': PYPROJECT }
    expect(reqs('RUN pip install ./sub[dev]', files).map((r) => r[2] + ':' + r[3])).toEqual([
      'svc/sub/pyproject.toml:5',
      'svc/sub/pyproject.toml:6',
      'svc/sub/pyproject.toml:15',
    ])
    expect(reqs('RUN pip install --no-deps ./sub', files)).toEqual([])
  })
  it('reads dotted keys and inline tables as the same [project] table', () => {
    const dotted = 'project.name = "x"\nproject.dependencies = [\n  "keras>=3",\n]\n'
    expect(reqs('RUN pip install .', { 'pyproject.toml': dotted })).toEqual([
      ['keras', '>=3', 'svc/pyproject.toml', 3],
    ])
    const inline = 'project = { name = "x", dependencies = ["keras"] }\n'
    expect(reqs('RUN pip install .', { 'pyproject.toml': inline })).toEqual([
      ['keras', '', 'svc/pyproject.toml', 1],
    ])
  })
  it('reads dependencies setuptools takes from a file (dynamic), else nothing from a broken file', () => {
    const dynamic = [
      '[project]',
      'name = "x"',
      'dynamic = ["dependencies"]',
      '[tool.setuptools.dynamic]',
      'dependencies = { file = ["requirements.in"] }',
    ].join('\n')
    expect(
      reqs('RUN pip install .', { 'pyproject.toml': dynamic, 'requirements.in': '# x\nkeras\n' }),
    ).toEqual([['keras', '', 'svc/requirements.in', 2]])
    expect(reqs('RUN pip install .', { 'pyproject.toml': 'dependencies = [\n"a",; b' })).toEqual([])
  })
})

describe('pyproject.toml (Poetry)', () => {
  const poetry = [
    '[tool.poetry]',
    'name = "mlapp"',
    '',
    '[tool.poetry.dependencies]',
    'python = "^3.10"', // 5
    'tensorflow-macos = "^2.16"',
    'numpy = { version = "~1.26.4", markers = "platform_machine == \'x86_64\'" }',
    'keras = "3.3.*"',
    'tensorflow-metal = { version = "^1.1", optional = true }',
    'mylib = { path = "../mylib" }', // 10
    '',
    '[tool.poetry.extras]',
    'gpu = ["tensorflow-metal"]',
    '',
    '[tool.poetry.group.dev.dependencies]', // 15
    'pytest = "^8"',
  ].join('\n')
  it('reads [tool.poetry.dependencies] at the line of each key, Poetry ranges as PEP 440', () => {
    const m = parseDockerfile({
      dockerfile: `${FROM}RUN pip install .[gpu]\n`,
      file: 'Dockerfile',
      readContext: (p) => (p === 'pyproject.toml' ? poetry : null),
      showContext: (p) => p,
    })
    expect(m.requirements.map((r) => [r.name, r.specifier, r.marker, r.line, r.raw])).toEqual([
      ['tensorflow-macos', '>=2.16,<3.0', '', 6, 'tensorflow-macos = "^2.16"'],
      [
        'numpy',
        '>=1.26.4,<1.27.0',
        "platform_machine == 'x86_64'",
        7,
        'numpy = { version = "~1.26.4", markers = "platform_machine == \'x86_64\'" }',
      ],
      ['keras', '==3.3.*', '', 8, 'keras = "3.3.*"'],
      [
        'tensorflow-metal',
        '>=1.1,<2.0',
        '',
        9,
        'tensorflow-metal = { version = "^1.1", optional = true }',
      ],
    ])
  })
  it('leaves optional dependencies out unless an extra asks for them', () => {
    const names = reqs('RUN pip install .', { 'pyproject.toml': poetry }).map((r) => r[0])
    expect(names).toEqual(['tensorflow-macos', 'numpy', 'keras'])
  })
  it.each([
    ['^2.16', '>=2.16,<3.0'],
    ['^2.16.1', '>=2.16.1,<3.0.0'],
    ['^0.2.3', '>=0.2.3,<0.3.0'],
    ['^0.0.3', '>=0.0.3,<0.0.4'],
    ['^0', '>=0,<1'],
    ['~2.16.1', '>=2.16.1,<2.17.0'],
    ['~2', '>=2,<3'],
    ['~=2.16', '~=2.16'],
    ['>= 2.16, < 2.18', '>=2.16,<2.18'],
    ['>=2.16 <2.18', '>=2.16,<2.18'],
    ['2.16.2', '==2.16.2'],
    ['*', ''],
    ['^1.0 || ^2.0', ''],
  ])('Poetry %s is PEP 440 %s', (poetryRange, pep440) => {
    expect(poetrySpecifier(poetryRange)).toBe(pep440)
  })
})

describe('setup.cfg and setup.py', () => {
  it('reads setup.cfg [options] install_requires and the extras asked for', () => {
    const cfg = [
      '[metadata]',
      'name = mlapp',
      '[options]',
      'packages = find:',
      'install_requires =', // 5
      '    tensorflow-cpu==2.16.1',
      '    # a comment',
      '    numpy<2; python_version < "3.12"',
      '[options.extras_require]',
      'gpu = tensorflow[and-cuda]', // 10
      'test =',
      '    pytest',
    ].join('\n')
    expect(reqs('RUN pip install .[gpu]', { 'setup.cfg': cfg })).toEqual([
      ['tensorflow-cpu', '==2.16.1', 'svc/setup.cfg', 6],
      ['numpy', '<2', 'svc/setup.cfg', 8],
      ['tensorflow', '', 'svc/setup.cfg', 10],
    ])
  })
  it('prefers pyproject.toml [project] over setup.cfg', () => {
    const files = {
      'pyproject.toml': PYPROJECT,
      'setup.cfg': '[options]\ninstall_requires = keras\n',
    }
    expect(reqs('RUN pip install .', files).map((r) => r[0])).toEqual(['tensorflow-macos', 'numpy'])
  })
  it('reads a literal install_requires list of setup.py, each string at its line', () => {
    const py = [
      'from setuptools import setup',
      '# install_requires=["keras"]',
      'setup(',
      '    name="mlapp",',
      '    install_requires=[', // 5
      '        "tensorflow-macos==2.16.2",  # the Mac one',
      "        'numpy<2',",
      '    ],',
      ')',
    ].join('\n')
    expect(reqs('RUN pip install .', { 'setup.py': py })).toEqual([
      ['tensorflow-macos', '==2.16.2', 'svc/setup.py', 6],
      ['numpy', '<2', 'svc/setup.py', 7],
    ])
  })
  it.each([
    ['a call', 'setup(install_requires=open("requirements.txt").read().split())'],
    ['a list plus more', 'setup(install_requires=["tensorflow"] + extra)'],
    ['a name in the list', 'setup(install_requires=["tensorflow", TF])'],
    ['an f-string', 'setup(install_requires=[f"tensorflow=={V}"])'],
    ['two assignments', 'r = ["tensorflow"]\ninstall_requires = r\nsetup(install_requires=["x"])'],
  ])('reads nothing from setup.py when install_requires is %s', (_what, py) => {
    expect(reqs('RUN pip install .', { 'setup.py': py })).toEqual([])
  })
})

describe('requirements files', () => {
  it('follows nested -r and -c relative to the file naming them, once each, through a cycle', () => {
    const files = {
      'requirements/prod.txt': '-r base.txt\n--constraint=../constraints.txt\ntensorflow==2.16.2\n',
      'requirements/base.txt': '# shared\n-rprod.txt\nnumpy<2 \\\n  ; python_version < "3.13"\n',
      'constraints.txt': '--requirement requirements/base.txt\nprotobuf<5\n',
    }
    expect(
      reqs('RUN pip install -r requirements/prod.txt -r requirements/base.txt', files),
    ).toEqual([
      ['numpy', '<2', 'svc/requirements/base.txt', 3],
      ['protobuf', '<5', 'svc/constraints.txt', 2],
      ['tensorflow', '==2.16.2', 'svc/requirements/prod.txt', 3],
    ])
  })
  it('stops at a depth of ten files', () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < 15; i++) files[`r${i}.txt`] = `-r r${i + 1}.txt\npkg${i}\n`
    const names = reqs('RUN pip install -r r0.txt', files).map((r) => r[0])
    expect(names).toEqual(Array.from({ length: 11 }, (_, i) => `pkg${10 - i}`))
  })
  it('reads the local project a requirements file installs (-e .), and -c constraints', () => {
    const files = {
      'requirements.txt': '-e .\ntensorflow-metal\n',
      'pyproject.toml': PYPROJECT,
      'c.txt': 'numpy==1.26.4\n',
    }
    expect(reqs('RUN pip install -r requirements.txt -c c.txt', files)).toEqual([
      ['tensorflow-macos', '==2.16.2', 'svc/pyproject.toml', 5],
      ['numpy', '<2', 'svc/pyproject.toml', 6],
      ['tensorflow-metal', '', 'svc/requirements.txt', 2],
      ['numpy', '==1.26.4', 'svc/c.txt', 1],
    ])
  })
  it('reads a pyproject.toml given as -r (uv pip install -r pyproject.toml)', () => {
    const files = { 'pyproject.toml': PYPROJECT }
    expect(reqs('RUN uv pip install --system -r pyproject.toml', files)).toHaveLength(2)
  })
})

describe('requirement strings', () => {
  it('parses what pip-compile and PEP 508 write, and refuses URLs and paths', () => {
    expect(parseRequirement('tensorflow==2.16.2 --hash=sha256:abc --hash sha256:def')).toEqual({
      name: 'tensorflow',
      extras: [],
      specifier: '==2.16.2',
      marker: '',
    })
    expect(parseRequirement('tensorflow (>=2.16, <2.18)')?.specifier).toBe('>=2.16,<2.18')
    expect(parseRequirement('tensorflow===2.16.2')?.specifier).toBe('===2.16.2')
    expect(parseRequirement('tensorflow @ https://example.com/tf.whl')).toBeNull()
    expect(parseRequirement('tensorflow@file:///wheels/tf.whl')).toBeNull()
    expect(parseRequirement('./wheels/tf.whl')).toBeNull()
  })
  it('tells a local project from a package or a wheel', () => {
    expect(localProject('.')).toEqual({ dir: '.', extras: [] })
    expect(localProject('./sub/[gpu, dev]')).toEqual({ dir: 'sub', extras: ['gpu', 'dev'] })
    expect(localProject('/app')).toEqual({ dir: '.', extras: [] })
    expect(localProject('./dist/mlapp-0.1.0-py3-none-any.whl')).toBeNull()
    expect(localProject('tensorflow[and-cuda]')).toBeNull()
    expect(parsePipInstall('pip install --editable=. --no-deps')).toMatchObject({
      specs: ['.'],
      noDeps: true,
    })
  })
})

describe('the pyproject-macos fixture', () => {
  it('lints to macos-only-package at the pyproject.toml line that names it', () => {
    const dockerfilePath = fixturePath('projects/pyproject-macos/Dockerfile')
    const contextPath = dirname(dockerfilePath)
    const { model, findings } = lintProject(
      {
        contextPath,
        dockerfilePath,
        dockerfile: 'Dockerfile',
        base: contextPath,
        buildArgs: [],
        platforms: parsePlatformList('linux/amd64,linux/arm64'),
      },
      'amd64',
    )
    expect(model.requirements.map((r) => [r.name, r.file, r.line])).toEqual([
      ['tensorflow-macos', 'pyproject.toml', 11],
      ['numpy', 'pyproject.toml', 12],
    ])
    expect(findings.map((f) => [f.diagnosis.id, f.diagnosis.file, f.diagnosis.line])).toEqual([
      ['macos-only-package', 'pyproject.toml', 11],
    ])
  })
})
