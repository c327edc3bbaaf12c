import { describe, expect, it } from 'vitest'
import { checkPin, installablePythons, newestFor } from '../../src/knowledge/tensorflow.js'
import { parseDockerfile } from '../../src/lint/model.js'
import { parsePipInstall, parseRequirement, shellCommands, shellWords } from '../../src/lint/pip.js'
import { markerApplies } from '../../src/lint/requirements.js'
import { lintDockerfile } from '../../src/lint/rules.js'
import { parsePlatformList } from '../../src/platforms.js'

const BOTH = parsePlatformList('linux/amd64,linux/arm64')

function findings(
  dockerfile: string,
  files: Record<string, string> = {},
  platforms = BOTH,
  buildArch = 'amd64',
) {
  const model = parseDockerfile({
    dockerfile,
    file: 'Dockerfile',
    readContext: (p) => files[p] ?? null,
    showContext: (p) => p,
  })
  return lintDockerfile(model, platforms, buildArch)
}

function lint(...args: Parameters<typeof findings>) {
  return findings(...args).map((f) => ({
    platform: f.platform,
    id: f.diagnosis.id,
    file: f.diagnosis.file,
    line: f.diagnosis.line,
    skip: f.skipBuild ?? false,
  }))
}

describe('knowledge (from the package index)', () => {
  it('knows the Python range of current releases on both architectures', () => {
    expect(installablePythons('tensorflow', '2.21.0', 'x86_64')).toEqual([
      '3.10',
      '3.11',
      '3.12',
      '3.13',
    ])
    expect(installablePythons('tensorflow', '2.21.0', 'aarch64')).toEqual([
      '3.10',
      '3.11',
      '3.12',
      '3.13',
    ])
    expect(installablePythons('tensorflow', '2.19.0', 'x86_64')).not.toContain('3.13')
  })
  it('resolves the 2.10-2.15 aarch64 shim through tensorflow-cpu-aws', () => {
    expect(installablePythons('tensorflow', '2.15.0', 'aarch64')).toEqual(['3.9', '3.10', '3.11'])
  })
  it('knows tensorflow-cpu has no aarch64 wheels', () => {
    expect(checkPin('tensorflow-cpu', '', '3.11', 'aarch64').installable).toEqual([])
    expect(checkPin('tensorflow-cpu', '', '3.11', 'x86_64').installable.length).toBeGreaterThan(0)
  })
  it('evaluates PEP 440 specifiers', () => {
    const pin = checkPin('tensorflow', '==2.19.*', '3.13', 'x86_64')
    expect(pin.matching).toEqual(['2.19.0', '2.19.1'])
    expect(pin.installable).toEqual([])
    expect(checkPin('tensorflow', '>=2.16,<2.18', '3.12', 'aarch64').installable).toContain(
      '2.17.1',
    )
    expect(newestFor('3.13')).toBe('2.21.0')
  })
})

