import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixesFor } from '../../src/fix/index.js'
import { lintProject, type ReadFile } from '../../src/lint/index.js'
import { pythonOfTag, tagWithPython } from '../../src/knowledge/images.js'
import { parsePlatformList } from '../../src/platforms.js'

// The static rules that know how the image runs: the venv its ENTRYPOINT activates, the Keras
// its ENV asks for, an ENTRYPOINT script that cannot start, and a Python no TensorFlow supports.

const ROOT = '/project'
const BOTH = parsePlatformList('linux/amd64,linux/arm64')

function lint(files: Record<string, string>) {
  const read: ReadFile = (p) =>
    p.startsWith(ROOT + '/') ? (files[p.slice(ROOT.length + 1)] ?? null) : null
  const opts = {
    contextPath: ROOT,
    dockerfilePath: join(ROOT, 'Dockerfile'),
    dockerfile: 'Dockerfile',
    base: ROOT,
    buildArgs: [] as [string, string][],
    platforms: BOTH,
  }
  const result = lintProject(opts, 'amd64', read)
  return {
    ids: result.findings.map((f) => [f.platform, f.diagnosis.id, f.diagnosis.line]),
    findings: result.findings,
    fixes: () => fixesFor(opts, result, 'amd64', read),
  }
}

const VENV = [
  'FROM python:3.11-slim',
  'WORKDIR /app',
  'COPY requirements.txt .',
  'RUN python -m venv /opt/env',
  'RUN /opt/env/bin/pip install -r requirements.txt',
]
const REQS = { 'requirements.txt': 'tensorflow==2.21.0\n' }
const ENTRY = '#!/bin/sh\nset -e\n. /opt/env/bin/activate\nexec "$@"\n'

describe('a venv the ENTRYPOINT activates', () => {
  it('is the one every command run through it uses: no venv-not-on-path', () => {
    const df = [
      ...VENV,
      'COPY docker-entrypoint.sh /usr/local/bin/',
      'ENTRYPOINT ["docker-entrypoint.sh"]',
      'CMD ["python", "serve.py"]',
    ]
    // Named without a directory, as the official images do: found on PATH.
    expect(lint({ Dockerfile: df.join('\n'), 'docker-entrypoint.sh': ENTRY, ...REQS }).ids).toEqual(
      [],
    )
    df[6] = 'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]'
    expect(lint({ Dockerfile: df.join('\n'), 'docker-entrypoint.sh': ENTRY, ...REQS }).ids).toEqual(
      [],
    )
  })

  it('still fires where users hit it: no ENTRYPOINT, one that activates another venv, one that never runs its arguments', () => {
    expect(lint({ Dockerfile: VENV.join('\n'), ...REQS }).ids).toEqual([
      [null, 'venv-not-on-path', 5],
    ])
    const other = [...VENV, 'COPY e.sh /e.sh', 'ENTRYPOINT ["/e.sh"]'].join('\n')
    expect(
      lint({ Dockerfile: other, 'e.sh': ENTRY.replace('/opt/env', '/opt/other'), ...REQS }).ids,
    ).toEqual([[null, 'venv-not-on-path', 5]])
    expect(
      lint({
        Dockerfile: other,
        'e.sh': '#!/bin/sh\n. /opt/env/bin/activate\nexec python serve.py\n',
        ...REQS,
      }).ids,
    ).toEqual([[null, 'venv-not-on-path', 5]])
  })
})

describe('an ENTRYPOINT script that cannot start', () => {
  it('names Windows line endings and a --chmod without the execute bit, at the COPY', () => {
    const df = (copy: string) => ['FROM python:3.11-slim', copy, 'ENTRYPOINT ["/e.sh"]'].join('\n')
    expect(
      lint({ Dockerfile: df('COPY e.sh /e.sh'), 'e.sh': ENTRY.replace(/\n/g, '\r\n') }).ids,
    ).toEqual([[null, 'entrypoint-not-runnable', 2]])
    const chmod = lint({ Dockerfile: df('COPY --chmod=0644 e.sh /'), 'e.sh': ENTRY })
    expect(chmod.ids).toEqual([[null, 'entrypoint-not-runnable', 2]])
    expect(chmod.findings[0]!.diagnosis.fix).toContain('--chmod=0755')
    expect(lint({ Dockerfile: df('COPY --chmod=755 e.sh /'), 'e.sh': ENTRY }).ids).toEqual([])
  })
})

