import { diagnosis } from '../diagnosis.js'
import { FLOATING_PYTHON, pythonOfTag, tagWithPython } from '../knowledge/images.js'
import { checkPin, newestFor, prereleaseFor, type WheelArch } from '../knowledge/tensorflow.js'
import type { Diagnosis } from '../results/types.js'
import type { BaseImage, Requirement } from './model.js'

// A TensorFlow requirement on a base image whose Python it has no wheel for: pinned to releases
// without one, or unpinned on a Python no release supports yet (python:3.14-slim, and the
// floating tags that carry it). pip ignores the release candidates that may have wheels.

export function pythonFinding(
  r: Requirement,
  base: BaseImage,
  python: string,
  arch: WheelArch,
): Diagnosis | null {
  const pin = checkPin(r.name, r.specifier, python, arch)
  if (pin.matching.length === 0 || pin.installable.length !== 0) return null
  const newest = newestFor(python)
  const supported = pin.pythons.at(-1) ?? '3.12'
  const floating = pythonOfTag(base.tag)?.floating === true
  const carries = floating
    ? `${base.ref} carries Python ${python} (its tag follows the newest Python; as of ${FLOATING_PYTHON.read})`
    : `the image ${base.ref} has Python ${python}`
  const to = `${base.name}:${tagWithPython(base.tag, supported)}`
  // pip takes a pre-release when no final release fits: the image builds, on a release candidate.
  const pre = prereleaseFor(r.name, r.specifier, python, arch)
  if (pre)
    return diagnosis(
      'tensorflow-prerelease',
      `${r.raw}: no final ${r.name} release has ${arch} wheels for Python ${python}, so pip takes the pre-release ${pre}, the newest that has them; ${carries}. The image ships a release candidate.`,
      `Use FROM ${to} (Python ${supported}) for a final release${newest ? '' : ` (${r.name} ${pin.matching.at(-1)})`}, or pin ${r.name}==${pre} to make the pre-release a choice.`,
      r,
    )
  const which =
    r.specifier === ''
      ? `${r.raw}: no ${r.name} release has ${arch} wheels for Python ${python} (the newest Python any release supports is ${supported}), so pip finds none; ${carries}.`
      : `${r.raw} matches ${r.name} ${pin.matching.at(-1)}${pin.matching.length > 1 ? ` (and ${pin.matching.length - 1} older)` : ''}, which has ${arch} wheels for Python ${pin.pythons.join(', ') || 'none'}; ${carries}.`
  return diagnosis(
    'python-version-unsupported',
    which,
    `Use FROM ${to} (Python ${supported}, the newest with ${r.name} wheels)${newest ? `, or pin ${r.name}==${newest}, which supports Python ${python}` : ''}.`,
    r,
  )
}
