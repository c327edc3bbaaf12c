# The program the check runs inside each built image, fed to the image's own Python on stdin
# (src/smoke/script.ts). It imports TensorFlow and, if its arguments say "train", trains a small
# Keras model on synthetic data: code that works with Keras 2 (TensorFlow <= 2.15) and Keras 3.
# "ready" adds what an NVIDIA GPU would need (TensorFlow's build, the CUDA libraries it loads),
# found without one; "gpu" lists the GPUs TensorFlow sees and trains on the first.
# Every result goes out as one line that starts with MARKER, so that it stands apart from
# whatever TensorFlow logs; src/smoke/events.ts says what each line holds.
#
# It runs on the images' Pythons, 3.9 and later: nothing newer than 3.9's syntax (a unit test
# parses it as 3.9).

import json, math, os, platform, re, sys, time, traceback

# The marker and the exit codes are constants, held equal to script.ts's by a unit test, not
# arguments or variables: an argument through a kept ENTRYPOINT may be split or trimmed (the
# marker ends in a space), and a variable lost to one that resets the environment.
MARKER = "__tf_multiarch_check__ "
# Apart from Python's own (1) and signals (128 + N).
EXIT_IMPORT_FAILED = 3
EXIT_TRAIN_FAILED = 4

def emit(**fields):
    sys.stdout.write(MARKER + json.dumps(fields) + "\n")
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
    sys.exit(EXIT_IMPORT_FAILED)
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

ARGS = sys.argv[1:]

def build_info():
    # TensorFlow's own record of how it was built: a CUDA build names its CUDA and cuDNN.
    try:
        info = dict(tf.sysconfig.get_build_info())
    except BaseException as e:
        return {"error": "%s: %s" % (type(e).__name__, e)}
    caps = info.get("cuda_compute_capabilities")
    return {"cuda": bool(info.get("is_cuda_build")), "cudaVersion": info.get("cuda_version"),
            "cudnnVersion": info.get("cudnn_version"),
            "computeCapabilities": [str(c) for c in caps] if isinstance(caps, (list, tuple)) else None}

# The libraries a CUDA build of TensorFlow opens before it registers a GPU (the driver's own
# libcuda aside, which only a GPU machine has), with the key of their major in cuda_config.h.
CUDA_LIBRARIES = (("cudart", "CUDART"), ("cublas", "CUBLAS"), ("cublasLt", "CUBLAS"),
                  ("cufft", "CUFFT"), ("cusolver", "CUSOLVER"), ("cusparse", "CUSPARSE"),
                  ("cudnn", "CUDNN"))

def cuda_config():
    # The library majors the build loads, from the header TensorFlow's wheel ships with it.
    base = os.path.dirname(tf.__file__)
    for rel in ("include/third_party/gpus/cuda/cuda_config.h",
                "include/external/local_config_cuda/cuda/cuda/cuda_config.h"):
        try:
            with open(os.path.join(base, rel)) as f:
                return dict(re.findall(r'#define TF_(\w+)_VERSION "([^"]*)"', f.read())), rel
        except Exception:
            pass
    return None, None

def dynamic_paths(path):
    # The DT_RPATH and DT_RUNPATH of an ELF shared object, $ORIGIN expanded: where the loader
    # looks for what that object dlopens. None where the file is no ELF this can read. Read by
    # parts: TensorFlow's shared objects are hundreds of MB.
    import struct
    try:
        with open(path, "rb") as f:
            def at(offset, size):
                f.seek(offset)
                return f.read(size)
            head = at(0, 64)
            if len(head) < 64 or head[:4] != b"\x7fELF" or head[4] != 2:
                return None
            end = "<" if head[5] == 1 else ">"
            shoff, = struct.unpack_from(end + "Q", head, 0x28)
            shentsize, shnum = struct.unpack_from(end + "HH", head, 0x3A)
            table = at(shoff, shentsize * shnum)
            sections = [struct.unpack_from(end + "IIQQQQII", table, i * shentsize) for i in range(shnum)]
            found = {15: [], 29: []}
            origin = os.path.dirname(os.path.realpath(path))
            for _, kind, _, _, offset, size, link, _ in sections:
                if kind != 6:  # SHT_DYNAMIC; its sh_link is its string table
                    continue
                strings = sections[link]
                dynamic = at(offset, size)
                for i in range(0, len(dynamic) - 15, 16):
                    tag, value = struct.unpack_from(end + "qQ", dynamic, i)
                    if tag == 0:
                        break
                    if tag in found:
                        text = at(strings[4] + value, 65536).split(b"\0")[0].decode("utf-8", "replace")
                        found[tag] += [d.replace("${ORIGIN}", origin).replace("$ORIGIN", origin)
                                       for d in text.split(":") if d]
            return {"rpath": found[15], "runpath": found[29]}
    except Exception:
        return None