describe('Keras in the image ENV', () => {
  const df = (...env: string[]) =>
    ['FROM python:3.11-slim', 'RUN pip install tensorflow==2.21.0', ...env].join('\n')
  it('KERAS_BACKEND names a backend nothing installs, or none at all', () => {
    expect(lint({ Dockerfile: df('ENV KERAS_BACKEND=torch') }).ids).toEqual([
      [null, 'keras-backend-missing', 3],
    ])
    expect(lint({ Dockerfile: df('ENV KERAS_BACKEND jax') }).ids).toEqual([
      [null, 'keras-backend-missing', 3],
    ])
    expect(lint({ Dockerfile: df('ENV KERAS_BACKEND=pytorch') }).ids).toEqual([
      [null, 'keras-backend-invalid', 3],
    ])
    expect(
      lint({ Dockerfile: df('RUN pip install torch', 'ENV KERAS_BACKEND=torch') }).ids,
    ).toEqual([])
    expect(lint({ Dockerfile: df('ENV KERAS_BACKEND=tensorflow') }).ids).toEqual([])
  })

  it('TF_USE_LEGACY_KERAS=1 without tf-keras', () => {
    expect(lint({ Dockerfile: df('ENV A=1 TF_USE_LEGACY_KERAS=1') }).ids).toEqual([
      [null, 'tf-keras-missing', 3],
    ])
    expect(
      lint({ Dockerfile: df('RUN pip install tf_keras~=2.21.0', 'ENV TF_USE_LEGACY_KERAS=true') })
        .ids,
    ).toEqual([])
  })
})

describe('a Python no TensorFlow release supports', () => {
  it('knows what the floating tags carry, and pins a tag to a Python', () => {
    expect(pythonOfTag('3.14-slim')).toEqual({ python: '3.14', floating: false })
    for (const t of ['3-slim', 'slim', 'latest', null, 'slim-bookworm', '3'])
      expect(pythonOfTag(t)).toEqual({ python: '3.14', floating: true })
    expect(pythonOfTag('bookworm-20260101x')?.floating).toBe(true)
    expect(tagWithPython('3-slim', '3.13')).toBe('3.13-slim')
    expect(tagWithPython('slim', '3.13')).toBe('3.13-slim')
    expect(tagWithPython(null, '3.13')).toBe('3.13')
    expect(tagWithPython('3.14-slim-trixie', '3.13')).toBe('3.13-slim-trixie')
  })

  it.each([
    ['python:3.14-slim', 'python:3.13-slim'],
    ['python:3-slim', 'python:3.13-slim'],
    ['python:slim', 'python:3.13-slim'],
    ['python:latest', 'python:3.13'],
    ['python', 'python:3.13'],
  ])(
    'FROM %s with an unpinned tensorflow: pip takes the release candidate; %s named, on both platforms, and fixed',
    (from, to) => {
      const p = lint({ Dockerfile: `FROM ${from}\nRUN pip install tensorflow\n` })
      expect(p.ids).toEqual([
        ['linux/amd64', 'tensorflow-prerelease', 2],
        ['linux/arm64', 'tensorflow-prerelease', 2],
      ])
      const d = p.findings[0]!.diagnosis
      expect(d.detail).toContain('Python 3.14')
      expect(d.detail).toMatch(/pip takes the pre-release 2\.22\.0rc0/)
      expect(d.fix).toContain(`FROM ${to}`)
      const [fix] = p.fixes()
      expect(fix?.hunks).toEqual([
        {
          file: 'Dockerfile',
          startLine: 1,
          endLine: 1,
          original: [`FROM ${from}`],
          replacement: [`FROM ${to}`],
        },
      ])
    },
  )

  it('a range without the pre-release, or a pin, cannot install at all', () => {
    for (const spec of ['tensorflow<2.22', 'tensorflow==2.21.0']) {
      const p = lint({ Dockerfile: `FROM python:3-slim\nRUN pip install "${spec}"\n` })
      expect(p.ids).toEqual([
        ['linux/amd64', 'python-version-unsupported', 2],
        ['linux/arm64', 'python-version-unsupported', 2],
      ])
      expect(p.findings[0]!.diagnosis.fix).toContain('FROM python:3.13-slim')
    }
  })

  it('says nothing where a release supports the Python', () => {
    expect(lint({ Dockerfile: 'FROM python:3.13-slim\nRUN pip install tensorflow\n' }).ids).toEqual(
      [],
    )
    expect(
      lint({ Dockerfile: 'FROM python:3.9-slim\nRUN pip install "tensorflow>=2.10"\n' }).ids,
    ).toEqual([])
  })
})
