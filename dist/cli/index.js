#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 318:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cli_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(950);

process.exitCode = await (0,_cli_js__WEBPACK_IMPORTED_MODULE_0__/* .main */ .iW)(process.argv.slice(2));

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 950:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  iW: () => (/* binding */ main)
});

// UNUSED EXPORTS: USAGE, parseCli

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: external "node:process"
const external_node_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");
;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./src/smoke/script.ts
// The program the check runs inside each built image, fed to the image's own Python on stdin.
// It imports TensorFlow and, if asked, trains a small Keras model on synthetic data: code that
// works with Keras 2 (TensorFlow <= 2.15) and Keras 3. Every result goes out as one line that
// starts with MARKER, so that it stands apart from whatever TensorFlow logs.
//
// Kept free of backslashes so that it survives this template literal unchanged.
const MARKER = '__tf_multiarch_check__ ';
/** Exit codes the script uses, apart from Python's own (1) and signals (128 + N). */
const EXIT_IMPORT_FAILED = 3;
const EXIT_TRAIN_FAILED = 4;
const SMOKE_SCRIPT = `
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

emit(stage="start", machine=platform.machine(), python=platform.python_version(), executable=sys.executable)

t0 = time.time()
try:
    import tensorflow as tf
except BaseException:
    traceback.print_exc()
    emit(stage="import", ok=False, seconds=time.time() - t0)
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
`;
/**
 * The shell line that finds the interpreter the way the image's user would get it: `python`,
 * else `python3`, on the image's own PATH; it then reads the script from stdin.
 */
const FIND_PYTHON = 'for p in python python3; do if command -v "$p" >/dev/null 2>&1; then exec "$p" - "$@"; fi; done; ' +
    'echo "tf-multiarch-check: neither python nor python3 is on the image PATH ($PATH)" >&2; exit 127';
/** The event a line of the container's stdout carries, if it is one of ours. */
function parseSmokeLine(line) {
    const at = line.indexOf(MARKER);
    if (at === -1)
        return null;
    try {
        const value = JSON.parse(line.slice(at + MARKER.length));
        if (value && typeof value === 'object' && 'stage' in value)
            return value;
    }
    catch {
        // A truncated or interleaved line: not ours to trust.
    }
    return null;
}

;// CONCATENATED MODULE: ./src/docker/args.ts

// Inputs -> docker command lines, as pure functions (the way Docker's own actions build their
// argument lists), so that table-driven tests cover them without running anything.
const RUN_LABEL = 'org.tf-multiarch-check.run';
function buildCommand(spec) {
    const args = ['buildx', 'build'];
    if (spec.builder)
        args.push('--builder', spec.builder);
    args.push('--platform', spec.platform, '--file', spec.file, '--tag', spec.tag, '--load', '--progress', 'plain');
    // The label lets the post step find exactly this run's images, and nothing else.
    args.push('--label', `${RUN_LABEL}=${spec.runId}`);
    if (spec.target)
        args.push('--target', spec.target);
    for (const [key, value] of spec.buildArgs)
        args.push('--build-arg', `${key}=${value}`);
    args.push(spec.context);
    return args;
}
/**
 * One container start that imports TensorFlow and trains. It keeps the image's ENV, PATH,
 * WORKDIR and USER, and replaces only what runs: the image's ENTRYPOINT and CMD are recorded
 * for diagnosis but never executed.
 */
function smokeCommand(spec) {
    const args = [
        'run',
        '-i',
        '--name',
        spec.name,
        '--platform',
        spec.platform,
        '--label',
        `${RUN_LABEL}=${spec.runId}`,
    ];
    if (!spec.network)
        args.push('--network', 'none');
    if (spec.memory)
        args.push('--memory', spec.memory);
    args.push('--security-opt', 'no-new-privileges', '--cap-drop', 'ALL');
    const scriptArgs = spec.train ? ['train'] : [];
    if (spec.python) {
        args.push('--entrypoint', spec.python, spec.tag, '-', ...scriptArgs);
    }
    else {
        args.push('--entrypoint', 'sh', spec.tag, '-c', FIND_PYTHON, 'sh', ...scriptArgs);
    }
    return args;
}

;// CONCATENATED MODULE: ./src/cleanup.ts

/**
 * Removes the containers and images one run created, and nothing else: they must carry the
 * run's label and the run's own tag or name prefix.
 */
async function cleanupRun(docker, runId) {
    if (!/^[a-z0-9-]+$/.test(runId))
        return { images: [], containers: [] };
    const found = await docker.listByRunLabel(`${RUN_LABEL}=${runId}`);
    const images = found.images.filter((r) => r.startsWith(`tf-multiarch-check:${runId}-`));
    const containers = found.containers.filter((n) => n.startsWith(`tf-multiarch-check-${runId}-`));
    await docker.removeContainers(containers);
    await docker.removeImages(images);
    return { images, containers };
}

;// CONCATENATED MODULE: ./src/errors.ts
/**
 * A problem with what the user asked for (an input, a flag, a path): the message names the input,
 * its value and the fix. The CLI exits 2 for it; no Docker work starts and nothing is posted.
 */
class InputError extends Error {
    name = 'InputError';
}
/**
 * The machine cannot run the check at all (no Docker engine, no buildx). The CLI exits 2.
 */
class EnvironmentError extends Error {
    name = 'EnvironmentError';
}
/** The message of anything thrown, Error or not. */
function errorMessage(err) {
    if (err instanceof Error)
        return err.message;
    if (typeof err === 'string')
        return err;
    try {
        return JSON.stringify(err);
    }
    catch {
        return String(err);
    }
}

