// The fix of each diagnosis that both phases can reach, written once: the static phase
// (lint/) says it before the build, the classifier (diagnose/) after a failure shows it, and a
// user who meets both reads the same advice. Small functions of the facts either side knows.
// A leaf: it imports nothing.

/** How to get an emulator for an architecture: said wherever one is missing. */
export function registerQemu(arch: string): string {
  return `register QEMU (docker/setup-qemu-action, or docker run --privileged --rm tonistiigi/binfmt --install ${arch})`
}

/** `venv-not-on-path`: the venv that holds TensorFlow, made the image's python. */
export function venvOnPath(venv: string): string {
  return `Add ENV PATH="${venv}/bin:$PATH" after creating the venv (it then applies to every later RUN and to the container), or call ${venv}/bin/python.`
}

/** `exec-form-shell`: the exec-form instruction, without the shell it assumed. */
export function execFormShell(keyword: 'CMD' | 'ENTRYPOINT'): string {
  return `Call the venv's interpreter directly, e.g. ${keyword} ["/app/.venv/bin/python", "main.py"], or put the venv on PATH with ENV PATH=/app/.venv/bin:$PATH; use shell form (${keyword} . .venv/bin/activate && python main.py) only if you need a shell.`
}

/** `externally-managed-environment`: a venv, or a base whose Python pip may install into. */
export const SYSTEM_PYTHON_VENV =
  'Create a venv and put it on PATH first (RUN python3 -m venv /opt/venv, then ENV PATH="/opt/venv/bin:$PATH"), or start FROM python:3.12-slim.'

/** `musl-base-image`: the glibc counterpart of the Alpine tag. */
export function glibcBase(python: string): string {
  return `Use a glibc base, e.g. FROM python:${python}-slim.`
}

/** `macos-only-package`: the Linux package, the macOS one kept behind its marker. */
export function macosOnly(name: string): string {
  return name === 'tensorflow-metal'
    ? 'Remove tensorflow-metal from the image (it is the Apple GPU plugin); if a macOS setup shares the file, write `tensorflow-metal; sys_platform == "darwin"`.'
    : 'Install `tensorflow` instead (it runs on Apple Silicon too since 2.13); if a macOS setup shares the file, write `tensorflow-macos; sys_platform == "darwin"`.'
}

/** Keras 3's backends, as KERAS_BACKEND names them. */
const BACKENDS = 'tensorflow, jax, torch, numpy or openvino'

/** `keras-backend-invalid`. */
export const KERAS_BACKEND_INVALID = `Set KERAS_BACKEND to ${BACKENDS}, or drop it (TensorFlow uses tensorflow); remove a stale ~/.keras/keras.json.`

/** `keras-backend-missing`: the package the backend needs. */
export function kerasBackendMissing(pkg: string): string {
  return `Install ${pkg} in the image, or drop the variable (or set KERAS_BACKEND=tensorflow) to train with TensorFlow.`
}

/** `tf-keras-missing`. */
export const TF_KERAS_MISSING =
  'Install tf-keras of the same minor version as TensorFlow (pip install "tf-keras~=2.16.0" beside tensorflow 2.16), or drop the variable to use Keras 3.'
