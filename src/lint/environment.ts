import { diagnosis, type Finding } from '../diagnosis.js'
import type { EntrypointScript } from './entrypoint.js'
import type { DockerfileModel } from './model.js'
import { stageChain } from './stages.js'
import { KERAS_BACKEND_INVALID, kerasBackendMissing, TF_KERAS_MISSING } from '../advice.js'

// What the final image's environment and ENTRYPOINT decide before anything is built: a Keras
// backend or Keras 2 asked for and never installed, an ENTRYPOINT script that cannot start.

/** Keras 3's backends, and the package each needs besides TensorFlow. */
const BACKENDS: Record<string, string | null> = {
  tensorflow: null,
  torch: 'torch',
  jax: 'jax',
  numpy: 'scipy',
  openvino: 'openvino',
}

export function environmentFindings(
  model: DockerfileModel,
  entrypoint: EntrypointScript | null,
): Finding[] {
  const out: Finding[] = []
  const all = (d: ReturnType<typeof diagnosis>): void =>
    void out.push({ platform: null, diagnosis: d })
  const chain = new Set(stageChain(model, model.finalStage).map((s) => s.index))
  const env = (name: string) =>
    model.envs.findLast((e) => e.name === name && chain.has(e.stageIndex))
  const installs = (name: string): boolean =>
    model.requirements.some((r) => r.name === name && chain.has(r.stageIndex))

  const backend = env('KERAS_BACKEND')
  if (backend && backend.value !== '' && !backend.value.includes('$')) {
    const value = backend.value
    if (!(value in BACKENDS)) {
      all(
        diagnosis(
          'keras-backend-invalid',
          `ENV KERAS_BACKEND=${value} names no Keras 3 backend: Keras stops with "Unable to import backend : ${value}" as soon as TensorFlow loads it.`,
          KERAS_BACKEND_INVALID,
          backend,
        ),
      )
    } else {
      const needs = BACKENDS[value]
      if (needs && !installs(needs))
        all(
          diagnosis(
            'keras-backend-missing',
            `ENV KERAS_BACKEND=${value} makes Keras 3 use ${needs}, and nothing in the Dockerfile or its requirements installs ${needs}: tf.keras then fails with "No module named '${needs}'".`,
            kerasBackendMissing(needs),
            backend,
          ),
        )
    }
  }
  const legacy = env('TF_USE_LEGACY_KERAS')
  if (legacy && /^(1|true)$/i.test(legacy.value) && !installs('tf-keras'))
    all(
      diagnosis(
        'tf-keras-missing',
        `ENV TF_USE_LEGACY_KERAS=${legacy.value} makes tf.keras Keras 2, from the tf-keras package, and nothing installs tf-keras: tf.keras then fails with "Keras cannot be imported".`,
        TF_KERAS_MISSING,
        legacy,
      ),
    )

  if (entrypoint) {
    const where = { file: entrypoint.copy.file, line: entrypoint.copy.line }
    if (entrypoint.facts.crlf)
      all(
        diagnosis(
          'entrypoint-not-runnable',
          `The ENTRYPOINT script ${entrypoint.file} (copied to ${entrypoint.path}) has Windows line endings: the kernel looks for "${entrypoint.facts.shebang ?? '/bin/sh'}\\r" and the container stops with "exec ${entrypoint.path}: no such file or directory".`,
          'Save it with Unix line endings (dos2unix; in git, `*.sh text eol=lf` in .gitattributes).',
          where,
        ),
      )
    const mode = entrypoint.copyMode
    if (mode !== null && /^0?[0-7]{3,4}$/.test(mode) && (parseInt(mode, 8) & 0o100) === 0)
      all(
        diagnosis(
          'entrypoint-not-runnable',
          `COPY --chmod=${mode} makes the ENTRYPOINT script ${entrypoint.path} not executable: every docker run of the image fails with "exec: \\"${entrypoint.path}\\": permission denied".`,
          `Use --chmod=0755 (or RUN chmod +x ${entrypoint.path}).`,
          where,
        ),
      )
  }
  return out
}