;// CONCATENATED MODULE: ./src/docker/builder.ts
/** Parses `docker buildx inspect` (buildx 0.10 and later print the same key: value layout). */
function parseBuilderInspect(text) {
    const value = (key) => {
        const line = text.split('\n').find((l) => l.startsWith(`${key}:`));
        return line ? line.slice(key.length + 1).trim() : '';
    };
    const platforms = new Set();
    for (const line of text.split('\n')) {
        if (!line.startsWith('Platforms:'))
            continue;
        for (const p of line.slice('Platforms:'.length).split(',')) {
            const t = p.trim().replace(/\*$/, '');
            if (t)
                platforms.add(t);
        }
    }
    return { name: value('Name'), driver: value('Driver'), platforms: [...platforms] };
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/docker/exec.ts

const STDOUT_CAP = 4 * 1024 * 1024;
function run(command, args, opts = {}) {
    const keep = opts.keepLines ?? 400;
    const started = Date.now();
    return new Promise((resolve) => {
        const tail = [];
        let stdout = '';
        let timedOut = false;
        let aborted = false;
        let spawnError;
        const child = (0,external_node_child_process_namespaceObject.spawn)(command, args, {
            stdio: ['pipe', 'pipe', 'pipe'],
            env: opts.env ?? process.env,
        });
        const push = (line, stream) => {
            tail.push(line);
            if (tail.length > keep)
                tail.shift();
            opts.onLine?.(line, stream);
        };
        const splitter = (stream) => {
            let partial = '';
            return {
                data(chunk) {
                    const text = partial + chunk.toString('utf8');
                    if (stream === 'stdout' && stdout.length < STDOUT_CAP)
                        stdout += chunk.toString('utf8');
                    const lines = text.split(/\r?\n/);
                    partial = lines.pop() ?? '';
                    for (const line of lines)
                        push(line, stream);
                },
                end() {
                    if (partial !== '')
                        push(partial, stream);
                    partial = '';
                },
            };
        };
        const out = splitter('stdout');
        const err = splitter('stderr');
        child.stdout.on('data', out.data);
        child.stderr.on('data', err.data);
        let killTimer;
        const stop = () => {
            child.kill('SIGTERM');
            killTimer = setTimeout(() => child.kill('SIGKILL'), 5000);
            killTimer.unref();
        };
        const timer = opts.timeoutMs !== undefined
            ? setTimeout(() => {
                timedOut = true;
                stop();
            }, Math.max(0, opts.timeoutMs))
            : undefined;
        const onAbort = () => {
            aborted = true;
            stop();
        };
        if (opts.signal?.aborted)
            onAbort();
        else
            opts.signal?.addEventListener('abort', onAbort, { once: true });
        child.on('error', (e) => {
            spawnError = e;
        });
        child.stdin.on('error', () => {
            // The process may exit before reading its input (a missing interpreter); that is its
            // result to report, not ours to crash on.
        });
        child.stdin.end(opts.input ?? '');
        child.on('close', (code, signal) => {
            out.end();
            err.end();
            if (timer)
                clearTimeout(timer);
            if (killTimer)
                clearTimeout(killTimer);
            opts.signal?.removeEventListener('abort', onAbort);
            resolve({
                command: [command, ...args].join(' '),
                exitCode: code,
                signal,
                timedOut,
                aborted,
                durationMs: Date.now() - started,
                tail,
                stdout,
                spawnError,
            });
        });
    });
}
/** The useful end of a failed command's output, for an error message. */
function describeFailure(result, lines = 15) {
    if (result.spawnError)
        return `${result.command}: ${result.spawnError.message}`;
    const how = result.timedOut
        ? 'timed out'
        : result.signal
            ? `was killed by ${result.signal}`
            : `exited with ${result.exitCode}`;
    const tail = result.tail.slice(-lines).join('\n').trim();
    return `${result.command} ${how}${tail ? `:\n${tail}` : ''}`;
}

;// CONCATENATED MODULE: ./src/docker/client.ts



const DOCKER = process.env.TFMC_DOCKER_BIN || 'docker';
function createDocker() {
    const docker = {
        run: (args, opts) => run(DOCKER, args, opts),
        async serverVersion() {
            const res = await run(DOCKER, ['version', '--format', '{{.Server.Version}}'], {
                timeoutMs: 30_000,
            });
            if (res.spawnError) {
                throw new EnvironmentError(`docker: the docker command was not found (${res.spawnError.code}); install Docker, or on GitHub use a Linux runner, which has it`);
            }
            const version = res.stdout.trim();
            if (res.exitCode !== 0 || version === '') {
                throw new EnvironmentError(`docker: cannot reach the Docker engine; start the daemon (or point DOCKER_HOST at one) and run again. ${describeFailure(res, 3)}`);
            }
            return version;
        },
        async buildxVersion() {
            const res = await run(DOCKER, ['buildx', 'version'], { timeoutMs: 30_000 });
            if (res.exitCode !== 0) {
                throw new EnvironmentError(`docker buildx is not available; add docker/setup-buildx-action before this step (or install the buildx CLI plugin). ${describeFailure(res, 3)}`);
            }
            return res.stdout.trim();
        },
        async inspectBuilder(name) {
            const res = await run(DOCKER, ['buildx', 'inspect', ...(name ? [name] : [])], {
                timeoutMs: 60_000,
            });
            if (res.exitCode !== 0) {
                throw new EnvironmentError(name
                    ? `builder: '${name}' is not a buildx builder here; create it (docker/setup-buildx-action) or leave the input empty for the current one. ${describeFailure(res, 3)}`
                    : `docker buildx inspect failed. ${describeFailure(res, 3)}`);
            }
            return parseBuilderInspect(res.stdout);
        },
        async imageConfig(ref) {
            const res = await run(DOCKER, ['image', 'inspect', '--format', '{{json .Config}}', ref], {
                timeoutMs: 60_000,
            });
            if (res.exitCode !== 0)
                return null;
            try {
                const c = JSON.parse(res.stdout);
                const path = (c.Env ?? []).find((e) => e.startsWith('PATH='));
                return {
                    entrypoint: c.Entrypoint ?? null,
                    cmd: c.Cmd ?? null,
                    user: c.User ?? '',
                    workingDir: c.WorkingDir ?? '',
                    path: path ? path.slice(5) : null,
                };
            }
            catch {
                return null;
            }
        },
        async containerState(name) {
            const res = await run(DOCKER, ['container', 'inspect', '--format', '{{json .State}}', name], {
                timeoutMs: 60_000,
            });
            if (res.exitCode !== 0)
                return null;
            try {
                const s = JSON.parse(res.stdout);
                return {
                    exitCode: s.ExitCode ?? null,
                    oomKilled: Boolean(s.OOMKilled),
                    error: s.Error ?? '',
                };
            }
            catch {
                return null;
            }
        },
        async kill(name) {
            await run(DOCKER, ['container', 'kill', name], { timeoutMs: 60_000 });
        },
        async removeContainers(names) {
            if (names.length > 0)
                await run(DOCKER, ['container', 'rm', '-f', ...names], { timeoutMs: 120_000 });
        },
        async removeImages(refs) {
            if (refs.length > 0)
                await run(DOCKER, ['image', 'rm', '-f', ...refs], { timeoutMs: 120_000 });
        },
        async listByRunLabel(label) {
            const images = await run(DOCKER, ['image', 'ls', '--filter', `label=${label}`, '--format', '{{.Repository}}:{{.Tag}}'], { timeoutMs: 60_000 });
            const containers = await run(DOCKER, ['container', 'ls', '-a', '--filter', `label=${label}`, '--format', '{{.Names}}'], { timeoutMs: 60_000 });
            const lines = (r) => r.exitCode === 0
                ? r.stdout
                    .split('\n')
                    .map((s) => s.trim())
                    .filter((s) => s !== '' && !s.includes('<none>'))
                : [];
            return { images: lines(images), containers: lines(containers) };
        },
    };
    return docker;
}

;// CONCATENATED MODULE: ./src/docker/binfmt.ts


const BINFMT_DIR = '/proc/sys/fs/binfmt_misc';
/** Parses one /proc/sys/fs/binfmt_misc/<name> entry. */
function parseBinfmtEntry(name, text) {
    const lines = text.split('\n');
    const field = (key) => lines
        .find((l) => l.startsWith(`${key} `))
        ?.slice(key.length + 1)
        .trim() ?? '';
    return {
        name,
        enabled: lines[0]?.trim() === 'enabled',
        interpreter: field('interpreter'),
        flags: field('flags:'),
    };
}
/**
 * Whether an enabled handler runs binaries of the QEMU architecture `qemuArch` (aarch64, arm,
 * ...). Handlers are named qemu-<arch> by both Debian's qemu-user-static and tonistiigi/binfmt;
 * the interpreter's name is the fallback (Debian's is <arch>-binfmt-P, others qemu-<arch>).
 */
function handlesArch(handlers, qemuArch) {
    return handlers.find((h) => h.enabled &&
        (h.name === `qemu-${qemuArch}` ||
            new RegExp(`(^|/)(qemu-${qemuArch}(-static)?|${qemuArch}-binfmt-P)$`).test(h.interpreter)));
}
/** The handlers registered on this machine, or null when binfmt_misc is not mounted here. */
async function readBinfmtHandlers(dir = BINFMT_DIR) {
    let names;
    try {
        names = await (0,promises_namespaceObject.readdir)(dir);
    }
    catch {
        return null;
    }
    if (!names.includes('register'))
        return null;
    const handlers = [];
    for (const name of names) {
        if (name === 'register' || name === 'status')
            continue;
        try {
            handlers.push(parseBinfmtEntry(name, await (0,promises_namespaceObject.readFile)((0,external_node_path_namespaceObject.join)(dir, name), 'utf8')));
        }
        catch {
            // An entry removed while we read: it no longer counts.
        }
    }
    return handlers;
}

;// CONCATENATED MODULE: ./src/platforms.ts

// Architectures Docker builds for on Linux (the GOARCH names the OCI image spec uses), with the
// variants each accepts. TensorFlow publishes wheels only for amd64 and arm64; the rest are valid
// platforms that the check reports as unsupported rather than rejecting as typos.
const LINUX_ARCHES = {
    amd64: ['v1', 'v2', 'v3', 'v4'],
    arm64: ['v8'],
    arm: ['v5', 'v6', 'v7'],
    '386': [],
    ppc64le: [],
    s390x: [],
    riscv64: [],
    mips64le: [],
    loong64: [],
};
/** binfmt_misc / QEMU names of each architecture. */
const QEMU_NAMES = {
    amd64: 'x86_64',
    arm64: 'aarch64',
    arm: 'arm',
    '386': 'i386',
    ppc64le: 'ppc64le',
    s390x: 's390x',
    riscv64: 'riscv64',
    mips64le: 'mips64el',
    loong64: 'loongarch64',
};
const EXAMPLE_PLATFORMS = 'linux/amd64, linux/arm64';
/** Parses and normalises one platform; `linux/arm64/v8` becomes `linux/arm64` as Docker does. */
function parsePlatform(raw, inputName = 'platforms') {
    const value = raw.trim().toLowerCase();
    const parts = value.split('/');
    const bad = (why) => new InputError(`${inputName}: '${raw.trim()}' is not a platform: ${why}; expected os/arch[/variant], e.g. ${EXAMPLE_PLATFORMS}`);
    if (parts.length < 2 || parts.length > 3 || parts.some((p) => p === '')) {
        throw bad('it must have two or three parts separated by /');
    }
    const [os, arch, variant] = parts;
    if (os !== 'linux') {
        throw bad(`only linux images can run TensorFlow in Docker, not '${os}'`);
    }
    const variants = LINUX_ARCHES[arch];
    if (!variants) {
        throw bad(`unknown architecture '${arch}' (known: ${Object.keys(LINUX_ARCHES).join(', ')})`);
    }
    if (variant !== undefined && !variants.includes(variant)) {
        throw bad(`unknown variant '${variant}' for ${arch}`);
    }
    // Docker normalises arm64/v8 to arm64 and amd64/v1 to amd64; so do we, so that a platform is
    // spelled one way in tags, statuses and results.
    if ((arch === 'arm64' && variant === 'v8') || (arch === 'amd64' && variant === 'v1')) {
        return { os, arch };
    }
    if (arch === 'arm' && variant === undefined)
        return { os, arch, variant: 'v7' };
    return variant === undefined ? { os, arch } : { os, arch, variant };
}
function formatPlatform(p) {
    return [p.os, p.arch, p.variant].filter(Boolean).join('/');
}
/**
 * Parses a comma- or newline-separated platform list, dropping duplicates (after normalisation)
 * and keeping the order given.
 */
function parsePlatformList(raw, inputName = 'platforms') {
    const items = raw
        .split(/[,\n]/)
        .map((s) => s.trim())
        .filter((s) => s !== '');
    if (items.length === 0) {
        throw new InputError(`${inputName}: the list is empty; name at least one platform, e.g. ${EXAMPLE_PLATFORMS}`);
    }
    const seen = new Set();
    const out = [];
    for (const item of items) {
        const p = parsePlatform(item, inputName);
        const key = formatPlatform(p);
        if (!seen.has(key)) {
            seen.add(key);
            out.push(p);
        }
    }
    return out;
}
/** The Docker architecture of the machine this process runs on (Node's process.arch). */
function hostArch(nodeArch = process.arch) {
    const map = {
        x64: 'amd64',
        arm64: 'arm64',
        arm: 'arm',
        ia32: '386',
        ppc64: 'ppc64le',
        s390x: 's390x',
        riscv64: 'riscv64',
        loong64: 'loong64',
    };
    return map[nodeArch] ?? nodeArch;
}
/** Whether the host's CPU runs the platform without an emulator. */
function isNative(p, host = hostArch()) {
    if (p.arch === host)
        return true;
    // x86-64 CPUs run 32-bit x86 code natively.
    return host === 'amd64' && p.arch === '386';
}
/** The name QEMU and binfmt_misc use for the platform's architecture (qemu-<name>). */
function qemuName(p) {
    return QEMU_NAMES[p.arch] ?? p.arch;
}
/** Platforms for which TensorFlow publishes Linux wheels at all. */
function tensorflowHasWheels(p) {
    return p.arch === 'amd64' || p.arch === 'arm64';
}
/** A string safe in image tags and container names: linux/arm/v7 -> linux-arm-v7. */
function platformSlug(p) {
    return formatPlatform(p).replace(/\//g, '-');
}

;// CONCATENATED MODULE: ./src/results/types.ts
// The results JSON: read by outside tools, the report mode and people. Extend it; never rename
// or remove a field. schemaVersion changes only for a change that old readers would misread.
const SCHEMA_VERSION = 1;
function emptyStage(status = 'skipped', reason) {
    return reason === undefined
        ? { status, durationMs: 0, log: '' }
        : { status, durationMs: 0, log: '', reason };
}
/**
 * A platform passes when every stage passed; training may be skipped only when the user turned
 * it off. A diagnosis never turns a failure into a pass.
 */
function platformPassed(stages, train) {
    if (stages.build.status !== 'passed' || stages.import.status !== 'passed')
        return false;
    return train
        ? stages.train.status === 'passed'
        : stages.train.status !== 'failed' && stages.train.status !== 'timed-out';
}
/** The job passes when every required platform passed. */
function overallPassed(platforms) {
    return platforms.every((p) => !p.required || p.passed);
}

;// CONCATENATED MODULE: ./src/results/slowdown.ts
/**
 * For each emulated platform, its import and training times as multiples of the first native
 * platform's, where both ran the stage to a pass. The emulator's cost, in the user's own image.
 */
function withSlowdowns(platforms) {
    const native = platforms.find((p) => !p.emulated);
    return platforms.map((p) => {
        if (!p.emulated || !native)
            return p;
        const ratio = (stage) => {
            const a = p.stages[stage];
            const b = native.stages[stage];
            if (a.status !== 'passed' || b.status !== 'passed' || b.durationMs <= 0)
                return undefined;
            return Math.round((a.durationMs / b.durationMs) * 10) / 10;
        };
        const imp = ratio('import');
        const train = ratio('train');
        if (imp === undefined && train === undefined)
            return p;
        return {
            ...p,
            emulationSlowdown: {
                native: native.platform,
                ...(imp !== undefined ? { import: imp } : {}),
                ...(train !== undefined ? { train } : {}),
            },
        };
    });
}

;// CONCATENATED MODULE: ./src/version.ts
// Kept in step with package.json by a unit test.
const TOOL_NAME = 'tf-multiarch-check';
const VERSION = '1.0.0';

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/engine/evidence.ts

/** The last `lines` lines of a log, as one string. */
function tailText(lines, count) {
    return lines.slice(-count).join('\n');
}
/**
 * The signal a container's exit code stands for: Docker reports a process killed by signal N
 * as exit code 128 + N (137 SIGKILL, 139 SIGSEGV, 132 SIGILL).
 */
function signalFromExitCode(code) {
    if (code === null || code === undefined || code <= 128 || code > 128 + 64)
        return null;
    const n = code - 128;
    const entry = Object.entries(external_node_os_namespaceObject.constants.signals).find(([, v]) => v === n);
    return entry ? entry[0] : null;
}

;// CONCATENATED MODULE: ./src/engine/pool.ts
/** Maps items with at most `limit` calls in flight, keeping the input order in the result. */
async function mapLimit(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await fn(items[i], i);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    return results;
}

;// CONCATENATED MODULE: ./src/engine/check.ts










/** Lines of each stage's log kept in the results. */
const LOG_TAIL_LINES = 40;
function imageTag(runId, p) {
    return `tf-multiarch-check:${runId}-${platformSlug(p)}`;
}
function containerName(runId, p) {
    return `tf-multiarch-check-${runId}-${platformSlug(p)}`;
}
/**
 * Which platforms run natively and which under QEMU; registers the missing QEMU handlers when
 * setup-qemu allows it. A platform whose emulator cannot be had is reported, not thrown: the
 * native platforms are still checked.
 */
async function prepareEmulation(opts, deps) {
    const host = deps.hostArch ?? hostArch();
    const read = deps.readBinfmt ?? (() => readBinfmtHandlers());
    const emulated = opts.platforms.filter((p) => !isNative(p, host));
    const result = new Map(opts.platforms.map((p) => [
        formatPlatform(p),
        { platform: formatPlatform(p), emulated: !isNative(p, host) },
    ]));
    for (const p of opts.platforms) {
        deps.log.info(`${formatPlatform(p)}: ${isNative(p, host) ? 'native' : `emulated (QEMU ${qemuName(p)} on this ${host} host)`}`);
    }
    if (emulated.length === 0)
        return [...result.values()];
    let handlers = await read();
    const missing = () => handlers === null
        ? []
        : emulated.filter((p) => handlesArch(handlers ?? [], qemuName(p)) === undefined);
    let todo = opts.setupQemu === 'true' ? emulated : missing();
    if (handlers === null && opts.setupQemu === 'auto') {
        // No binfmt_misc to read (a remote engine, or a container): trust what the builder says.
        deps.log.info('binfmt_misc is not readable here; relying on the builder to run emulated platforms');
    }
    if (todo.length > 0 && opts.setupQemu !== 'false') {
        const arches = [...new Set(todo.map((p) => p.arch))].join(',');
        deps.log.info(`registering QEMU for ${arches} with ${opts.qemuImage}`);
        const res = await deps.docker.run(['run', '--privileged', '--rm', opts.qemuImage, '--install', arches], {
            timeoutMs: 5 * 60_000,
            signal: deps.signal,
        });
        if (res.exitCode !== 0) {
            deps.log.warning(`could not register QEMU with ${opts.qemuImage}: ${describeFailure(res, 5)}`);
        }
        handlers = await read();
        todo = missing();
    }
    for (const p of todo) {
        const key = formatPlatform(p);
        const how = opts.setupQemu === 'false'
            ? 'setup-qemu is false'
            : `registering it with ${opts.qemuImage} did not work`;
        result.set(key, {
            platform: key,
            emulated: true,
            unavailable: `no QEMU emulator for ${qemuName(p)} is registered on this ${host} machine and ${how}; ` +
                `register one (docker run --privileged --rm tonistiigi/binfmt --install ${p.arch}, or docker/setup-qemu-action), ` +
                `or check ${key} on a native runner`,
        });
    }
    return [...result.values()];
}
/** Preconditions that would fail every platform alike: no engine, no buildx, a missing builder. */
async function preflight(opts, deps) {
    const server = await deps.docker.serverVersion();
    const buildx = await deps.docker.buildxVersion();
    const builder = await deps.docker.inspectBuilder(opts.builder);
    deps.log.info(`Docker engine ${server}; ${buildx}; builder '${builder.name}' (${builder.driver} driver)`);
}
async function runCheck(opts, deps) {
    await preflight(opts, deps);
    const emulation = await prepareEmulation(opts, deps);
    const byPlatform = new Map(emulation.map((e) => [e.platform, e]));
    const platforms = await mapLimit(opts.platforms, opts.maxParallel, (p) => checkPlatform(opts, deps, p, byPlatform.get(formatPlatform(p)) ?? { platform: formatPlatform(p), emulated: false }));
    return {
        schemaVersion: SCHEMA_VERSION,
        tool: { name: TOOL_NAME, version: VERSION },
        context: opts.context,
        dockerfile: opts.dockerfile,
        passed: overallPassed(platforms),
        platforms: withSlowdowns(platforms),
        diagnoses: [],
        createdAt: new Date((deps.now ?? Date.now)()).toISOString(),
    };
}
function emptyEnvironment() {
    return { machine: null, python: null, tensorflow: null, numpy: null, keras: null };
}
async function checkPlatform(opts, deps, p, emulation) {
    const now = deps.now ?? Date.now;
    const platform = formatPlatform(p);
    const started = now();
    const deadline = started + opts.timeoutMinutes * 60_000;
    const grouped = opts.maxParallel === 1;
    const stages = {
        build: emptyStage(),
        import: emptyStage(),
        train: emptyStage(),
    };
    const environment = emptyEnvironment();
    let training = null;
    let imageConfig = null;
    const diagnoses = [];
    const finish = () => ({
        platform,
        emulated: emulation.emulated,
        required: opts.required.has(platform),
        passed: platformPassed(stages, opts.train),
        durationMs: now() - started,
        stages,
        environment,
        training,
        diagnoses,
        image: imageConfig,
    });
    if (emulation.unavailable) {
        stages.build = { ...emptyStage('failed', emulation.unavailable), log: emulation.unavailable };
        stages.import = emptyStage('skipped', 'the build did not run');
        stages.train = emptyStage('skipped', 'the build did not run');
        deps.log.warning(`${platform}: ${emulation.unavailable}`);
        return finish();
    }
    // ---- build
    const tag = imageTag(deps.runId, p);
    deps.onCreate?.('image', tag);
    if (grouped)
        deps.log.startGroup(`${platform} · build${emulation.emulated ? ' (QEMU)' : ''}`);
    const build = await deps.docker.run(buildCommand({
        context: opts.contextPath,
        file: opts.dockerfilePath,
        platform,
        tag,
        runId: deps.runId,
        buildArgs: opts.buildArgs,
        ...(opts.target ? { target: opts.target } : {}),
        ...(opts.builder ? { builder: opts.builder } : {}),
    }), {
        timeoutMs: deadline - now(),
        signal: deps.signal,
        onLine: (l) => deps.log.output(l, platform),
    });
    if (grouped)
        deps.log.endGroup();
    stages.build = {
        status: build.timedOut ? 'timed-out' : build.exitCode === 0 ? 'passed' : 'failed',
        durationMs: build.durationMs,
        log: tailText(build.tail, LOG_TAIL_LINES),
        exitCode: build.exitCode,
        ...(build.timedOut
            ? { reason: `the build ran longer than timeout-minutes (${opts.timeoutMinutes})` }
            : build.aborted
                ? { reason: 'cancelled' }
                : build.spawnError
                    ? { reason: describeFailure(build) }
                    : {}),
    };
    deps.log.info(`${platform}: build ${stages.build.status} in ${seconds(build.durationMs)}`);
    if (stages.build.status !== 'passed') {
        stages.import = emptyStage('skipped', 'the build did not pass');
        stages.train = emptyStage('skipped', 'the build did not pass');
        return finish();
    }
    imageConfig = await deps.docker.imageConfig(tag);
    // ---- import and train, in one container start
    const name = containerName(deps.runId, p);
    deps.onCreate?.('container', name);
    if (grouped)
        deps.log.startGroup(`${platform} · import and train${emulation.emulated ? ' (QEMU)' : ''}`);
    const importLines = [];
    const trainLines = [];
    let phase = 'import';
    const runStarted = now();
    let importAt = null;
    let importOk = null;
    let trainAt = null;
    let trainOk = null;
    const smoke = await deps.docker.run(smokeCommand({
        tag,
        platform,
        name,
        runId: deps.runId,
        train: opts.train,
        network: opts.network,
        ...(opts.python ? { python: opts.python } : {}),
        ...(opts.memory ? { memory: opts.memory } : {}),
    }), {
        input: SMOKE_SCRIPT,
        timeoutMs: deadline - now(),
        signal: deps.signal,
        onLine: (line) => {
            const event = parseSmokeLine(line);
            if (!event) {
                ;
                (phase === 'import' ? importLines : trainLines).push(line);
                deps.log.output(line, platform);
                return;
            }
            if (event.stage === 'start') {
                environment.machine = event.machine ?? null;
                environment.python = event.python ?? null;
                environment.executable = event.executable ?? null;
            }
            else if (event.stage === 'import') {
                importAt = now();
                importOk = event.ok === true;
                if (event.ok) {
                    environment.tensorflow = event.tensorflow ?? null;
                    environment.numpy = event.numpy ?? null;
                    environment.keras = event.keras ?? null;
                    deps.log.info(`${platform}: TensorFlow ${event.tensorflow ?? '?'} imported in ${(event.seconds ?? 0).toFixed(1)} s`);
                }
                phase = 'train';
            }
            else if (event.stage === 'train') {
                trainAt = now();
                trainOk = event.ok === true;
                if (event.ok) {
                    training = {
                        steps: event.steps ?? 0,
                        loss: event.loss ?? [],
                        examplesPerSecond: event.examplesPerSecond ?? 0,
                    };
                    if (event.keras)
                        environment.keras = event.keras;
                }
            }
        },
    });
    if (smoke.timedOut || smoke.aborted)
        await deps.docker.kill(name);
    const state = await deps.docker.containerState(name);
    await deps.docker.removeContainers([name]);
    if (grouped)
        deps.log.endGroup();
    const exitCode = state?.exitCode ?? smoke.exitCode;
    const signal = signalFromExitCode(exitCode);
    const ended = now();
    const timeoutReason = `the container ran longer than what was left of timeout-minutes (${opts.timeoutMinutes})`;
    const crash = () => state?.oomKilled
        ? 'the container was killed for using too much memory (OOM)'
        : smoke.aborted
            ? 'cancelled'
            : signal
                ? `the process was killed by ${signal}`
                : smoke.spawnError
                    ? describeFailure(smoke)
                    : undefined;
    const importEnd = importAt ?? ended;
    const importReason = importOk === false ? 'TensorFlow did not import' : crash();
    stages.import = {
        status: importOk === true ? 'passed' : smoke.timedOut && importAt === null ? 'timed-out' : 'failed',
        durationMs: importEnd - runStarted,
        log: tailText(importLines, LOG_TAIL_LINES),
        exitCode: importOk === true ? 0 : exitCode,
        signal: importOk === true ? null : signal,
        ...(importOk !== true
            ? {
                reason: smoke.timedOut && importAt === null
                    ? timeoutReason
                    : (importReason ??
                        `the container exited with ${exitCode} before TensorFlow was imported`),
            }
            : {}),
    };
    if (!opts.train) {
        stages.train = emptyStage('skipped', 'train is false');
    }
    else if (importOk !== true) {
        stages.train = emptyStage('skipped', 'TensorFlow did not import');
    }
    else {
        const trainReason = trainOk === false ? 'the training step raised an error' : crash();
        stages.train = {
            status: trainOk === true ? 'passed' : smoke.timedOut && trainAt === null ? 'timed-out' : 'failed',
            durationMs: (trainAt ?? ended) - importEnd,
            log: tailText(trainLines, LOG_TAIL_LINES),
            exitCode,
            signal,
            ...(trainOk !== true
                ? {
                    reason: smoke.timedOut && trainAt === null
                        ? timeoutReason
                        : (trainReason ?? `the container exited with ${exitCode} during training`),
                }
                : {}),
        };
    }
    deps.log.info(`${platform}: import ${stages.import.status} (${seconds(stages.import.durationMs)}), train ${stages.train.status}` +
        (stages.train.status === 'skipped' ? '' : ` (${seconds(stages.train.durationMs)})`));
    return finish();
}
function seconds(ms) {
    return `${(ms / 1000).toFixed(1)} s`;
}


;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: ./src/options.ts




const DEFAULTS = {
    context: '.',
    platforms: 'linux/amd64,linux/arm64',
    train: 'true',
    // Emulated arm64 runs Python 10-25x slower than native; a pip install of TensorFlow plus an
    // import and a short training run take minutes there.
    'timeout-minutes': '60',
    'setup-qemu': 'auto',
    'qemu-image': 'tonistiigi/binfmt:qemu-v10.2.3-68',
    'max-parallel': '1',
    network: 'false',
    memory: '',
};
/** YAML 1.2 core schema booleans, as @actions/core's getBooleanInput accepts them. */
function parseBoolean(raw, name) {
    const v = raw.trim();
    if (['true', 'True', 'TRUE'].includes(v))
        return true;
    if (['false', 'False', 'FALSE'].includes(v))
        return false;
    throw new InputError(`${name}: '${raw}' is not a boolean; use true or false`);
}
function parseTimeoutMinutes(raw, name = 'timeout-minutes') {
    const v = raw.trim();
    const n = Number(v);
    if (v === '' || !Number.isFinite(n) || n <= 0) {
        throw new InputError(`${name}: '${raw}' is not a positive number of minutes; e.g. 60 (emulated arm64 needs tens of minutes)`);
    }
    return n;
}
function parsePositiveInt(raw, name, example) {
    const v = raw.trim();
    if (!/^[0-9]+$/.test(v) || Number(v) < 1) {
        throw new InputError(`${name}: '${raw}' is not a whole number of at least 1; e.g. ${example}`);
    }
    return Number(v);
}
function parseSetupQemu(raw) {
    const v = raw.trim().toLowerCase();
    if (v === 'auto' || v === 'true' || v === 'false')
        return v;
    throw new InputError(`setup-qemu: '${raw}' is not one of auto, true, false`);
}
const BUILD_ARG_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * One KEY=value per line (the value may itself contain '='). A bare KEY, which Docker would
 * fill from the environment, is refused: it would hand the runner's environment to the build.
 */
function parseBuildArgs(raw, name = 'build-args') {
    const out = [];
    for (const line of raw.split('\n')) {
        const item = line.trim();
        if (item === '' || item.startsWith('#'))
            continue;
        const eq = item.indexOf('=');
        const key = eq === -1 ? item : item.slice(0, eq);
        if (eq === -1 || !BUILD_ARG_NAME.test(key)) {
            throw new InputError(`${name}: '${item}' is not KEY=value; write one build argument per line, e.g. PYTHON_VERSION=3.11`);
        }
        out.push([key, item.slice(eq + 1)]);
    }
    return out;
}
const MEMORY = /^[0-9]+(\.[0-9]+)?[bkmg]?$/i;
function parseMemory(raw) {
    const v = raw.trim();
    if (v === '')
        return undefined;
    if (!MEMORY.test(v))
        throw new InputError(`memory: '${raw}' is not a size; e.g. 4g or 2048m`);
    return v;
}
function isDirectory(path) {
    try {
        return (0,external_node_fs_namespaceObject.statSync)(path).isDirectory();
    }
    catch {
        return false;
    }
}
function kindOf(path) {
    try {
        const s = (0,external_node_fs_namespaceObject.statSync)(path);
        return s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other';
    }
    catch {
        return 'missing';
    }
}
/** Resolves the context and the Dockerfile; `file` is relative to the working directory, as in docker/build-push-action. */
function resolveContext(context, file, cwd) {
    const ctx = context.trim() || '.';
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ctx) || ctx.startsWith('git@')) {
        throw new InputError(`context: '${ctx}' is a URL; check out the repository first (actions/checkout) and pass a directory`);
    }
    const contextPath = (0,external_node_path_namespaceObject.resolve)(cwd, ctx);
    if (!isDirectory(contextPath)) {
        throw new InputError(`context: '${ctx}' is not a directory (looked in ${relativeOrAbsolute(cwd, contextPath)}); pass the folder that holds the Dockerfile, e.g. .`);
    }
    // join, not resolve: contextPath is absolute already, and ncc's asset relocator would read
    // resolve(x, 'Dockerfile') as a file of this package and rewrite it (vercel/ncc#477).
    const dockerfilePath = file.trim() === '' ? (0,external_node_path_namespaceObject.join)(contextPath, 'Dockerfile') : (0,external_node_path_namespaceObject.resolve)(cwd, file.trim());
    const shown = relativeOrAbsolute(cwd, dockerfilePath);
    const kind = kindOf(dockerfilePath);
    if (kind === 'missing') {
        throw new InputError(`file: no Dockerfile at '${shown}'; set file to the Dockerfile's path (relative to the repository root), or add one to the context`);
    }
    if (kind !== 'file') {
        throw new InputError(`file: '${shown}' is a ${kind === 'directory' ? 'directory' : 'special file'}, not a Dockerfile; point file at the Dockerfile itself`);
    }
    return { context: ctx, contextPath, dockerfile: shown, dockerfilePath };
}
function relativeOrAbsolute(cwd, path) {
    const rel = (0,external_node_path_namespaceObject.relative)(cwd, path);
    return rel === '' ? '.' : rel.startsWith('..') || (0,external_node_path_namespaceObject.isAbsolute)(rel) ? path : rel;
}
function parseRequired(raw, platforms) {
    const all = platforms.map(formatPlatform);
    if (raw.trim() === '')
        return new Set(all);
    const required = parsePlatformList(raw, 'required-platforms').map(formatPlatform);
    for (const r of required) {
        if (!all.includes(r)) {
            throw new InputError(`required-platforms: '${r}' is not among the platforms checked (${all.join(', ')}); add it to platforms or drop it here`);
        }
    }
    return new Set(required);
}
/** Every option, validated; throws InputError before any Docker work starts. */
function parseOptions(raw, cwd) {
    const get = (k, fallback = '') => {
        const v = raw[k];
        return v === undefined || v.trim() === '' ? fallback : v;
    };
    const platforms = parsePlatformList(get('platforms', DEFAULTS.platforms));
    const paths = resolveContext(get('context', DEFAULTS.context), get('file'), cwd);
    const target = get('target').trim();
    const builder = get('builder').trim();
    const python = get('python').trim();
    return {
        ...paths,
        platforms,
        required: parseRequired(get('required-platforms'), platforms),
        buildArgs: parseBuildArgs(get('build-args')),
        ...(target ? { target } : {}),
        ...(builder ? { builder } : {}),
        ...(python ? { python } : {}),
        train: parseBoolean(get('train', DEFAULTS.train), 'train'),
        timeoutMinutes: parseTimeoutMinutes(get('timeout-minutes', DEFAULTS['timeout-minutes'])),
        setupQemu: parseSetupQemu(get('setup-qemu', DEFAULTS['setup-qemu'])),
        qemuImage: get('qemu-image', DEFAULTS['qemu-image']).trim(),
        maxParallel: parsePositiveInt(get('max-parallel', DEFAULTS['max-parallel']), 'max-parallel', '2'),
        network: parseBoolean(get('network', DEFAULTS.network), 'network'),
        ...(parseMemory(get('memory')) ? { memory: parseMemory(get('memory')) } : {}),
    };
}

