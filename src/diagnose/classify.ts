import { normalizeName, TENSORFLOW_PACKAGES } from '../knowledge/tensorflow.js'
import { diagnosis, type Locator, registerQemu } from '../diagnosis.js'
import type { Diagnosis, ImageConfig, StageName, StageStatus } from '../results/types.js'

// After a stage fails: from the evidence (its log, exit code and signal, the image probe) to
// one or more diagnoses, most likely first. Each quotes the line it keys on. A diagnosis
// explains a failure; it never turns one into a pass. Nothing recognised: `unknown`, with the
// decisive lines.

/** What the smoke script reports about the image when TensorFlow does not import. */
export interface Probe {
  tensorflowDirs: string[]
  sysPath: string[]
  prefix: string | null
  glibc: string | null
  path: string | null
  venvs: string[]
  /** Extension modules under tensorflow and numpy built for another architecture than the interpreter. */
  foreignBinaries?: { file: string; arch: string | null }[]
  /** How many extension modules were read, and how many of them were foreign. */
  binariesChecked?: number
  foreignCount?: number
}

export interface Evidence {
  platform: string
  emulated: boolean
  stage: StageName
  status: StageStatus
  /** The stage's output, last lines last. */
  lines: string[]
  exitCode: number | null
  signal: string | null
  oomKilled: boolean
  probe: Probe | null
  image: ImageConfig | null
  timeoutMinutes: number
  /**
   * Why the image, or the process in it, is not the platform asked for (from the verdict's
   * architecture proof); undefined when it is, or was not yet known.
   */
  wrongArchitecture?: string
  /** Whether the Docker engine still answered after the stage failed; undefined when not asked. */
  engineReachable?: boolean
  /** Where things are in the project: requirements by normalised name, the final FROM. */
  locate: Locator
}

interface Match {
  line: string
  groups: string[]
}

function find(lines: string[], re: RegExp): Match | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = re.exec(lines[i]!)
    if (m) return { line: lines[i]!.trim(), groups: m.slice(1).map((g) => g ?? '') }
  }
  return null
}

