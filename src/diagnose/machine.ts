import { formatDuration } from '../format.js'
import type { Platform } from '../platforms.js'
import type { Diagnosis } from '../results/types.js'
import { registerQemu } from '../advice.js'
import { diagnosis } from '../diagnosis.js'
import {
  type Add,
  capitalize,
  ENGINE_LOST,
  type Evidence,
  find,
  quote,
  readCount,
  type Rule,
  runRules,
} from './evidence.js'

/**
 * BuildKit preparing a step on a cached parent whose snapshot is gone from disk (the engine's
 * metadata survived a stop that its layer directories did not): every build on that parent fails.
 */
const CACHE_CORRUPT = /failed to prepare \S+ as \S+: .*(no such file or directory|does not exist)/

/** Causes in the machine that ran the stage: the wrong architecture, foreign binaries, time, the engine, QEMU, the CPU, memory. */
export function machineCauses(e: Evidence, add: Add): void {
  runRules(MACHINE_RULES, e, add)
}

const MACHINE_RULES: readonly Rule[] = [
  // wrong-architecture first because an image of another architecture fails every way that
  // follows, and the one fix is at its FROM.
  wrongArchitecture,
  foreignBinaries,
  // builder-stalled before timeout because a stalled build timed out too, and the stall says
  // at which step.
  builderStalled,
  builderLost,
  timeout,
  dockerEngineLost,
  buildCacheCorrupt,
  execFormatError,
  emulatorCrash,
  illegalInstruction,
  outOfMemory,
]

function wrongArchitecture(e: Evidence, add: Add): void {
  if (!e.wrongArchitecture) return
  add(
    diagnosis(
      'wrong-architecture',
      `${capitalize(e.wrongArchitecture)}. A ${e.platform.id} machine cannot run it natively: it fails there with "exec format error", or runs under an emulator that the check did not prove.`,
      `Build the final stage for the target platform: drop a fixed --platform from its FROM (FROM --platform=$BUILDPLATFORM or a fixed platform belongs only to stages whose output does not depend on the architecture).`,
      e.locate.from,
    ),
  )
}

function foreignBinaries(e: Evidence, add: Add): void {
  const foreign = e.probe?.foreignBinaries ?? []
  if (foreign.length === 0) return
  const first = foreign[0]!
  const count = e.probe?.foreignCount ?? foreign.length
  const arches = [...new Set(foreign.map((f) => f.arch ?? 'unknown-architecture'))].join(', ')
  const loadError = find(
    e.lines,
    /cannot open shared object file|wrong ELF class|invalid ELF header|cannot execute binary file|No module named '[\w.]*(_multiarray_umath|_pywrap_tensorflow_internal)'|Error importing numpy|numpy C-extensions failed|ImportError: /,
  )
  add(
    diagnosis(
      'foreign-binaries',
      `The ${e.platform.id} image holds ${arches} extension modules: ${readCount(count, e.probe?.binariesChecked)} under tensorflow and numpy ${count === 1 ? 'is' : 'are'} ${arches}, e.g. ${first.file}, while the interpreter is ${e.platform.arch}; it cannot load them${loadError ? `: ${quote(loadError.line)}` : ''}.`,
      'Install the packages in a stage built for the target platform (no --platform, or --platform=$TARGETPLATFORM), or in the final stage itself; copy from a $BUILDPLATFORM stage only what does not depend on the architecture.',
    ),
  )
}

/**
 * A build stopped in a silence because its builder could not be making progress, or a stage
 * that ran out of time after a silence while the engine still answered: a silent stage on an
 * engine that is gone is the engine's (docker-engine-lost).
 */
function stalledBuild(e: Evidence): Evidence['stalled'] {
  if (e.stalled && e.builder) return e.stalled
  return e.status === 'timed-out' && e.engineReachable !== false ? e.stalled : undefined
}

