import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CATALOG, type Finding } from '../../src/diagnosis.js'
import { classify } from '../../src/diagnose/classify.js'
import type { Evidence } from '../../src/diagnose/evidence.js'
import { explain } from '../../src/diagnose/explain.js'
import { parsePlatform } from '../../src/platforms.js'
import { fixturePath } from '../support/fixtures.js'

// One test per rule, on real log excerpts (see __fixtures__/README.md for where each came from).

const log = (name: string): string[] =>
  readFileSync(fixturePath(`logs/${name}.log`), 'utf8').split('\n')
const REQ = { file: 'requirements.txt', line: 2 }
const FROM = { file: 'Dockerfile', line: 1 }
const CMD = { file: 'Dockerfile', line: 9 }
const ENV = { file: 'Dockerfile', line: 6 }

function ev(over: Partial<Evidence>): Evidence {
  return {
    platform: parsePlatform('linux/arm64'),
    emulated: true,
    stage: 'build',
    status: 'failed',
    lines: [],
    exitCode: 1,
    signal: null,
    oomKilled: false,
    probe: null,
    image: null,
    timeoutMinutes: 60,
    locate: {
      requirement: (n) =>
        n === 'tensorflow' || n === 'h5py' || n === 'tensorflow-cpu' ? REQ : null,
      from: FROM,
      command: () => CMD,
      env: (n) => (n === 'KERAS_BACKEND' ? ENV : null),
      entrypoint: null,
    },
    ...over,
  }
}

const ids = (e: Evidence): string[] => classify(e).map((d) => d.id)

// The same causes as buildx 0.29 (Docker Engine 28.5) prints them: `ERROR: failed to build:
// failed to solve: ...`. Each file is named after the diagnosis it must lead with.
const BUILDX_029 = readdirSync(fixturePath('logs/buildx-0.29')).filter((f) => f.endsWith('.log'))

describe('classify buildx 0.29 build logs (sandbox, Docker Engine 28.5)', () => {
  it('has a log for every diagnosis the sandbox can reproduce at build', () => {
    expect(BUILDX_029.map((f) => f.replace(/(-dns|-uv)?\.log$/, ''))).toEqual(
      expect.arrayContaining([
        'base-image-not-found',
        'index-unreachable',
        'macos-only-package',
        'no-wheel-for-platform',
        'python-version-unsupported',
      ]),
    )
  })
  it.each(BUILDX_029)('%s', (file) => {
    const id = file.replace(/(-dns|-uv)?\.log$/, '')
    const lines = log(`buildx-0.29/${file.replace(/\.log$/, '')}`)
    expect(lines.some((l) => /^ERROR: failed to build: /.test(l))).toBe(true)
    expect(classify(ev({ lines }))[0]!.id).toBe(id)
  })
})