def search_dirs():
    # The directories the loader searches, in its order, for a library TensorFlow dlopens by
    # name: DT_RPATH (where no DT_RUNPATH), LD_LIBRARY_PATH, DT_RUNPATH of TensorFlow's own
    # shared objects; the loader's cache and default directories come last (a bare name).
    import glob
    base = os.path.dirname(tf.__file__)
    rpath, runpath = [], []
    for lib in sorted(glob.glob(os.path.join(base, "libtensorflow*.so*")) +
                      glob.glob(os.path.join(base, "python", "_pywrap_tensorflow_internal.so"))):
        paths = dynamic_paths(lib) or {"rpath": [], "runpath": []}
        if paths["runpath"]:
            runpath += paths["runpath"]
        else:
            rpath += paths["rpath"]
    env = [d for d in os.environ.get("LD_LIBRARY_PATH", "").split(":") if d]
    ordered = []
    for d in rpath + env + runpath:
        d = os.path.normpath(d)
        if d not in ordered:
            ordered.append(d)
    return ordered

# Loads the CUDA libraries in a process of its own (sys.executable -c LOADER): what
# it loads can never help TensorFlow here find a library it would not have found, and a crash in
# a library's constructor costs only this answer. It resolves each name as glibc does for
# TensorFlow's dlopen: the first search directory that holds the file decides; where none does,
# the loader's cache for this machine's ABI, then its default directories. A bare dlopen from
# here would also search the Python executable's DT_RPATH (conda's lib/), which TensorFlow's
# objects, with their DT_RUNPATH, never do.
LOADER = r'''
import ctypes, json, os, platform, subprocess, sys

def library_version(name, lib):
    import ctypes
    v = ctypes.c_int(0)
    if name == "cudart" and lib.cudaRuntimeGetVersion(ctypes.byref(v)) == 0:
        return "%d.%d" % (v.value // 1000, v.value % 1000 // 10)
    if name == "cudnn":
        lib.cudnnGetVersion.restype = ctypes.c_size_t
        n = lib.cudnnGetVersion()
        step = 10000 if n >= 90000 else 1000
        return "%d.%d.%d" % (n // step, n % step // 100, n % 100)
    if name == "cublas":
        parts = []
        for prop in (0, 1, 2):
            if lib.cublasGetProperty(prop, ctypes.byref(v)) != 0:
                return None
            parts.append(str(v.value))
        return ".".join(parts)
    return None

def cached(soname):
    abi = {"x86_64": "x86-64", "aarch64": "AArch64"}.get(platform.machine())
    for ldconfig in ("/sbin/ldconfig", "/usr/sbin/ldconfig"):
        try:
            out = subprocess.run([ldconfig, "-p"], capture_output=True, text=True, timeout=30).stdout
        except Exception:
            continue
        for line in out.splitlines():
            left, arrow, path = line.partition(" => ")
            path = path.strip()
            if arrow and left.split()[:1] == [soname] and (abi is None or abi in left) and os.path.exists(path):
                return path
        break
    for d in ("/lib", "/usr/lib", "/lib64", "/usr/lib64"):
        if os.path.exists(os.path.join(d, soname)):
            return os.path.join(d, soname)
    return None

def load(name, soname, dirs):
    found = [os.path.join(d, soname) for d in dirs if os.path.exists(os.path.join(d, soname))]
    path = found[0] if found else cached(soname)
    result = {"name": name, "soname": soname, "path": None, "version": None, "error": None}
    if path is None:
        result["error"] = "%s: cannot open shared object file: in none of %s, nor in the loader's cache" % (
            soname, ", ".join(dirs) or "TensorFlow's search directories")
        return result
    try:
        lib = ctypes.CDLL(path)
    except OSError as e:
        result["error"] = str(e)
        return result
    result["path"] = os.path.realpath(path)
    try:
        result["version"] = library_version(name, lib)
    except Exception:
        pass
    return result

asked = json.load(sys.stdin)
print(json.dumps([load(name, soname, asked["dirs"]) for name, soname in asked["libraries"]]))
'''

def load_libraries(wanted, dirs):
    # [(name, soname)] -> what LOADER found of each; any failure of the loader is each one's error.
    import subprocess
    try:
        done = subprocess.run([sys.executable, "-c", LOADER], input=json.dumps({"libraries": wanted, "dirs": dirs}),
                              capture_output=True, text=True, timeout=120)
        found = json.loads(done.stdout.strip().splitlines()[-1])
        if len(found) != len(wanted):
            raise ValueError("%d answers for %d libraries" % (len(found), len(wanted)))
        return found
    except Exception as e:
        why = "the library check did not finish (%s: %s)" % (type(e).__name__, e)
        return [{"name": n, "soname": so, "path": None, "version": None, "error": why} for n, so in wanted]