/** How to get a builder going again: the engine's own (docker driver), or one made with buildx. */
function restartBuilder(b: { name: string; driver: string }): string {
  const name = b.name
  return b.driver === 'docker'
    ? 'restart the Docker engine (sudo systemctl restart docker; on a laptop, Docker Desktop)'
    : `restart the builder (docker buildx stop ${name}; the next build starts it again), or remove it and make it again (docker buildx rm ${name}; docker/setup-buildx-action makes a fresh one in every job)`
}

function builderStalled(e: Evidence, add: Add): void {
  const stalled = stalledBuild(e)
  if (!stalled) return
  const step = stalled.step
  if (e.builder) {
    add(
      diagnosis(
        'builder-stalled',
        `The ${e.stage} on ${e.platform.id} printed nothing for ${formatDuration(stalled.silentMs)}${step ? `, while at ${quote(step)}` : ''}, and then the builder '${e.builder.name}' ${e.builder.down}, while the Docker engine answered. A builder in that state makes no progress, so the check stopped the build there instead of waiting out timeout-minutes (${e.timeoutMinutes}). Nothing about the image can be concluded from this run.`,
        `Get the builder going, then run again: ${restartBuilder(e.builder)}. A paused BuildKit container is unpaused with docker unpause; one that keeps wedging is often short of memory (docker stats on its container).`,
      ),
    )
    return
  }
  add(
    diagnosis(
      'builder-stalled',
      `The ${e.stage} on ${e.platform.id} printed nothing for its last ${formatDuration(stalled.silentMs)}${step ? `, while at ${quote(step)}` : ''}, until timeout-minutes (${e.timeoutMinutes}) ended it; the Docker engine still answered. Either the builder is wedged (every build then sits at its first step, "load build definition") or that step waits on something that never comes.`,
      'Run a plain docker build of the project: if it hangs too, the builder is wedged; restart the Docker engine (sudo systemctl restart docker), or the builder (docker buildx stop NAME; a docker-container builder can be removed and created again). If only this step hangs, make it stop waiting: a prompt (apt-get -y, DEBIAN_FRONTEND=noninteractive), a lock, a network the build cannot reach.',
    ),
  )
}

/** A build that failed because its BuildKit went away under it: nothing about the image is known. */
function builderLost(e: Evidence, add: Add): void {
  if (!e.builder || e.stalled || e.engineReachable === false) return
  const line = find(e.lines, ENGINE_LOST) ?? find(e.lines, /^ERROR: /)
  add(
    diagnosis(
      'builder-lost',
      `The ${e.stage} on ${e.platform.id} failed because the builder '${e.builder.name}' ${e.builder.down}${line ? `: ${quote(line.line)}` : ''}. The Docker engine answered throughout; BuildKit itself stopped. Nothing about the image can be concluded from this run.`,
      `Run again: ${restartBuilder(e.builder)}. If its container was killed for memory, give the runner more memory or build fewer platforms at once (max-parallel: 1), since a TensorFlow install can use several GB.`,
    ),
  )
}