describe('classify', () => {
  it('macos-only-package from pip’s "from versions: none" for tensorflow-macos (sandbox build)', () => {
    const [d] = classify(ev({ lines: log('macos-only-package') }))
    expect(d).toMatchObject({ id: 'macos-only-package' })
    expect(d!.detail).toContain(
      '"ERROR: Could not find a version that satisfies the requirement tensorflow-macos (from versions: none)"',
    )
  })
  it('macos-only-package when pip says the requirement came from a local project (from mlapp)', () => {
    const line =
      'ERROR: Could not find a version that satisfies the requirement tensorflow-macos==2.16.2 (from mlapp) (from versions: none)'
    const at = { file: 'pyproject.toml', line: 11 }
    const [d] = classify(
      ev({
        lines: [
          `#9 4.1 ${line}`,
          'ERROR: No matching distribution found for tensorflow-macos==2.16.2',
        ],
        locate: {
          requirement: (n) => (n === 'tensorflow-macos' ? at : null),
          from: FROM,
          command: () => CMD,
          env: (n) => (n === 'KERAS_BACKEND' ? ENV : null),
          entrypoint: null,
        },
      }),
    )
    expect(d).toMatchObject({ id: 'macos-only-package', ...at })
    expect(d!.detail).toContain(`"${line}"`)
  })
  it('reads the package through any number of (from ...) groups, a requirements file line too', () => {
    const fromFile =
      'ERROR: Could not find a version that satisfies the requirement tensorflow-cpu==2.16.1 (from -r requirements.txt (line 3)) (from versions: none)'
    expect(classify(ev({ lines: [fromFile] }))[0]).toMatchObject({
      id: 'no-wheel-for-platform',
      ...REQ,
    })
    expect(classify(ev({ lines: [fromFile] }))[0]!.fix).toContain('Install `tensorflow` instead')
    const nested =
      'ERROR: Could not find a version that satisfies the requirement tensorflow==2.19.* (from mlapp) (from -r requirements.txt (line 1)) (from versions: 2.20.0, 2.21.0)'
    const [d] = classify(ev({ lines: [nested] }))
    expect(d).toMatchObject({ id: 'python-version-unsupported', ...REQ })
    expect(d!.detail).toMatch(/^The pin tensorflow==2\.19\.\* has no wheel/)
  })
  it('no-wheel-for-platform for tensorflow-cpu on arm64 (sandbox build), located at the requirement', () => {
    const [d] = classify(ev({ lines: log('no-wheel-for-platform') }))
    expect(d).toMatchObject({ id: 'no-wheel-for-platform', file: 'requirements.txt', line: 2 })
    expect(d!.fix).toContain('Install `tensorflow` instead')
  })
  it('python-version-unsupported when pip lists versions, none for this Python (sandbox build)', () => {
    const [d] = classify(ev({ lines: log('python-version-unsupported') }))
    expect(d!.id).toBe('python-version-unsupported')
    expect(d!.detail).toMatch(/^The pin tensorflow==2\.19\.\* has no wheel/)
    expect(d!.detail).toContain('"ERROR: Could not find a version')
  })
  it('base-image-not-found from a failed metadata load (sandbox build)', () => {
    const [d] = classify(ev({ lines: log('base-image-not-found') }))
    expect(d).toMatchObject({ id: 'base-image-not-found', file: 'Dockerfile', line: 1 })
    expect(d!.detail).toContain('docker.io/library/python:3.9-slim-bullseye-arm64')
  })
  it('externally-managed-environment from Debian 12’s pip (sandbox build)', () => {
    const [d] = classify(ev({ lines: log('externally-managed-environment') }))
    expect(d).toMatchObject({ id: 'externally-managed-environment', file: 'Dockerfile', line: 1 })
  })
  it('base-image-platform-missing', () => {
    expect(ids(ev({ lines: log('base-image-platform-missing') }))).toEqual([
      'base-image-platform-missing',
    ])
  })
  it('venv-not-on-path from the traceback and the image probe (sandbox import)', () => {
    const probe = {
      tensorflowDirs: ['/app/.venv/lib/python3.11/site-packages/tensorflow'],
      venvs: ['/app/.venv'],
      sysPath: ['/usr/lib/python3.11'],
      prefix: '/usr',
      path: '/usr/local/bin:/usr/bin',
      glibc: '2.36',
    }
    const [d] = classify(
      ev({ stage: 'import', exitCode: 3, lines: log('venv-not-on-path'), probe }),
    )
    expect(d!.id).toBe('venv-not-on-path')
    expect(d!.fix).toContain('ENV PATH="/app/.venv/bin:$PATH"')
  })
  it('tensorflow-not-installed when the probe finds no tensorflow anywhere', () => {
    const probe = {
      tensorflowDirs: [],
      venvs: [],
      sysPath: [],
      prefix: '/usr',
      path: null,
      glibc: '2.36',
    }
    expect(ids(ev({ stage: 'import', lines: log('venv-not-on-path'), probe }))).toEqual([
      'tensorflow-not-installed',
    ])
  })
  it('illegal-instruction from SIGILL and the AVX message', () => {
    expect(
      ids(
        ev({
          stage: 'import',
          emulated: false,
          exitCode: 132,
          signal: 'SIGILL',
          lines: log('illegal-instruction'),
        }),
      ),
    ).toEqual(['illegal-instruction'])
  })
  it('emulator-crash from QEMU’s own message', () => {
    expect(ids(ev({ exitCode: 139, lines: log('emulator-crash') }))[0]).toBe('emulator-crash')
  })
  it('numpy-abi-mismatch from TensorFlow 2.14.0 under NumPy 2 (sandbox import)', () => {
    const [d] = classify(ev({ stage: 'import', exitCode: 3, lines: log('numpy-abi-mismatch') }))
    expect(d).toMatchObject({ id: 'numpy-abi-mismatch', file: 'requirements.txt' })
    expect(d!.fix).toContain('numpy<2')
  })
  it('protobuf-incompatible', () => {
    expect(ids(ev({ stage: 'import', lines: log('protobuf-incompatible') }))).toEqual([
      'protobuf-incompatible',
    ])
  })
  it('glibc-too-old, naming the version needed', () => {
    const [d] = classify(ev({ stage: 'import', lines: log('glibc-too-old') }))
    expect(d!.id).toBe('glibc-too-old')
    expect(d!.detail).toContain('glibc 2.27')
  })
  it('dependency-conflict, quoting the conflict', () => {
    const [d] = classify(ev({ lines: log('dependency-conflict') }))
    expect(d!.id).toBe('dependency-conflict')
    expect(d!.detail).toContain('tensorflow 2.17.0 depends on numpy<2.0.0')
  })
  it('source-build-failed, naming the package', () => {
    const [d] = classify(ev({ lines: log('source-build-failed') }))
    expect(d).toMatchObject({ id: 'source-build-failed', file: 'requirements.txt' })
    expect(d!.detail).toContain('h5py')
  })
  it('out-of-memory from OOMKilled', () => {
    expect(
      ids(
        ev({
          stage: 'train',
          exitCode: 137,
          signal: 'SIGKILL',
          oomKilled: true,
          lines: log('out-of-memory'),
        }),
      ),
    ).toEqual(['out-of-memory'])
  })
  it('exec-format-error', () => {
    expect(
      ids(
        ev({
          lines: [
            '#5 [2/3] RUN pip install tensorflow',
            '#5 0.101 exec /bin/sh: exec format error',
            '#5 ERROR: process "/bin/sh -c pip install tensorflow" did not complete successfully: exit code: 1',
          ],
        }),
      ),
    ).toEqual(['exec-format-error'])
  })
  it('timeout, suggesting native runners when emulated', () => {
    const [d] = classify(ev({ stage: 'import', status: 'timed-out', exitCode: 137, lines: [] }))
    expect(d!.id).toBe('timeout')
    expect(d!.fix).toContain('ubuntu-24.04-arm')
  })
  it('docker-engine-lost when the engine dies under a build (sandbox, dockerd killed)', () => {
    const [d, ...rest] = classify(ev({ lines: log('docker-engine-lost'), engineReachable: false }))
    expect(d).toMatchObject({ id: 'docker-engine-lost' })
    expect(d!.detail).toContain('"ERROR: failed to receive status: rpc error: code = Unavailable')
    expect(d!.detail).toContain('it still does not answer')
    expect(rest).toEqual([])
  })
  it('build-cache-corrupt when the layer of a cached step is gone from disk (sandbox, its directory removed)', () => {
    const [d, ...rest] = classify(
      ev({
        platform: parsePlatform('linux/amd64'),
        emulated: false,
        lines: log('build-cache-corrupt'),
      }),
    )
    expect(d).toMatchObject({ id: 'build-cache-corrupt' })
    expect(d!.detail).toContain('"ERROR: failed to build: failed to solve: failed to prepare')
    expect(d!.fix).toContain('docker builder prune -af')
    expect(rest).toEqual([])
    // A step's own missing file is the project's, not the cache's.
    expect(
      ids(ev({ lines: ['ERROR: failed to calculate checksum of ref x: "/train.py": not found'] })),
    ).not.toContain('build-cache-corrupt')
  })
  it('docker-engine-lost when the engine is gone, whatever the log says', () => {
    expect(ids(ev({ stage: 'import', lines: ['Traceback'], engineReachable: false }))).toEqual([
      'docker-engine-lost',
    ])
    expect(
      ids(
        ev({
          lines: [
            'ERROR: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
          ],
        }),
      ),
    ).toEqual(['docker-engine-lost'])
    // Both ways the docker client reports a build whose engine died (seen in the sandbox).
    expect(
      classify(
        ev({ lines: ['ERROR: failed to solve: Unavailable: error reading from server: EOF'] }),
      )[0]!.detail,
    ).toContain('"ERROR: failed to solve: Unavailable: error reading from server: EOF"')
  })
  it('a dropped connection inside pip is not a lost engine', () => {
    const lines = [
      "#7 12.3 WARNING: Retrying after connection broken by 'ProtocolError('Connection aborted.', ConnectionResetError(104, 'Connection reset by peer'))'",
      '#7 ERROR: process "/bin/sh -c pip install tensorflow" did not complete successfully: exit code: 1',
    ]
    expect(ids(ev({ lines, engineReachable: true }))).toEqual(['unknown'])
  })
  it('unknown, with the decisive lines, never silence', () => {
    const [d] = classify(ev({ exitCode: 77, lines: log('unknown') }))
    expect(d!.id).toBe('unknown')
    expect(d!.detail).toContain('configure: error: no acceptable C compiler found in $PATH')
  })
  it('foreign-binaries from the ELF headers the probe read, quoting the misleading loader line (sandbox import)', () => {
    const lines = log('foreign-binaries')
    const probe = {
      tensorflowDirs: ['/opt/venv/lib/python3.11/site-packages/tensorflow'],
      sysPath: ['/opt/venv/lib/python3.11/site-packages'],
      prefix: '/opt/venv',
      glibc: '2.36',
      path: '/opt/venv/bin:/usr/local/bin:/usr/bin:/bin',
      venvs: ['/opt/venv'],
      foreignBinaries: [
        {
          file: '/opt/venv/lib/python3.11/site-packages/tensorflow/libtensorflow_cc.so.2',
          arch: 'amd64',
        },
      ],
      binariesChecked: 96,
      foreignCount: 96,
    }
    const [d] = classify(ev({ stage: 'import', lines, probe }))
    expect(d!.id).toBe('foreign-binaries')
    expect(d!.detail).toBe(
      'The linux/arm64 image holds amd64 extension modules: all 96 extension modules read under tensorflow and numpy are amd64, e.g. /opt/venv/lib/python3.11/site-packages/tensorflow/libtensorflow_cc.so.2, while the interpreter is arm64; it cannot load them: "ImportError: /opt/venv/lib/python3.11/site-packages/tensorflow/python/platform/_pywrap_cpu_feature_guard.so: cannot open shared object file: No such file or directory".',
    )
    // The same log without foreign binaries in the probe is not this cause: the headers decide.
    expect(
      ids(ev({ stage: 'import', lines, probe: { ...probe, foreignBinaries: [] } })),
    ).not.toContain('foreign-binaries')
  })
  it('index-unreachable, not no-wheel, when pip could not reach the index (sandbox build, buildx 0.29)', () => {
    const lines = log('buildx-0.29/index-unreachable-dns')
    expect(lines.some((l) => l.includes('(from versions: none)'))).toBe(true)
    const found = classify(ev({ lines }))
    expect(found.map((d) => d.id)).toEqual(['index-unreachable'])
    expect(found[0]!.detail).toContain('Temporary failure in name resolution')
    expect(found[0]!.fix).toContain('SSL_CERT_FILE')
  })
  it.each([
    "ERROR: Could not install packages due to an OSError: HTTPSConnectionPool(host='<index>', port=443): Max retries exceeded with url: /simple/tensorflow/ (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)')))",
    "WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by 'ProxyError('Cannot connect to proxy.', NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7f>: Failed to establish a new connection: [Errno 111] Connection refused'))': /simple/tensorflow/",
    '  Caused by: invalid peer certificate: UnknownIssuer',
  ])('index-unreachable for certificates, proxies and refused connections: %#', (line) => {
    expect(ids(ev({ lines: ['#8 12.3 ' + line] }))).toEqual(['index-unreachable'])
  })
  it('wrong-architecture leads whatever else the log says, at the FROM', () => {
    const [d] = classify(
      ev({
        stage: 'import',
        lines: log('venv-not-on-path'),
        wrongArchitecture: 'the container ran as x86_64, not as linux/arm64 (aarch64)',
      }),
    )
    expect(d).toMatchObject({ id: 'wrong-architecture', file: 'Dockerfile', line: 1 })
    expect(d!.detail).toMatch(/^The container ran as x86_64, not as linux\/arm64 \(aarch64\)\. /)
  })
  it("the README's Diagnoses table lists the catalogue's ids, each once, in its order", () => {
    // The ids are the public contract: the table is where users read them.
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
    const section = readme.slice(readme.indexOf('\n## Diagnoses\n'))
    const body = section.slice(0, section.indexOf('\n## ', 1))
    const rows = [...body.matchAll(/^\| `([a-z0-9-]+)` +\|/gm)].map((m) => m[1])
    expect(rows).toEqual(Object.keys(CATALOG))
  })
})

