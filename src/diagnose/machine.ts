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
  type Match,
  quote,
  readCount,
} from './evidence.js'

/**
 * BuildKit preparing a step on a cached parent whose snapshot is gone from disk (the engine's
 * metadata survived a stop that its layer directories did not): every build on that parent fails.
 */
const CACHE_CORRUPT = /failed to prepare \S+ as \S+: .*(no such file or directory|does not exist)/

/** Causes in the machine that ran the stage: the wrong architecture, foreign binaries, time, the engine, QEMU, the CPU, memory. */
export function machineCauses(e: Evidence, add: Add): void {
  const L = e.lines
  const where = e.platform.id
  let m: Match | null
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
        `The ${where} image holds ${arches} extension modules: ${readCount(count, e.probe?.binariesChecked)} under tensorflow and numpy ${count === 1 ? 'is' : 'are'} ${arches}, e.g. ${first.file}, while the interpreter is ${e.platform.arch}; it cannot load them${loadError ? `: ${quote(loadError.line)}` : ''}.`,
        'Install the packages in a stage built for the target platform (no --platform, or --platform=$TARGETPLATFORM), or in the final stage itself; copy from a $BUILDPLATFORM stage only what does not depend on the architecture.',
      ),
    )
  }

  if (e.status === 'timed-out' && e.stalled && e.engineReachable !== false) {
    const step = e.stalled.step
    add(
      diagnosis(
        'builder-stalled',
        `The ${e.stage} on ${where} printed nothing for its last ${formatDuration(e.stalled.silentMs)}${step ? `, while at ${quote(step)}` : ''}, until timeout-minutes (${e.timeoutMinutes}) ended it; the Docker engine still answered. Either the builder is wedged (every build then sits at its first step, "load build definition") or that step waits on something that never comes.`,
        'Run a plain docker build of the project: if it hangs too, the builder is wedged; restart the Docker engine (sudo systemctl restart docker), or the builder (docker buildx stop NAME; a docker-container builder can be removed and created again). If only this step hangs, make it stop waiting: a prompt (apt-get -y, DEBIAN_FRONTEND=noninteractive), a lock, a network the build cannot reach.',
      ),
    )
  } else if (e.status === 'timed-out') {
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

  if ((m = find(L, ENGINE_LOST)) || e.engineReachable === false) {
    add(
      diagnosis(
        'docker-engine-lost',
        `The Docker engine stopped answering during the ${e.stage} stage on ${where}${m ? `: ${quote(m.line)}` : ''}${e.engineReachable === false ? '; it still does not answer' : ''}. Nothing about the image can be concluded from this run.`,
        'Find why the engine stopped (its log: journalctl -u docker; an out-of-memory kill of dockerd; a restart by another job), then run the check again. On a shared machine, give the check a runner of its own.',
      ),
    )
  }
  if ((m = find(L, CACHE_CORRUPT))) {
    add(
      diagnosis(
        'build-cache-corrupt',
        `The builder's cache on this machine is damaged: a cached step's layer is gone from the engine's disk (${quote(m.line)}). Nothing about the image can be concluded from this build.`,
        'Empty the build cache and run the check again: docker builder prune -af (for a docker-container builder, docker buildx prune -af --builder NAME). It follows a machine or an engine that went down while it wrote; on a self-hosted runner, clear the cache after such a stop.',
      ),
    )
  }
  if ((m = find(L, /exec format error/i))) {
    add(
      diagnosis(
        'exec-format-error',
        `${where} binaries could not run on this ${e.emulated ? 'machine' : 'runner'}: ${quote(m.line)}. No QEMU handler for the architecture is registered.`,
        `Before the check, ${registerQemu(e.platform.arch)}, leave setup-qemu at auto, or use a native runner.`,
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
