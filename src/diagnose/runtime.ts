import { diagnosis } from '../diagnosis.js'
import { type Add, type Evidence, find, type Match, quote } from './evidence.js'
import { venvOnPath } from '../advice.js'

/** Causes that show when TensorFlow is imported: NumPy and protobuf ABIs, no python, no tensorflow where python looks. */
export function runtimeCauses(e: Evidence, add: Add): void {
  const L = e.lines
  let m: Match | null
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
          venvOnPath(venv),
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
}