describe('Dockerfile model', () => {
  it('splits shell words and commands', () => {
    expect(shellWords(`pip install "tensorflow>=2.16" 'numpy<2' -r req.txt`)).toEqual([
      'pip',
      'install',
      'tensorflow>=2.16',
      'numpy<2',
      '-r',
      'req.txt',
    ])
    expect(shellCommands('apt-get update && \\\n pip install x; echo ok')).toEqual([
      'apt-get update',
      'pip install x',
      'echo ok',
    ])
  })
  it('recognises pip in its many spellings', () => {
    expect(parsePipInstall('pip install -U --no-cache-dir tensorflow==2.21.0')?.specs).toEqual([
      'tensorflow==2.21.0',
    ])
    expect(
      parsePipInstall('python3 -m pip install -r requirements.txt -c constraints.txt'),
    ).toMatchObject({
      requirementFiles: ['requirements.txt'],
      constraintFiles: ['constraints.txt'],
    })
    expect(parsePipInstall('/opt/venv/bin/pip install tensorflow')?.venv).toBe('/opt/venv')
    expect(parsePipInstall('uv pip install --system tensorflow')?.specs).toEqual(['tensorflow'])
    expect(
      parsePipInstall('pip install --index-url https://x/simple --break-system-packages tf-keras'),
    ).toMatchObject({ specs: ['tf-keras'], breakSystem: true })
    expect(parsePipInstall('PIP_NO_CACHE_DIR=1 pip install tensorflow')?.specs).toEqual([
      'tensorflow',
    ])
    expect(parsePipInstall('pip download tensorflow')).toBeNull()
  })
  it('parses requirements with extras and markers', () => {
    expect(
      parseRequirement('TensorFlow_CPU[and-cuda] >= 2.16, <2.18 ; python_version < "3.13"'),
    ).toEqual({
      name: 'tensorflow-cpu',
      extras: ['and-cuda'],
      specifier: '>=2.16,<2.18',
      marker: 'python_version < "3.13"',
    })
    expect(parseRequirement('# comment')).toBeNull()
    expect(parseRequirement('-r other.txt')).toBeNull()
    expect(parseRequirement('git+https://github.com/x/y')).toBeNull()
  })
  it('follows ARG in FROM, multi-stage aliases, continuations and heredocs', () => {
    const m = parseDockerfile({
      dockerfile: [
        'ARG PY=3.13',
        'FROM python:${PY}-slim AS build',
        'RUN pip install \\',
        '    "tensorflow==2.19.*"',
        'FROM build AS runtime',
        'RUN <<EOF',
        'pip install tensorflow-cpu',
        'EOF',
      ].join('\n'),
      file: 'Dockerfile',
      readContext: () => null,
      showContext: (p) => p,
    })
    expect(m.stages.map((s) => [s.from.ref, s.from.stage, s.from.alias])).toEqual([
      ['python:3.13-slim', null, 'build'],
      ['build', 'build', 'runtime'],
    ])
    expect(m.requirements.map((r) => [r.name, r.specifier, r.line, r.stageIndex])).toEqual([
      ['tensorflow', '==2.19.*', 3, 0],
      ['tensorflow-cpu', '', 6, 1],
    ])
  })
  it('reads requirements files from the context with their own line numbers', () => {
    const m = parseDockerfile({
      dockerfile:
        'FROM python:3.11-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n',
      file: 'Dockerfile',
      readContext: (p) =>
        p === 'requirements.txt' ? '# deps\nnumpy<2\ntensorflow-macos==2.15.0\n' : null,
      showContext: (p) => `svc/${p}`,
    })
    expect(m.requirements.map((r) => [r.name, r.file, r.line])).toEqual([
      ['numpy', 'svc/requirements.txt', 2],
      ['tensorflow-macos', 'svc/requirements.txt', 3],
    ])
  })
})

