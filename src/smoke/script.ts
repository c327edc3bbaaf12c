import type { ElfHeader } from '../arches.js'

// The program the check runs inside each built image, fed to the image's own Python on stdin.
// It imports TensorFlow and, if asked, trains a small Keras model on synthetic data: code that
// works with Keras 2 (TensorFlow <= 2.15) and Keras 3. Every result goes out as one line that
// starts with MARKER, so that it stands apart from whatever TensorFlow logs.
//
// Kept free of backslashes so that it survives this template literal unchanged.

export const MARKER = '__tf_multiarch_check__ '

/** Exit codes the script uses, apart from Python's own (1) and signals (128 + N). */
export const EXIT_IMPORT_FAILED = 3
export const EXIT_TRAIN_FAILED = 4

export const SMOKE_SCRIPT = `
import json, math, os, platform, sys, time, traceback

MARKER = ${JSON.stringify(MARKER)}

def emit(**fields):
    sys.stdout.write(MARKER + json.dumps(fields) + chr(10))
    sys.stdout.flush()

def dist_version(*names):
    try:
        from importlib import metadata
    except ImportError:
        return None
    for name in names:
        try:
            return metadata.version(name)
        except Exception:
            pass
    return None

def elf_header(path):
    # The ELF header says which architecture a binary is for, whatever the log says.
    try:
        with open(path, "rb") as f:
            h = f.read(20)
    except Exception:
        return None
    if len(h) < 20 or h[0] != 127 or h[1:4] != b"ELF":
        return None
    little = h[5] == 1
    return {"machine": int.from_bytes(h[18:20], "little" if little else "big"),
            "bits": 64 if h[4] == 2 else 32, "littleEndian": little}

# /proc/self/exe is the binary really running (QEMU answers it with the emulated one).
interpreter = elf_header("/proc/self/exe") or elf_header(sys.executable)
# The variables TensorFlow and Keras read that decide what a training step needs installed.
variables = dict((k, os.environ[k]) for k in ("KERAS_BACKEND", "TF_USE_LEGACY_KERAS") if k in os.environ)
emit(stage="start", machine=platform.machine(), python=platform.python_version(), executable=sys.executable,
     elf=interpreter, env=variables)

def foreign_binaries(dirs):
    # Extension modules of another architecture than the interpreter's: what a venv or
    # site-packages copied from a stage built for another platform holds.
    found, checked, foreign = [], 0, 0
    for d in dirs:
        for root, _, files in os.walk(d):
            for name in files:
                if not (name.endswith(".so") or ".so." in name) or checked >= 5000:
                    continue
                checked += 1
                path = os.path.join(root, name)
                h = elf_header(path)
                if h and interpreter and (h["machine"], h["bits"]) != (interpreter["machine"], interpreter["bits"]):
                    foreign += 1
                    if len(found) < 10:
                        h["file"] = path
                        found.append(h)
    return found, checked, foreign

def probe():
    # Where TensorFlow and venvs are in the image, for the diagnosis of a failed import.
    import glob
    roots = ["/usr/local", "/usr", "/opt", "/app", "/root", "/srv", "/workspace", "/home", "/venv", os.getcwd()]
    found, venvs = set(), set()
    for root in roots:
        for sub in ("", "*", ".*", "*/*", "*/.*"):
            base = os.path.join(root, sub) if sub else root
            for d in glob.glob(os.path.join(base, "lib", "python3*", "*-packages", "tensorflow")):
                found.add(os.path.normpath(d))
            for f in glob.glob(os.path.join(base, "pyvenv.cfg")):
                venvs.add(os.path.dirname(os.path.normpath(f)))
    libc = platform.libc_ver()
    packages = set()
    for site in set([os.path.dirname(d) for d in found] + [p for p in sys.path if p.endswith("-packages")]):
        for name in ("tensorflow", "numpy"):
            if os.path.isdir(os.path.join(site, name)):
                packages.add(os.path.join(site, name))
    # TensorFlow's own modules first: they are the ones the failed import names.
    foreign, checked, count = foreign_binaries(sorted(packages, key=lambda d: (not d.endswith("tensorflow"), d)))
    emit(stage="probe", tensorflowDirs=sorted(found)[:20], venvs=sorted(venvs)[:20],
         sysPath=[p for p in sys.path if p][:20], prefix=sys.prefix, path=os.environ.get("PATH"),
         glibc=libc[1] if libc[0] == "glibc" else None,
         foreignBinaries=foreign, binariesChecked=checked, foreignCount=count)

t0 = time.time()
try:
    import tensorflow as tf
except BaseException:
    traceback.print_exc()
    sys.stderr.flush()
    emit(stage="import", ok=False, seconds=time.time() - t0)
    try:
        probe()
    except BaseException:
        pass
    sys.exit(${EXIT_IMPORT_FAILED})
import_seconds = time.time() - t0

numpy_version = None
try:
    import numpy
    numpy_version = numpy.__version__
except BaseException:
    pass
keras_version = dist_version("keras", "tf-keras", "tf_keras")
emit(stage="import", ok=True, seconds=import_seconds, tensorflow=getattr(tf, "__version__", None),
     numpy=numpy_version, keras=keras_version)

if "train" not in sys.argv[1:]:
    sys.exit(0)

t1 = time.time()
try:
    import numpy as np
    keras = tf.keras
    rng = np.random.default_rng(0)
    examples, features, batch, epochs = 512, 16, 64, 3
    x = rng.standard_normal((examples, features)).astype("float32")
    w = rng.standard_normal((features, 1)).astype("float32")
    y = (x.dot(w) + 0.1 * rng.standard_normal((examples, 1))).astype("float32")
    model = keras.Sequential([
        keras.Input(shape=(features,)),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(1),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="mse")
    history = model.fit(x, y, batch_size=batch, epochs=epochs, verbose=0)
    losses = [float(v) for v in history.history["loss"]]
    seconds = time.time() - t1
    if not all(math.isfinite(v) for v in losses):
        raise RuntimeError("training produced a non-finite loss: %r" % (losses,))
    steps = epochs * int(math.ceil(examples / float(batch)))
    emit(stage="train", ok=True, seconds=seconds, steps=steps, loss=losses,
         examplesPerSecond=examples * epochs / max(seconds, 1e-9),
         keras=getattr(keras, "__version__", None) or keras_version)
except BaseException:
    traceback.print_exc()
    emit(stage="train", ok=False, seconds=time.time() - t1)
    sys.exit(${EXIT_TRAIN_FAILED})
`

