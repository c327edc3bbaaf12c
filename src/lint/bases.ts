import { diagnosis, type Finding } from '../diagnosis.js'
import { multiArchTag, pep668Base, pythonOfImage } from '../knowledge/images.js'
import { glibcBase, SYSTEM_PYTHON_VENV } from '../advice.js'
import type { DockerfileModel } from './model.js'
import { everywhere } from './rule.js'
import { baseOf } from './stages.js'

// What a base image's name and tag tell before it is pulled: Alpine, an architecture in the tag
// (no such tag), the Python version, a system Python that pip may not install into.

/** Base images: Alpine (musl), and a per-architecture tag that does not exist. */
export function baseImages(model: DockerfileModel): Finding[] {
  const out: Finding[] = []
  for (const s of model.stages) {
    const f = s.from
    if (f.stage) continue
    if (/(^|\/)alpine$/.test(f.name) || /alpine/i.test(f.tag ?? '')) {
      out.push(
        everywhere(
          diagnosis(
            'musl-base-image',
            `FROM ${f.ref} is Alpine (musl libc); TensorFlow publishes only manylinux (glibc) wheels, so pip finds none, and grpcio or h5py compile from source for a long time first.`,
            glibcBase(pythonOfImage('python', (f.tag ?? '').replace(/-?alpine.*$/, '')) ?? '3.12'),
            f,
          ),
        ),
      )
    }
    const clean = multiArchTag(f.tag)
    if (f.tag && clean !== null) {
      out.push(
        everywhere(
          diagnosis(
            'base-image-not-found',
            `FROM ${f.ref} names an architecture in its tag; official images publish one multi-arch tag per version, not per-architecture tags, so this tag does not exist and the build stops at "not found".`,
            `Use the multi-arch tag (FROM ${f.name}:${clean}) and let --platform pick the architecture${/arm64|aarch64/i.test(f.tag) ? `, or the arm64v8/${f.name.replace(/^library\//, '')}:${clean} namespace` : ''}.`,
            f,
          ),
        ),
      )
    }
  }
  return out
}

/** PEP 668: pip into the system Python of Debian 12+ / Ubuntu 23.04+. */
export function externallyManaged(model: DockerfileModel): Finding[] {
  for (const pip of model.pipInstalls) {
    const base = baseOf(model, pip.stageIndex)
    if (!base || pip.venv || pip.breakSystem || !pep668Base(base.name, base.tag)) continue
    // The first such pip is where the build stops: one finding.
    return [
      everywhere(
        diagnosis(
          'externally-managed-environment',
          `pip install into the system Python of ${base.ref}, which marks it externally managed (PEP 668): pip stops with "error: externally-managed-environment".`,
          SYSTEM_PYTHON_VENV,
          pip,
        ),
      ),
    ]
  }
  return []
}