def readiness():
    build = build_info()
    config, header = cuda_config()
    libraries, wanted = [], []
    if build.get("cuda"):
        for name, key in CUDA_LIBRARIES:
            major = (config or {}).get(key)
            if major is None and key in ("CUDART", "CUBLAS"):
                major = (build.get("cudaVersion") or "").split(".")[0]
            if major is None and key == "CUDNN":
                major = (build.get("cudnnVersion") or "").split(".")[0]
            if major == "11" and key == "CUDART":
                major = "11.0"  # CUDA 11's runtime is libcudart.so.11.0
            if major:
                wanted.append((name, "lib%s.so.%s" % (name, major)))
            else:
                libraries.append({"name": name, "soname": None, "path": None, "version": None,
                                  "error": "the build does not say which major of lib%s it loads" % name})
    if wanted:
        libraries = load_libraries(wanted, search_dirs()) + libraries
    site = os.path.dirname(os.path.dirname(tf.__file__))
    try:
        nvidia = sorted(n for n in os.listdir(os.path.join(site, "nvidia")) if not n.startswith("_"))
    except Exception:
        nvidia = []
    variables = dict((k, os.environ[k]) for k in ("CUDA_VISIBLE_DEVICES", "NVIDIA_VISIBLE_DEVICES",
                     "NVIDIA_DRIVER_CAPABILITIES", "CUDA_VERSION", "LD_LIBRARY_PATH") if k in os.environ)
    emit(stage="ready", build=build, config=config, configFile=header, libraries=libraries,
         nvidiaPackages=nvidia[:30], cudaHome=os.path.isdir("/usr/local/cuda"), env=variables)

def gpu_devices():
    try:
        gpus = tf.config.list_physical_devices("GPU")
    except BaseException as e:
        emit(stage="gpu", devices=None, error="%s: %s" % (type(e).__name__, e))
        return []
    devices = []
    for g in gpus:
        try:
            details = tf.config.experimental.get_device_details(g)
        except BaseException:
            details = {}
        cc = details.get("compute_capability")
        devices.append({"name": g.name, "model": details.get("device_name"),
                        "computeCapability": "%d.%d" % tuple(cc) if isinstance(cc, (list, tuple)) and len(cc) == 2 else None})
    # A computation placed on the first GPU, read back: where it really ran (for --no-train).
    try:
        with tf.device("/GPU:0"):
            computed = tf.matmul(tf.ones((2, 2)), tf.ones((2, 2))).device
    except BaseException:
        computed = None
    emit(stage="gpu", devices=devices, build=build_info(), computedOn=computed)
    return devices

if "ready" in ARGS:
    try:
        readiness()
    except BaseException:
        traceback.print_exc()
if "gpu" in ARGS:
    try:
        gpu_devices()
    except BaseException:
        traceback.print_exc()

if "train" not in ARGS:
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
    # With GPUs asked for, the step runs on the first one, and the device its output is on is
    # read back: TensorFlow places an op on the CPU without a word when the GPU is not there.
    import contextlib
    scope = tf.device("/GPU:0") if "gpu" in ARGS else contextlib.nullcontext()
    with scope:
        model = keras.Sequential([
            keras.Input(shape=(features,)),
            keras.layers.Dense(32, activation="relu"),
            keras.layers.Dense(1),
        ])
        model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="mse")
        history = model.fit(x, y, batch_size=batch, epochs=epochs, verbose=0)
        device = None
        if "gpu" in ARGS:
            # A string with TensorFlow's backend; another backend's device object is not one.
            device = getattr(model(x[:8], training=False), "device", None)
            device = device if isinstance(device, str) else None
            # The trained weights too: where one is known to live off the GPU, that is the
            # device said (the output alone could be on the GPU while training ran elsewhere).
            try:
                weights = model.trainable_weights[0]
                held = getattr(weights, "device", None)
                if not isinstance(held, str):
                    held = getattr(getattr(weights, "value", None), "device", None)
            except Exception:
                held = None
            if isinstance(held, str) and held and "GPU:" not in held.upper():
                device = held
    losses = [float(v) for v in history.history["loss"]]
    seconds = time.time() - t1
    if not all(math.isfinite(v) for v in losses):
        raise RuntimeError("training produced a non-finite loss: %r" % (losses,))
    steps = epochs * int(math.ceil(examples / float(batch)))
    emit(stage="train", ok=True, seconds=seconds, steps=steps, loss=losses,
         examplesPerSecond=examples * epochs / max(seconds, 1e-9),
         keras=getattr(keras, "__version__", None) or keras_version, device=device)
except BaseException:
    traceback.print_exc()
    emit(stage="train", ok=False, seconds=time.time() - t1)
    sys.exit(EXIT_TRAIN_FAILED)