describe('classify the causes of how the image runs (sandbox logs)', () => {
  const train = (name: string, over: Partial<Evidence> = {}) =>
    classify(ev({ stage: 'train', lines: log(name), ...over }))

  it('keras-backend-missing: KERAS_BACKEND=torch without torch, at the ENV line', () => {
    const [d] = train('keras-backend-missing', { variables: { KERAS_BACKEND: 'torch' } })
    expect(d).toMatchObject({ id: 'keras-backend-missing', file: 'Dockerfile', line: 6 })
    expect(d!.detail).toContain("No module named 'torch'")
    expect(d!.detail).toContain('KERAS_BACKEND=torch (ENV at Dockerfile:6)')
    // Without the variable known (an older results file), Keras's own line still decides it.
    expect(train('keras-backend-missing').map((x) => x.id)).toEqual(['keras-backend-missing'])
  })

  it('keras-backend-invalid and keras-version-mismatch from their lines', () => {
    expect(
      ids(
        ev({
          stage: 'import',
          lines: [
            '  File "keras/src/backend/__init__.py", line 59',
            'ValueError: Unable to import backend : pytorch',
          ],
        }),
      ),
    ).toEqual(['keras-backend-invalid'])
    expect(
      ids(
        ev({
          stage: 'train',
          lines: [
            "AttributeError: module 'tensorflow._api.v2.compat.v2.__internal__' has no attribute 'register_load_context_function'. Did you mean: 'register_call_context_function'?",
          ],
        }),
      ),
    ).toEqual(['keras-version-mismatch'])
  })

  it('tf-keras-missing: TF_USE_LEGACY_KERAS=1 without tf_keras', () => {
    const [d] = train('tf-keras-missing', { variables: { TF_USE_LEGACY_KERAS: '1' } })
    expect(d!.id).toBe('tf-keras-missing')
    expect(d!.fix).toMatch(/tf-keras/)
  })

  it('a missing module that is no Keras backend is not a backend diagnosis', () => {
    expect(
      ids(ev({ stage: 'train', lines: ["ModuleNotFoundError: No module named 'scipy'"] })),
    ).toEqual(['unknown'])
  })

  it('entrypoint-not-runnable: Docker refusing the ENTRYPOINT script, at the ENTRYPOINT', () => {
    const image = {
      os: 'linux',
      architecture: 'amd64',
      entrypoint: ['/usr/local/bin/wait-for-db.sh'],
      cmd: ['python', 'app.py'],
      user: '',
      workingDir: '/app',
      path: null,
    }
    const located = (over: Partial<Evidence>) => {
      const e = ev(over)
      return classify({
        ...e,
        locate: { ...e.locate, entrypoint: { file: 'Dockerfile', line: 7 } },
      })
    }
    const [d] = located({
      stage: 'import',
      lines: log('entrypoint-not-runnable'),
      image,
      exitCode: 126,
    })
    expect(d).toMatchObject({ id: 'entrypoint-not-runnable', line: 7 })
    expect(d!.fix).toContain('--chmod=0755')
    const [crlf] = located({
      stage: 'import',
      lines: ['exec /usr/local/bin/wait-for-db.sh: no such file or directory'],
      image,
    })
    expect(crlf!.detail).toMatch(/carriage return/)
    // The same words about another program are not the ENTRYPOINT's.
    expect(
      located({ stage: 'import', lines: ['exec /other.sh: no such file or directory'], image }).map(
        (x) => x.id,
      ),
    ).not.toContain('entrypoint-not-runnable')
  })
})