function quote(line: string): string {
  // BuildKit prefixes step lines with "#5 0.588 " and repeats them in its summary as "0.588 ".
  const clean = line
    .replace(/^#\d+ /, '')
    .replace(/^\d+\.\d+ /, '')
    .trim()
  return `"${clean.length > 300 ? clean.slice(0, 299) + '…' : clean}"`
}

/** What the docker client prints when the engine dies under it or is gone. */
const ENGINE_LOST =
  /Cannot connect to the Docker daemon|error during connect|(rpc error: code = |failed to solve: )Unavailable|docker\.sock: connect: (connection refused|no such file)|error waiting for container: (unexpected )?EOF/i

/**
 * What pip, uv and requests print when the package index cannot be reached at all: DNS,
 * refused or timed-out connections, proxies, and certificates nobody in the image trusts.
 */
const INDEX_UNREACHABLE =
  /Failed to establish a new connection|Temporary failure in name resolution|Name or service not known|\[Errno 111\] Connection refused|ProxyError|Cannot connect to proxy|CERTIFICATE_VERIFY_FAILED|SSLCertVerificationError|invalid peer certificate|UnknownIssuer|There was a problem confirming the ssl certificate|ConnectTimeoutError|dns error: failed to lookup|error sending request for url/

const DECISIVE = /error|Error|ERROR|Traceback|fatal|denied|not found|No module|Killed|Segmentation/

/** The lines that say most about an unrecognised failure. */
export function decisiveLines(lines: string[], count = 5): string[] {
  const hits = lines.filter((l) => DECISIVE.test(l) && !/^#\d+ DONE/.test(l))
  const pick = hits.length > 0 ? hits : lines.filter((l) => l.trim() !== '')
  return pick.slice(-count).map((l) => l.trim())
}

/** The error of the BuildKit step that loads a base image's metadata ("#3 ERROR: ..."), if it failed. */
function metadataError(lines: string[]): Match | null {
  for (const l of lines) {
    const step = /^(#\d+) \[internal\] load metadata for /.exec(l)?.[1]
    if (!step) continue
    const err = lines.find((x) => x.startsWith(`${step} ERROR: `))
    if (err) return { line: err.trim(), groups: [] }
  }
  return null
}

/** "all 96 extension modules read" or "3 of the 96 extension modules read". */
function readCount(foreign: number, checked: number | undefined): string {
  if (checked === undefined || checked === 0) return `${foreign} extension modules`
  return foreign === checked
    ? `all ${checked} extension modules read`
    : `${foreign} of the ${checked} extension modules read`
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function requirementName(spec: string): string {
  return normalizeName(spec.replace(/[\s[<>=!~;].*$/, ''))
}

export function classify(e: Evidence): Diagnosis[] {
  const out: Diagnosis[] = []
  const add = (d: Diagnosis): void => {
    if (!out.some((x) => x.id === d.id)) out.push(d)
  }
  const L = e.lines
  const where = e.platform

  if (e.wrongArchitecture) {
    add(
      diagnosis(
        'wrong-architecture',
        `${capitalize(e.wrongArchitecture)}. A ${where} machine cannot run it natively: it fails there with "exec format error", or runs under an emulator that the check did not prove.`,
        `Build the final stage for the target platform: drop a fixed --platform from its FROM (FROM --platform=$BUILDPLATFORM or a fixed platform belongs only to stages whose output does not depend on the architecture).`,
        e.locate.from,
      ),
    )
  }
  const foreign = e.probe?.foreignBinaries ?? []
  if (foreign.length > 0) {
    const first = foreign[0]!
    const count = e.probe?.foreignCount ?? foreign.length
    const arches = [...new Set(foreign.map((f) => f.arch ?? 'unknown-architecture'))].join(', ')
    const loadError = find(
      L,
      /cannot open shared object file|wrong ELF class|invalid ELF header|cannot execute binary file|No module named '[\w.]*(_multiarray_umath|_pywrap_tensorflow_internal)'|Error importing numpy|numpy C-extensions failed|ImportError: /,
    )
    add(
      diagnosis(
        'foreign-binaries',
        `The ${where} image holds ${arches} extension modules: ${readCount(count, e.probe?.binariesChecked)} under tensorflow and numpy ${count === 1 ? 'is' : 'are'} ${arches}, e.g. ${first.file}, while the interpreter is ${e.platform.split('/')[1]}; it cannot load them${loadError ? `: ${quote(loadError.line)}` : ''}.`,
        'Install the packages in a stage built for the target platform (no --platform, or --platform=$TARGETPLATFORM), or in the final stage itself; copy from a $BUILDPLATFORM stage only what does not depend on the architecture.',
      ),
    )
  }

  if (e.status === 'timed-out') {
    add(
      diagnosis(
        'timeout',
        `The ${e.stage} stage on ${where} did not finish within timeout-minutes (${e.timeoutMinutes})${e.emulated ? '; it ran under QEMU, which is 10-25 times slower than native' : ''}.`,
        e.emulated
          ? `Raise timeout-minutes, or check ${where} on a native runner (ubuntu-24.04-arm for linux/arm64).`
          : 'Raise timeout-minutes, or find what hangs in the log.',
      ),
    )
  }

  let m: Match | null
  if ((m = find(L, ENGINE_LOST)) || e.engineReachable === false) {
    add(
      diagnosis(
        'docker-engine-lost',
        `The Docker engine stopped answering during the ${e.stage} stage on ${where}${m ? `: ${quote(m.line)}` : ''}${e.engineReachable === false ? '; it still does not answer' : ''}. Nothing about the image can be concluded from this run.`,
        'Find why the engine stopped (its log: journalctl -u docker; an out-of-memory kill of dockerd; a restart by another job), then run the check again. On a shared machine, give the check a runner of its own.',
      ),
    )
  }
  if ((m = find(L, /exec format error/i))) {
    add(
      diagnosis(
        'exec-format-error',
        `${where} binaries could not run on this ${e.emulated ? 'machine' : 'runner'}: ${quote(m.line)}. No QEMU handler for the architecture is registered.`,
        `Before the check, ${registerQemu(e.platform.split('/')[1] ?? 'arm64')}, leave setup-qemu at auto, or use a native runner.`,
      ),
    )
  }
  if (
    (m = find(
      L,
      /qemu: uncaught target signal|qemu: unhandled CPU exception|qemu-[a-z0-9_]+: .*(Segmentation fault|Aborted)/,
    ))
  ) {
    add(
      diagnosis(
        'emulator-crash',
        `QEMU itself crashed emulating ${where}: ${quote(m.line)}.`,
        'Run again (emulator crashes are often flaky); pin a known-good binfmt image with qemu-image; or check this platform on a native runner.',
      ),
    )
  }
  const sigill = find(L, /Illegal instruction|compiled to use (AVX|SSE|FMA)/)
  if (e.signal === 'SIGILL' || sigill) {
    const line = sigill?.line
    add(
      diagnosis(
        'illegal-instruction',
        `The process died with SIGILL on ${where}${line ? `: ${quote(line)}` : ''}. The binary uses CPU instructions (often AVX) this CPU${e.emulated ? ' or emulator' : ''} lacks.`,
        `Use official tensorflow wheels for this architecture; never run amd64 TensorFlow under emulation on Apple Silicon; on old x86 CPUs use a build without AVX.`,
      ),
    )
  }
  const oom = find(L, /MemoryError|Cannot allocate memory|std::bad_alloc|out of memory/i)
  if (e.oomKilled || oom) {
    const line = oom?.line
    add(
      diagnosis(
        'out-of-memory',
        `${e.oomKilled ? 'The container was OOM-killed' : 'The process ran out of memory'} on ${where}${line ? `: ${quote(line)}` : ''}.`,
        'Raise the memory input (or the runner size), or reduce the work done at import time.',
      ),
    )
  }
  if ((m = find(L, /no match for platform in manifest|no matching manifest for (linux\/\S+)/))) {
    add(
      diagnosis(
        'base-image-platform-missing',
        `The base image has no ${where} variant: ${quote(m.line)}.`,
        `Use a multi-arch base image that lists ${where} (docker buildx imagetools inspect <image> shows them).`,
        e.locate.from,
      ),
    )
  } else if (
    (m = find(
      L,
      /failed to resolve source metadata for|manifest unknown|pull access denied for|repository does not exist/,
    )) ||
    (m = metadataError(L))
  ) {
    const image =
      find(L, /load metadata for (\S+)/)?.groups[0] ??
      find(L, /source metadata for (\S+?):?\s/)?.groups[0]
    add(
      diagnosis(
        'base-image-not-found',
        `The base image${image ? ` ${image}` : ''} could not be resolved: ${quote(m.line)}.`,
        'Use a tag that exists; official images publish one multi-arch tag per version (e.g. python:3.11-slim), not per-architecture tags.',
        e.locate.from,
      ),
    )
  }
  if ((m = find(L, /externally-managed-environment/))) {
    add(
      diagnosis(
        'externally-managed-environment',
        `pip refused to install into the system Python: ${quote(m.line)}.`,
        'Create a venv and put it on PATH (RUN python3 -m venv /opt/venv + ENV PATH="/opt/venv/bin:$PATH"), or start FROM python:3.12-slim.',
        e.locate.from,
      ),
    )
  }
  const unreachable = find(L, INDEX_UNREACHABLE)
  if (unreachable) {
    add(
      diagnosis(
        'index-unreachable',
        `The build could not reach the package index on ${where}, so pip (or uv) saw no versions at all: ${quote(unreachable.line)}.`,
        "Let the build reach the index: the builder's DNS and network (a docker-container builder needs them too), a proxy passed as build arguments (HTTPS_PROXY, NO_PROXY), a TLS-inspecting proxy's CA certificate in the image and trusted by the installer (pip's cert setting; SSL_CERT_FILE for uv, requests and poetry), or the URL of a private index (--index-url).",
      ),
    )
  }
  if (
    !unreachable &&
    (m = find(
      L,
      /Could not find a version that satisfies the requirement (\S+) \(from versions: ([^)]*)\)/,
    ))
  ) {
    const name = requirementName(m.groups[0]!)
    const versions = m.groups[1]!.trim()
    const loc = e.locate.requirement(name)
    if (name === 'tensorflow-macos' || name === 'tensorflow-metal') {
      add(
        diagnosis(
          'macos-only-package',
          `${name} has macOS wheels only: ${quote(m.line)}.`,
          'Install `tensorflow` instead (it runs on Apple Silicon too); keep the macOS package behind `; sys_platform == "darwin"`.',
          loc,
        ),
      )
    } else if (find(L, /musllinux|ld-musl|Alpine/i)) {
      add(
        diagnosis(
          'musl-base-image',
          `No musllinux wheel of ${name} exists: ${quote(m.line)}.`,
          'Use a glibc base image such as python:3.12-slim.',
          e.locate.from,
        ),
      )
    } else if (versions === 'none') {
      add(
        diagnosis(
          'no-wheel-for-platform',
          `pip found no ${name} wheel for ${where}: ${quote(m.line)}.`,
          name === 'tensorflow-cpu'
            ? 'Install `tensorflow` instead: tensorflow-cpu has never published aarch64 wheels, and `tensorflow` is CPU-only on Linux arm64.'
            : `Use a ${name} version with ${where} wheels, or another package.`,
          loc,
        ),
      )
    } else if (TENSORFLOW_PACKAGES.includes(name)) {
      add(
        diagnosis(
          'python-version-unsupported',
          `The pin ${m.groups[0]} has no wheel for this image's Python on ${where}; pip offers only ${versions.split(', ').slice(-4).join(', ')}: ${quote(m.line)}.`,
          'Use a Python the release supports (see the TensorFlow install matrix) or pin a release that supports this Python.',
          loc,
        ),
      )
    } else {
      add(
        diagnosis(
          'no-wheel-for-platform',
          `No version of ${m.groups[0]} installs here: ${quote(m.line)}.`,
          `Relax or change the pin of ${name}.`,
          loc,
        ),
      )
    }
  }
  if (
    (m = find(
      L,
      /ResolutionImpossible|conflicting dependencies|Cannot install .* because these package versions have conflicting/,
    ))
  ) {
    const culprit = find(L, /The conflict is caused by:|(\S+) depends on (\S+)/)
    add(
      diagnosis(
        'dependency-conflict',
        `pip cannot satisfy the pins together: ${quote(m.line)}${culprit ? `; ${quote(culprit.line)}` : ''}.`,
        'Drop or relax the pin named in the conflict (often numpy, protobuf or keras next to a tensorflow pin).',
      ),
    )
  }
  if (
    (m = find(
      L,
      /Failed building wheel for (\S+)|Failed to build (\S+)|Building wheel for (\S+) .*error|error: command '[^']*gcc' failed|libhdf5\.so: cannot open/,
    ))
  ) {
    const name = normalizeName(m.groups.find((g) => g) ?? 'a dependency')
    add(
      diagnosis(
        'source-build-failed',
        `pip had no ${where} wheel for ${name} and building it from source failed: ${quote(m.line)}.`,
        `Pin a ${name} version that ships ${where} wheels (h5py 3.11.0 shipped none for aarch64), or install its build dependencies.`,
        e.locate.requirement(name),
      ),
    )
  }
  if ((m = find(L, /version `GLIBC_(\d+\.\d+)' not found/))) {
    add(
      diagnosis(
        'glibc-too-old',
        `A library needs glibc ${m.groups[0]} but the image has ${e.probe?.glibc ?? 'an older one'}: ${quote(m.line)}.`,
        'Use a newer base image (Debian 11+ has glibc 2.31); TensorFlow 2.21 needs glibc 2.27 or newer.',
        e.locate.from,
      ),
    )
  }
  if (
    (m = find(
      L,
      /compiled using NumPy 1\.x cannot be run in|_ARRAY_API not found|numpy\.core\.multiarray failed to import|numpy\.dtype size changed/,
    ))
  ) {
    add(
      diagnosis(
        'numpy-abi-mismatch',
        `TensorFlow's compiled modules were built against NumPy 1 but NumPy 2 is installed: ${quote(m.line)}.`,
        'Pin numpy<2 next to tensorflow (TensorFlow <= 2.17 needs it), or upgrade to tensorflow>=2.18, built against NumPy 2.',
        e.locate.requirement('tensorflow') ?? e.locate.requirement('numpy'),
      ),
    )
  }
  if (
    (m = find(
      L,
      /Descriptors cannot be created directly|cannot import name '(builder|runtime_version)' from 'google\.protobuf/,
    ))
  ) {
    add(
      diagnosis(
        'protobuf-incompatible',
        `The installed protobuf does not match TensorFlow's generated code: ${quote(m.line)}.`,
        'Remove your protobuf pin, or pin the protobuf range TensorFlow declares (pip show tensorflow lists it).',
        e.locate.requirement('protobuf'),
      ),
    )
  }
  if ((m = find(L, /neither python nor python3 is on the image PATH/))) {
    add(
      diagnosis(
        'tensorflow-not-installed',
        `The image has no python on its PATH: ${quote(m.line)}.`,
        'Start FROM a python image (python:3.12-slim), or install Python and TensorFlow, or set the python input to the interpreter.',
        e.locate.from,
      ),
    )
  }
  if ((m = find(L, /No module named '?tensorflow'?/))) {
    const dirs = e.probe?.tensorflowDirs ?? []
    const inVenv = dirs.find((d) => e.probe?.venvs.some((v) => d.startsWith(v + '/')))
    if (inVenv) {
      const venv = e.probe!.venvs.find((v) => inVenv.startsWith(v + '/'))!
      add(
        diagnosis(
          'venv-not-on-path',
          `${quote(m.line)}, yet TensorFlow is installed at ${inVenv}: in the venv ${venv}, which the image's python (${e.probe?.prefix ?? 'the system one'}) does not use; PATH is ${e.probe?.path ?? 'unset'}.`,
          `Add ENV PATH="${venv}/bin:$PATH" to the Dockerfile after creating the venv, or run ${venv}/bin/python.`,
        ),
      )
    } else if (dirs.length > 0) {
      add(
        diagnosis(
          'venv-not-on-path',
          `${quote(m.line)}, yet TensorFlow is installed at ${dirs[0]}, outside the import path of the image's python (${e.probe?.prefix ?? '?'}).`,
          `Run the interpreter that owns ${dirs[0]} (put its bin directory first on PATH), or install TensorFlow for the image's python.`,
        ),
      )
    } else {
      add(
        diagnosis(
          'tensorflow-not-installed',
          `${quote(m.line)}, and no tensorflow package exists anywhere in the image's usual locations.`,
          'Install it in the image (RUN pip install tensorflow==2.21.0 or through requirements.txt), in the stage that ends up in the final image.',
          e.locate.requirement('tensorflow'),
        ),
      )
    }
  }
  if (
    out.length === 0 ||
    (out.length === 1 && out[0]!.id === 'timeout' && e.status !== 'timed-out')
  ) {
    const lines = decisiveLines(L)
    add(
      diagnosis(
        'unknown',
        `No known cause matched the ${e.stage} failure on ${where}${e.exitCode !== null ? ` (exit code ${e.exitCode}${e.signal ? `, ${e.signal}` : ''})` : ''}. The decisive lines: ${lines.map(quote).join(' / ') || '(no output)'}.`,
        'Read the log tail below; if it is a TensorFlow-on-arm64 failure we should know, report it with the log.',
      ),
    )
  }
  return out
}