describe('static rules', () => {
  it('macos-only-package, unless behind a darwin marker', () => {
    expect(lint('FROM python:3.11-slim\nRUN pip install tensorflow-macos\n')).toEqual([
      { platform: null, id: 'macos-only-package', file: 'Dockerfile', line: 2, skip: false },
    ])
    expect(
      lint('FROM python:3.11-slim\nRUN pip install -r r.txt\n', {
        'r.txt': 'tensorflow-macos; sys_platform == "darwin"\n',
      }),
    ).toEqual([])
  })
  it('evaluates platform markers per architecture', () => {
    const files = {
      'r.txt':
        'tensorflow-cpu==2.21.0; platform_machine == "x86_64"\ntensorflow==2.21.0; platform_machine == "aarch64"\n',
    }
    expect(lint('FROM python:3.11-slim\nRUN pip install -r r.txt\n', files)).toEqual([])
    expect(
      markerApplies('sys_platform == "darwin" or platform_machine == "aarch64"', 'arm64'),
    ).toBe(true)
    expect(markerApplies('sys_platform != "linux"', 'amd64')).toBe(false)
    expect(markerApplies('python_version < "3.12"', 'amd64')).toBe(true)
  })
  it('no-wheel-for-platform: tensorflow-cpu on arm64 only', () => {
    expect(lint('FROM python:3.11-slim\nRUN pip install tensorflow-cpu==2.21.0\n')).toEqual([
      {
        platform: 'linux/arm64',
        id: 'no-wheel-for-platform',
        file: 'Dockerfile',
        line: 2,
        skip: false,
      },
    ])
  })
  it('python-version-unsupported: a pin without wheels for the tag’s Python', () => {
    expect(
      lint('FROM python:3.13-slim\nRUN pip install "tensorflow==2.19.*"\n').map((f) => [
        f.platform,
        f.id,
      ]),
    ).toEqual([
      ['linux/amd64', 'python-version-unsupported'],
      ['linux/arm64', 'python-version-unsupported'],
    ])
    expect(lint('FROM python:3.12-slim\nRUN pip install "tensorflow==2.19.*"\n')).toEqual([])
  })
  it('musl-base-image and base-image-not-found on the FROM line', () => {
    expect(
      lint('FROM python:3.11-alpine\nRUN pip install tensorflow\n').map((f) => [f.id, f.line]),
    ).toEqual([['musl-base-image', 1]])
    expect(lint('FROM python:3.9-slim-bullseye-arm64\n').map((f) => [f.id, f.line])).toEqual([
      ['base-image-not-found', 1],
    ])
    expect(lint('FROM python:3.9-slim-bullseye\n')).toEqual([])
  })
  it('platform-unsupported-by-tensorflow skips the build of that platform', () => {
    expect(
      lint(
        'FROM python:3.11-slim\n',
        {},
        parsePlatformList('linux/amd64,linux/arm/v7,linux/s390x'),
      ),
    ).toEqual([
      {
        platform: 'linux/arm/v7',
        id: 'platform-unsupported-by-tensorflow',
        file: undefined,
        line: undefined,
        skip: true,
      },
      {
        platform: 'linux/s390x',
        id: 'platform-unsupported-by-tensorflow',
        file: undefined,
        line: undefined,
        skip: true,
      },
    ])
  })
  it('exec-form-shell for activate, && and $VARS in exec form, not for shell form', () => {
    expect(
      lint('FROM python:3.11-slim\nCMD [". .venv/bin/activate", "python", "main.py"]\n').map(
        (f) => [f.id, f.line],
      ),
    ).toEqual([['exec-form-shell', 2]])
    expect(
      lint('FROM python:3.11-slim\nENTRYPOINT ["python", "main.py", "--port", "$PORT"]\n').map(
        (f) => f.id,
      ),
    ).toEqual(['exec-form-shell'])
    expect(lint('FROM python:3.11-slim\nCMD . .venv/bin/activate && python main.py\n')).toEqual([])
    expect(lint('FROM python:3.11-slim\nCMD ["python", "main.py"]\n')).toEqual([])
  })
  it('venv-not-on-path, and not when PATH has the venv', () => {
    const venv =
      'FROM python:3.11-slim\nWORKDIR /app\nRUN python -m venv .venv\nRUN . .venv/bin/activate && pip install tensorflow\n'
    expect(lint(venv).map((f) => [f.id, f.line])).toEqual([['venv-not-on-path', 4]])
    expect(lint(venv + 'ENV PATH="/app/.venv/bin:$PATH"\n')).toEqual([])
    expect(
      lint(
        'FROM python:3.11-slim\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install tensorflow\nENV PATH=/opt/venv/bin:$PATH\n',
      ),
    ).toEqual([])
    expect(
      lint(
        'FROM python:3.11-slim\nRUN python -m venv /opt/venv\nRUN . /opt/venv/bin/activate\nRUN pip install numpy\n',
      ).map((f) => [f.id, f.line]),
    ).toEqual([['venv-not-on-path', 3]])
  })
  it('externally-managed-environment on Debian 12 system pip, not in a venv or python images', () => {
    expect(
      lint(
        'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y python3-pip\nRUN pip install tensorflow\n',
      ).map((f) => [f.id, f.line]),
    ).toEqual([['externally-managed-environment', 3]])
    expect(
      lint('FROM debian:bookworm-slim\nRUN pip install --break-system-packages tensorflow\n'),
    ).toEqual([])
    expect(lint('FROM debian:bullseye-slim\nRUN pip install tensorflow\n')).toEqual([])
    expect(lint('FROM ubuntu:24.04\nRUN pip3 install tensorflow\n').map((f) => f.id)).toEqual([
      'externally-managed-environment',
    ])
  })
  it('wrong-architecture: a final stage pinned to a fixed platform, for every other platform, on the FROM line', () => {
    const pinned = [
      '# A common "fix" copied from Apple Silicon threads: pin the base to amd64.',
      'FROM --platform=linux/amd64 python:3.11-slim',
      'RUN pip install --no-cache-dir tensorflow==2.21.0',
    ].join('\n')
    expect(lint(pinned)).toEqual([
      {
        platform: 'linux/arm64',
        id: 'wrong-architecture',
        file: 'Dockerfile',
        line: 2,
        skip: false,
      },
    ])
    const [finding] = findings(pinned)
    expect(finding!.diagnosis.detail).toContain(
      '`FROM --platform=linux/amd64 python:3.11-slim` (Dockerfile:2) pins the final stage to linux/amd64',
    )
    expect(finding!.diagnosis.fix).toContain('(`FROM python:3.11-slim`)')
    // Pinned to arm64, an ARG with a default, through a stage alias: the same.
    expect(
      lint('FROM --platform=linux/arm64/v8 python:3.11-slim\n').map((f) => f.platform),
    ).toEqual(['linux/amd64'])
    expect(
      lint('ARG P=linux/amd64\nFROM --platform=$P python:3.11-slim AS base\nFROM base\nRUN true\n'),
    ).toEqual([
      {
        platform: 'linux/arm64',
        id: 'wrong-architecture',
        file: 'Dockerfile',
        line: 2,
        skip: false,
      },
    ])
  })

  it('wrong-architecture: a final stage on $BUILDPLATFORM, for the platforms the builder is not', () => {
    const df = 'FROM --platform=$BUILDPLATFORM python:3.11-slim\nRUN pip install tensorflow\n'
    expect(lint(df, {}, BOTH, 'amd64').map((f) => [f.platform, f.id])).toEqual([
      ['linux/arm64', 'wrong-architecture'],
    ])
    expect(lint(df, {}, BOTH, 'arm64').map((f) => [f.platform, f.id])).toEqual([
      ['linux/amd64', 'wrong-architecture'],
    ])
  })

  it('no finding for $TARGETPLATFORM, an ARG the build sets, or pins on stages the image does not use', () => {
    expect(lint('FROM --platform=$TARGETPLATFORM python:3.11-slim\n')).toEqual([])
    expect(lint('ARG P\nFROM --platform=$P python:3.11-slim\n')).toEqual([])
    expect(
      lint(
        'FROM --platform=$BUILDPLATFORM golang:1.23 AS tools\nRUN go build ./...\nFROM python:3.11-slim\nCOPY --from=tools /out/tool /usr/local/bin/\n',
      ),
    ).toEqual([])
  })

  it('foreign-binaries: a venv copied from a pip stage on $BUILDPLATFORM, on the COPY line', () => {
    const df = [
      'FROM --platform=$BUILDPLATFORM python:3.11-slim AS build',
      'RUN python -m venv /opt/venv && /opt/venv/bin/pip install tensorflow==2.21.0',
      'FROM python:3.11-slim',
      'COPY --from=build /opt/venv /opt/venv',
      'ENV PATH="/opt/venv/bin:$PATH"',
    ].join('\n')
    expect(lint(df)).toEqual([
      { platform: 'linux/arm64', id: 'foreign-binaries', file: 'Dockerfile', line: 4, skip: false },
    ])
    const d = findings(df)[0]!.diagnosis
    expect(d.detail).toContain('`COPY --from=build /opt/venv /opt/venv` (Dockerfile:4)')
    expect(d.detail).toContain(
      '`FROM --platform=$BUILDPLATFORM python:3.11-slim AS build` (Dockerfile:1)',
    )
    // The same stage on the target platform: nothing to say.
    expect(lint(df.replace('--platform=$BUILDPLATFORM ', ''))).toEqual([])
    // A stage index instead of an alias.
    expect(lint(df.replace('--from=build', '--from=0')).map((f) => f.id)).toEqual([
      'foreign-binaries',
    ])
  })

  it('finds nothing in the bundled example', () => {
    expect(
      lint(
        'FROM python:3.11-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n',
        { 'requirements.txt': 'tensorflow==2.21.0\n' },
      ),
    ).toEqual([])
  })
})
