import { fileLine } from '../format.js'
import { diagnosis } from '../diagnosis.js'
import { type Add, type Evidence, find, type Match, quote } from './evidence.js'
import { KERAS_BACKEND_INVALID, kerasBackendMissing, TF_KERAS_MISSING } from '../advice.js'

// Causes that show when the training step reaches Keras: the backend Keras 3 is told to use,
// Keras 2 asked for through TensorFlow's switch, a Keras of another generation than TensorFlow.
// The variables are those of the process that ran (the image's ENV, or what its ENTRYPOINT
// exported); the Dockerfile line is the ENV that sets them, where the Dockerfile has one.

/** Keras 3's backends, by the module each imports first. */
const BACKEND_MODULE: Record<string, string> = {
  torch: 'torch',
  jax: 'jax',
  numpy: 'scipy',
  openvino: 'openvino',
}

export function kerasCauses(e: Evidence, add: Add): void {
  const L = e.lines
  const backend = (e.variables?.KERAS_BACKEND ?? '').trim()
  const at = e.locate.env('KERAS_BACKEND')
  const setBy = at ? ` (ENV at ${fileLine(at)})` : ' (from the environment of the process)'
  let m: Match | null
  if ((m = find(L, /Unable to import backend : (\S*)/))) {
    add(
      diagnosis(
        'keras-backend-invalid',
        `KERAS_BACKEND=${m.groups[0] || backend}${backend ? setBy : ''} names no Keras 3 backend, so Keras cannot load: ${quote(m.line)}. A ~/.keras/keras.json left from Keras 2 ("backend": "theano", "mxnet") does the same.`,
        KERAS_BACKEND_INVALID,
        at,
      ),
    )
  } else if (
    (m = find(L, /No module named '(torch|jax|jaxlib|scipy|openvino)'/)) &&
    (backend !== '' || find(L, /Keras cannot be imported/))
  ) {
    const module = m.groups[0]!
    const named = backend || Object.keys(BACKEND_MODULE).find((k) => BACKEND_MODULE[k] === module)
    add(
      diagnosis(
        'keras-backend-missing',
        `KERAS_BACKEND=${named}${backend ? setBy : ''} makes Keras 3 load ${module}, which the image does not have, so tf.keras cannot be used: ${quote(m.line)}.`,
        kerasBackendMissing(module === 'jax' || module === 'jaxlib' ? 'jax' : module),
        at,
      ),
    )
  }
  if ((m = find(L, /TF_USE_LEGACY_KERAS set to True, but you do not have the tf_keras package/))) {
    const legacy = e.locate.env('TF_USE_LEGACY_KERAS')
    add(
      diagnosis(
        'tf-keras-missing',
        `TF_USE_LEGACY_KERAS=${e.variables?.TF_USE_LEGACY_KERAS ?? '1'}${legacy ? ` (ENV at ${fileLine(legacy)})` : ''} makes tf.keras Keras 2, from the tf-keras package, which is not installed: ${quote(m.line)}.`,
        TF_KERAS_MISSING,
        legacy ?? e.locate.requirement('tensorflow'),
      ),
    )
  }
  if (
    (m = find(L, /has no attribute 'register_load_context_function'|No module named 'keras\.api'/))
  ) {
    add(
      diagnosis(
        'keras-version-mismatch',
        `The installed keras is of another generation than TensorFlow: ${quote(m.line)}. TensorFlow 2.16 and newer need Keras 3; TensorFlow 2.15 and older need the Keras 2 of their own minor version.`,
        'Drop the keras pin and let tensorflow choose it, or pin keras>=3 for tensorflow>=2.16 (keras==2.X.* for tensorflow 2.X up to 2.15).',
        e.locate.requirement('keras') ?? e.locate.requirement('tensorflow'),
      ),
    )
  }
}