;// CONCATENATED MODULE: ./src/report/safe.ts
// Text that came from the build or the container (logs, versions, tracebacks) is untrusted: a
// pull request controls it. Everything such text passes through here before it reaches a
// comment or a summary, so that it stays inert: it cannot mention anyone, open or close HTML,
// leave its code block, or fake the marker that identifies our comment.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[@-Z\\-_]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
/** Drops terminal colour codes and control characters; keeps newlines and tabs. */
function stripControl(text) {
    return text.replace(ANSI, '').replace(CONTROL, '').replace(/\r\n?/g, '\n');
}
/**
 * Text for an inline position (a table cell, a list item): one line, no HTML, no mentions, no
 * markdown that could link, format or break the table.
 */
function inline(text, max = 300) {
    let s = stripControl(text).replace(/\s+/g, ' ').trim();
    if (s.length > max)
        s = s.slice(0, max - 1) + '…';
    return s
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/([\\`*_[\]()#!|~])/g, '\\$1')
        .replace(/@/g, '@\u200b');
}
/**
 * A fenced code block that the text cannot close early: the fence is longer than any run of
 * backticks or tildes in the text. Inside it GitHub renders no HTML and links no mentions; the
 * marker's `<!--` is broken up as well, so that a search for our marker never matches log text.
 */
function codeBlock(text) {
    const body = stripControl(text).replace(/<!--/g, '<!\u200b--');
    const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((m) => m.length));
    const fence = '`'.repeat(Math.max(3, longest + 1));
    return `${fence}text\n${body}\n${fence}`;
}

;// CONCATENATED MODULE: ./src/report/summary.ts
// Pure renderings of the results: the one-line verdict, the per-platform table (markdown for
// the job summary and the CLI's --markdown, plain text for the terminal).
function formatDuration(ms) {
    const s = Math.round(ms / 1000);
    if (s < 60)
        return `${s} s`;
    const m = Math.floor(s / 60);
    return `${m} min ${String(s % 60).padStart(2, '0')} s`;
}
/** The first stage that failed or timed out. */
function failingStage(p) {
    return ['build', 'import', 'train'].find((s) => p.stages[s].status === 'failed' || p.stages[s].status === 'timed-out');
}
/** The first stage that did not pass, with its reason: "import failed: TensorFlow did not import". */
function firstFailure(p) {
    const name = failingStage(p);
    if (!name)
        return p.passed ? 'passed' : 'not run';
    const st = p.stages[name];
    return `${name} ${st.status}${st.reason ? `: ${st.reason}` : ''}`;
}
/** Why a platform failed, in one line: its first diagnosis if it has one, else its first failing stage. */
function failureSummary(p) {
    const d = p.diagnoses[0];
    const where = d?.file ? ` (${d.file}${d.line ? `:${d.line}` : ''})` : '';
    return d ? `${firstFailure(p).split(':')[0]}: ${d.title}${where}; fix: ${d.fix}` : firstFailure(p);
}
function verdictLine(results) {
    const failedRequired = results.platforms
        .filter((p) => p.required && !p.passed)
        .map((p) => p.platform);
    const failedOptional = results.platforms
        .filter((p) => !p.required && !p.passed)
        .map((p) => p.platform);
    const optional = failedOptional.length > 0 ? ` (not required, failing: ${failedOptional.join(', ')})` : '';
    if (failedRequired.length === 0) {
        return `TensorFlow builds, imports and trains on ${results.platforms
            .filter((p) => p.passed)
            .map((p) => p.platform)
            .join(', ') || 'no platform'}${optional}`;
    }
    return `TensorFlow fails on ${failedRequired.join(', ')}${optional}`;
}
/** The terminal table the CLI prints at the end. */
function textTable(results) {
    const header = ['PLATFORM', 'RUNS', 'BUILD', 'IMPORT', 'TRAIN', 'TENSORFLOW', 'PYTHON', 'TIME'];
    const rows = results.platforms.map((p) => [
        p.platform + (p.required ? '' : ' (optional)'),
        p.emulated ? 'qemu' : 'native',
        ...['build', 'import', 'train'].map((s) => p.stages[s].status === 'skipped'
            ? 'skipped'
            : `${p.stages[s].status} ${formatDuration(p.stages[s].durationMs)}`),
        p.environment.tensorflow ?? '-',
        p.environment.python ?? '-',
        formatDuration(p.durationMs),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    const line = (cells) => cells
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd();
    return [line(header), ...rows.map(line)].join('\n');
}

;// CONCATENATED MODULE: ./src/report/markdown.ts


// The markdown report: the sticky PR comment and the job summary are this same text. Every
// value that came from the build or the image goes through inline() or codeBlock().
/** GitHub refuses comment bodies longer than this. */
const GITHUB_COMMENT_LIMIT = 65_536;
const ICON = {
    passed: '✅',
    failed: '❌',
    skipped: '⏭️',
    'timed-out': '⏱️',
};
function stageCell(st) {
    return st.status === 'skipped'
        ? `${ICON.skipped} skipped`
        : `${ICON[st.status]} ${st.status} ${formatDuration(st.durationMs)}`;
}
function table(results) {
    const rows = results.platforms.map((p) => [
        `\`${inline(p.platform, 40)}\`${p.required ? '' : ' (optional)'}`,
        p.emulated ? 'QEMU' : 'native',
        stageCell(p.stages.build),
        stageCell(p.stages.import),
        stageCell(p.stages.train),
        p.environment.tensorflow ? inline(p.environment.tensorflow, 40) : '–',
        p.environment.python ? inline(p.environment.python, 40) : '–',
        formatDuration(p.durationMs),
    ].join(' | '));
    return [
        '| Platform | Runs | Build | Import | Train | TensorFlow | Python | Time |',
        '| --- | --- | --- | --- | --- | --- | --- | --- |',
        ...rows.map((r) => `| ${r} |`),
    ].join('\n');
}
function diagnosisLines(d) {
    const where = d.file ? ` at \`${inline(d.file, 200)}${d.line ? `:${d.line}` : ''}\`` : '';
    return [
        `- **${inline(d.title, 200)}** (\`${inline(d.id, 60)}\`)${where}`,
        `  - ${inline(d.detail, 600)}`,
        `  - **Fix:** ${inline(d.fix, 600)}`,
    ];
}
function slowdownLine(p) {
    const s = p.emulationSlowdown;
    if (!s)
        return null;
    const parts = ['import', 'train']
        .filter((k) => s[k] !== undefined)
        .map((k) => `${k} ${s[k].toFixed(1)}x`);
    if (parts.length === 0)
        return null;
    const worst = Math.max(...['import', 'train'].map((k) => s[k] ?? 0));
    const hint = worst > 5
        ? ` A native arm64 runner (\`ubuntu-24.04-arm\`, free for public repositories) would skip the emulator.`
        : '';
    return `\`${inline(p.platform, 40)}\` ran under QEMU ${parts.join(', ')} slower than \`${inline(s.native, 40)}\` natively.${hint}`;
}
/** Renders with log tails of at most `logLines` lines each (null: no logs at all). */
function render(results, opts, logLines) {
    const icon = results.passed ? '✅' : '❌';
    const name = opts.header ? ` (${inline(opts.header, 64)})` : '';
    const out = [];
    if (opts.marker)
        out.push(opts.marker);
    out.push(`### ${icon} tf-multiarch-check${name}: ${inline(verdictLine(results), 400)}`, '', table(results), '');
    for (const p of results.platforms.filter((x) => !x.passed)) {
        const stage = failingStage(p);
        const st = stage ? p.stages[stage] : undefined;
        const what = stage && st ? `${stage} ${st.status}` : 'failed';
        out.push(`<details><summary><b>${inline(p.platform, 40)}</b>: ${inline(what, 40)}${st?.reason ? ` — ${inline(st.reason, 200)}` : ''}</summary>`, '');
        for (const d of p.diagnoses)
            out.push(...diagnosisLines(d));
        if (p.diagnoses.length === 0)
            out.push('- No diagnosis matched; the log below shows what failed.');
        if (stage && st && logLines !== null && st.log.trim() !== '') {
            const lines = st.log.split('\n');
            const shown = lines.slice(-logLines).join('\n');
            const cut = lines.length > logLines ? ` (last ${logLines} of ${lines.length} lines)` : '';
            out.push('', `${stageTitle(stage)} log${cut}:`, '', codeBlock(shown));
        }
        out.push('', '</details>', '');
    }
    if (results.diagnoses.length > 0) {
        out.push('**Findings for every platform**', '');
        for (const d of results.diagnoses)
            out.push(...diagnosisLines(d));
        out.push('');
    }
    const slow = results.platforms.map(slowdownLine).filter((l) => l !== null);
    if (slow.length > 0)
        out.push(...slow.map((l) => `- ${l}`), '');
    const foot = [];
    if (opts.sha)
        foot.push(`commit \`${inline(opts.sha.slice(0, 12), 12)}\``);
    if (opts.runUrl)
        foot.push(`[workflow run](${opts.runUrl})`);
    foot.push(`tf-multiarch-check ${inline(results.tool.version, 20)}`);
    out.push(`<sub>${foot.join(' · ')}</sub>`);
    return out.join('\n') + '\n';
}
function stageTitle(s) {
    return s === 'build' ? 'Build' : s === 'import' ? 'Import' : 'Training';
}
/**
 * The report, within GitHub's size limit: log tails shrink first, then go; the table and the
 * diagnoses always stay.
 */
function renderReport(results, opts = {}) {
    const max = opts.maxLength ?? GITHUB_COMMENT_LIMIT;
    for (const lines of [40, 20, 10, 5, 2]) {
        const body = render(results, opts, lines);
        if (body.length <= max)
            return body;
    }
    const body = render(results, opts, null);
    if (body.length <= max)
        return body;
    // Only a pathological number of platforms or diagnoses gets here: cut at a line boundary.
    const note = '\n\n… (cut to fit GitHub’s comment size limit; the job summary and the results file have the rest)\n';
    const cut = body.slice(0, max - note.length);
    return cut.slice(0, cut.lastIndexOf('\n')) + note;
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/runid.ts

/**
 * An id unique to one run of the check: part of every image tag and container name it creates,
 * so two checks of the same repository on one machine never collide.
 */
function makeRunId(env = process.env) {
    const gh = env.GITHUB_RUN_ID ? `${env.GITHUB_RUN_ID}-${env.GITHUB_RUN_ATTEMPT ?? '1'}-` : '';
    return `${gh}${(0,external_node_crypto_namespaceObject.randomBytes)(4).toString('hex')}`.toLowerCase().replace(/[^a-z0-9-]/g, '');
}

;// CONCATENATED MODULE: ./src/cli.ts













const USAGE = `Usage: tf-multiarch-check [context] [options]

Builds the Dockerfile once per platform, imports TensorFlow and runs a small training step in
each image, and reports per platform.

Options:
  --platforms LIST            platforms to check (default linux/amd64,linux/arm64)
  -f, --file PATH             the Dockerfile (default <context>/Dockerfile)
  --build-arg KEY=VALUE       a build argument; repeat for more
  --target STAGE              the build stage to check
  --builder NAME              a buildx builder (default: the current one)
  --python PATH               the interpreter in the image (default: python, else python3)
  --no-train                  import TensorFlow only; skip the training step
  --timeout MINUTES           per platform (default 60)
  --required-platforms LIST   platforms whose failure fails the check (default: all)
  --setup-qemu auto|true|false  register QEMU for emulated platforms (default auto)
  --qemu-image IMAGE          the binfmt installer image
  --max-parallel N            platforms checked at once (default 1)
  --network                   give the check's container a network (off by default)
  --memory SIZE               memory limit of the check's container (e.g. 4g)
  --json FILE                 write the results JSON
  --markdown FILE             write the markdown report
  --keep-images               keep the per-platform images (removed by default)
  -v, --verbose               stream build and container output
  -h, --help                  this help
  --version                   the version

Exit status: 0 every required platform passed, 1 one failed, 2 usage or environment error.`;
const OPTIONS = {
    platforms: { type: 'string' },
    file: { type: 'string', short: 'f' },
    'build-arg': { type: 'string', multiple: true },
    target: { type: 'string' },
    builder: { type: 'string' },
    python: { type: 'string' },
    'no-train': { type: 'boolean' },
    timeout: { type: 'string' },
    'required-platforms': { type: 'string' },
    'setup-qemu': { type: 'string' },
    'qemu-image': { type: 'string' },
    'max-parallel': { type: 'string' },
    network: { type: 'boolean' },
    memory: { type: 'string' },
    json: { type: 'string' },
    markdown: { type: 'string' },
    'keep-images': { type: 'boolean' },
    verbose: { type: 'boolean', short: 'v' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean' },
};
/** Flags -> the action's raw options, so that both front ends share one parser. */
function parseCli(argv) {
    let parsed;
    try {
        parsed = (0,external_node_util_namespaceObject.parseArgs)({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    }
    catch (err) {
        throw new InputError(`${errorMessage(err)}; see tf-multiarch-check --help`);
    }
    const { values, positionals } = parsed;
    if (positionals.length > 1) {
        throw new InputError(`only one context may be given, got ${positionals.map((p) => `'${p}'`).join(' ')}; see tf-multiarch-check --help`);
    }
    for (const flag of ['json', 'markdown', 'timeout', 'platforms', 'file']) {
        if (values[flag] !== undefined && values[flag].trim() === '') {
            throw new InputError(`--${flag}: the value is empty; see tf-multiarch-check --help`);
        }
    }
    const raw = {
        context: positionals[0] ?? '.',
        file: values.file,
        platforms: values.platforms,
        'build-args': (values['build-arg'] ?? [])
            .map((a) => {
            if (a.includes('\n'))
                throw new InputError(`--build-arg: '${a}' holds a line break; pass one KEY=value per flag`);
            return a;
        })
            .join('\n'),
        target: values.target,
        builder: values.builder,
        python: values.python,
        train: values['no-train'] ? 'false' : 'true',
        'timeout-minutes': values.timeout,
        'required-platforms': values['required-platforms'],
        'setup-qemu': values['setup-qemu'],
        'qemu-image': values['qemu-image'],
        'max-parallel': values['max-parallel'],
        network: values.network ? 'true' : 'false',
        memory: values.memory,
    };
    return {
        raw,
        ...(values.json !== undefined ? { json: values.json } : {}),
        ...(values.markdown !== undefined ? { markdown: values.markdown } : {}),
        keepImages: Boolean(values['keep-images']),
        verbose: Boolean(values.verbose),
        help: Boolean(values.help),
        version: Boolean(values.version),
    };
}
function terminalLogger(verbose) {
    const err = (s) => void process.stderr.write(s + '\n');
    return {
        info: (m) => err(`tf-multiarch-check: ${m}`),
        warning: (m) => err(`tf-multiarch-check: warning: ${m}`),
        startGroup: (n) => verbose && err(`--- ${n}`),
        endGroup: () => undefined,
        output: (line, platform) => verbose && err(`[${platform}] ${line}`),
    };
}
async function main(argv) {
    let args;
    let opts;
    try {
        args = parseCli(argv);
        if (args.help) {
            process.stdout.write(USAGE + '\n');
            return 0;
        }
        if (args.version) {
            process.stdout.write(VERSION + '\n');
            return 0;
        }
        opts = parseOptions(args.raw, (0,external_node_process_namespaceObject.cwd)());
    }
    catch (err) {
        process.stderr.write(`tf-multiarch-check: ${errorMessage(err)}\n`);
        return 2;
    }
    const docker = createDocker();
    const runId = makeRunId({});
    const abort = new AbortController();
    const onSignal = () => {
        process.stderr.write('\ntf-multiarch-check: interrupted; stopping builds and containers\n');
        abort.abort();
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
        const results = await runCheck(opts, {
            docker,
            log: terminalLogger(args.verbose),
            runId,
            signal: abort.signal,
        });
        if (abort.signal.aborted)
            return 130;
        if (args.json)
            await (0,promises_namespaceObject.writeFile)((0,external_node_path_namespaceObject.resolve)(args.json), JSON.stringify(results, null, 2) + '\n');
        if (args.markdown)
            await (0,promises_namespaceObject.writeFile)((0,external_node_path_namespaceObject.resolve)(args.markdown), renderReport(results));
        process.stdout.write(`\n${textTable(results)}\n\n${verdictLine(results)}\n`);
        for (const p of results.platforms.filter((x) => !x.passed)) {
            process.stdout.write(`  ${p.platform}${p.required ? '' : ' (optional)'}: ${failureSummary(p)}\n`);
        }
        return results.passed ? 0 : 1;
    }
    catch (err) {
        process.stderr.write(`tf-multiarch-check: ${errorMessage(err)}\n`);
        return err instanceof InputError || err instanceof EnvironmentError ? 2 : 1;
    }
    finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        if (!args.keepImages || abort.signal.aborted)
            await cleanupRun(docker, runId).catch(() => undefined);
    }
}


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(318);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