/**
 * The shell line that finds the interpreter the way the image's user would get it: `python`,
 * else `python3`, on the image's own PATH; it then reads the script from stdin.
 */
export const FIND_PYTHON =
  'for p in python python3; do if command -v "$p" >/dev/null 2>&1; then exec "$p" - "$@"; fi; done; ' +
  'echo "tf-multiarch-check: neither python nor python3 is on the image PATH ($PATH)" >&2; exit 127'

/** FIND_PYTHON as one shell line with its arguments written in (for an ENTRYPOINT that takes one string). */
export function findPythonLine(args: string[], python?: string): string {
  const words = ['-', ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ')
  if (python) return `exec '${python.replace(/'/g, "'\\''")}' ${words}`
  return FIND_PYTHON.replace('exec "$p" - "$@"', () => `exec "$p" ${words}`)
}

export interface SmokeEvent {
  stage: 'start' | 'import' | 'train' | 'probe'
  tensorflowDirs?: string[]
  venvs?: string[]
  sysPath?: string[]
  prefix?: string
  path?: string | null
  glibc?: string | null
  /** The interpreter's own ELF header (start), and extension modules of another architecture (probe). */
  elf?: ElfHeader | null
  foreignBinaries?: (ElfHeader & { file: string })[]
  binariesChecked?: number
  foreignCount?: number
  /** The variables of the process that decide what Keras needs (start). */
  env?: Record<string, string>
  ok?: boolean
  seconds?: number
  machine?: string
  python?: string
  executable?: string
  tensorflow?: string | null
  numpy?: string | null
  keras?: string | null
  steps?: number
  loss?: number[]
  examplesPerSecond?: number
}

/** The event a line of the container's stdout carries, if it is one of ours. */
export function parseSmokeLine(line: string): SmokeEvent | null {
  const at = line.indexOf(MARKER)
  if (at === -1) return null
  try {
    const value = JSON.parse(line.slice(at + MARKER.length)) as unknown
    if (value && typeof value === 'object' && 'stage' in value) return value as SmokeEvent
  } catch {
    // A truncated or interleaved line: not ours to trust.
  }
  return null
}