function timeout(e: Evidence, add: Add): void {
  if (e.status !== 'timed-out' || stalledBuild(e)) return
  const where = e.platform.id
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

function dockerEngineLost(e: Evidence, add: Add): void {
  // The engine answered, and the builder is what went away (builder-lost says so).
  if (e.builder && e.engineReachable !== false) return
  const m = find(e.lines, ENGINE_LOST)
  if (!m && e.engineReachable !== false) return
  add(
    diagnosis(
      'docker-engine-lost',
      `The Docker engine stopped answering during the ${e.stage} stage on ${e.platform.id}${m ? `: ${quote(m.line)}` : ''}${e.engineReachable === false ? '; it still does not answer' : ''}. Nothing about the image can be concluded from this run.`,
      'Find why the engine stopped (its log: journalctl -u docker; an out-of-memory kill of dockerd; a restart by another job), then run the check again. On a shared machine, give the check a runner of its own.',
    ),
  )
}

function buildCacheCorrupt(e: Evidence, add: Add): void {
  const m = find(e.lines, CACHE_CORRUPT)
  if (!m) return
  add(
    diagnosis(
      'build-cache-corrupt',
      `The builder's cache on this machine is damaged: a cached step's layer is gone from the engine's disk (${quote(m.line)}). Nothing about the image can be concluded from this build.`,
      'Empty the build cache and run the check again: docker builder prune -af (for a docker-container builder, docker buildx prune -af --builder NAME). It follows a machine or an engine that went down while it wrote; on a self-hosted runner, clear the cache after such a stop.',
    ),
  )
}

function execFormatError(e: Evidence, add: Add): void {
  const m = find(e.lines, /exec format error/i)
  if (!m) return
  add(
    diagnosis(
      'exec-format-error',
      `${e.platform.id} binaries could not run on this ${e.emulated ? 'machine' : 'runner'}: ${quote(m.line)}. No QEMU handler for the architecture is registered.`,
      `Before the check, ${registerQemu(e.platform.arch)}, leave setup-qemu at auto, or use a native runner.`,
    ),
  )
}

function emulatorCrash(e: Evidence, add: Add): void {
  const m = find(
    e.lines,
    /qemu: uncaught target signal|qemu: unhandled CPU exception|qemu-[a-z0-9_]+: .*(Segmentation fault|Aborted)/,
  )
  if (!m) return
  add(
    diagnosis(
      'emulator-crash',
      `QEMU itself crashed emulating ${e.platform.id}: ${quote(m.line)}.`,
      'Run again (emulator crashes are often flaky); pin a known-good binfmt image with qemu-image; or check this platform on a native runner.',
    ),
  )
}

function illegalInstruction(e: Evidence, add: Add): void {
  const sigill = find(e.lines, /Illegal instruction|compiled to use (AVX|SSE|FMA)/)
  if (e.signal !== 'SIGILL' && !sigill) return
  const where = e.platform.id
  const line = sigill?.line
  // amd64 under emulation (an arm64 engine: Apple Silicon, Graviton): the emulator's CPU, not
  // the image, is what failed; the same image may run on every amd64 server.
  const emulatedAmd64 = e.emulated && e.platform.arch === 'amd64'
  add(
    diagnosis(
      'illegal-instruction',
      emulatedAmd64
        ? `The process died with SIGILL on ${where}, which ran emulated on an arm64 engine${line ? `: ${quote(line)}` : ''}. TensorFlow's x86-64 build uses AVX, which this emulator does not provide; this says nothing about amd64 servers, whose CPUs have it.`
        : `The process died with SIGILL on ${where}${line ? `: ${quote(line)}` : ''}. The binary uses CPU instructions (often AVX) this CPU${e.emulated ? ' or emulator' : ''} lacks.`,
      emulatedAmd64
        ? 'Check linux/amd64 on an x86-64 machine or runner (ubuntu-24.04), and linux/arm64 here, natively; do not ship or debug amd64 TensorFlow under emulation on an arm64 machine.'
        : `Use official tensorflow wheels for this architecture; never run amd64 TensorFlow under emulation on Apple Silicon; on old x86 CPUs use a build without AVX.`,
    ),
  )
}

function outOfMemory(e: Evidence, add: Add): void {
  const oom = find(e.lines, /MemoryError|Cannot allocate memory|std::bad_alloc|out of memory/i)
  if (!e.oomKilled && !oom) return
  const line = oom?.line
  add(
    diagnosis(
      'out-of-memory',
      `${e.oomKilled ? 'The container was OOM-killed' : 'The process ran out of memory'} on ${e.platform.id}${line ? `: ${quote(line)}` : ''}.`,
      'Raise the memory input (or the runner size), or reduce the work done at import time.',
    ),
  )
}

/**
 * An emulated platform the engine cannot run (no QEMU handler, and none could be registered),
 * known before anything is built or run: what it would have failed with, and how to get one.
 */
export function noEmulator(platform: Platform, why: string): Diagnosis {
  return diagnosis(
    'exec-format-error',
    `${why}. Without it, ${platform.id} binaries fail with "exec format error".`,
    `To run ${platform.id}: ${registerQemu(platform.arch)}, keep setup-qemu at auto, or use a native runner.`,
  )
}