describe('explain', () => {
  const finding = (
    id: string,
    platform: string | null,
    file = 'Dockerfile',
    line = 3,
  ): Finding => ({
    platform,
    diagnosis: {
      id,
      title: CATALOG[id as keyof typeof CATALOG].title,
      detail: `static ${id}`,
      fix: `static fix ${id}`,
      file,
      line,
    },
  })
  it('sharpens a classification with the static finding of the same id', () => {
    const [d] = explain(
      classify(ev({ lines: log('python-version-unsupported') })),
      [finding('python-version-unsupported', 'linux/arm64')],
      'linux/arm64',
    )
    expect(d).toMatchObject({
      id: 'python-version-unsupported',
      fix: 'static fix python-version-unsupported',
      file: 'Dockerfile',
      line: 3,
    })
    expect(d!.detail).toContain('"ERROR: Could not find')
  })
  it('puts a root cause the Dockerfile shows before a generic log match', () => {
    const alpine = [
      '#6 0.9 ERROR: Could not find a version that satisfies the requirement tensorflow (from versions: none)',
    ]
    const out = explain(
      classify(ev({ lines: alpine })),
      [finding('musl-base-image', null, 'Dockerfile', 1)],
      'linux/arm64',
    )
    expect(out.map((d) => d.id)).toEqual(['musl-base-image', 'no-wheel-for-platform'])
  })
  it('never drops a failure to silence', () => {
    expect(explain(classify(ev({ lines: [] })), [], 'linux/arm64').map((d) => d.id)).toEqual([
      'unknown',
    ])
  })
})
