import { glibcBase, macosOnly, SYSTEM_PYTHON_VENV } from '../advice.js'
import { diagnosis } from '../diagnosis.js'
import { normalizeName, TENSORFLOW_PACKAGES } from '../knowledge/tensorflow.js'
import {
  type Add,
  type Evidence,
  find,
  INDEX_UNREACHABLE,
  type Match,
  metadataError,
  quote,
  requirementName,
} from './evidence.js'

/** Causes in what the build installs: the base image, pip's refusals, the index, wheels, pins, glibc. */
export function installCauses(e: Evidence, add: Add): void {
  const L = e.lines
  const where = e.platform.id
  let m: Match | null
  if ((m = find(L, /no match for platform in manifest|no matching manifest for (linux\/\S+)/))) {
    add(
      diagnosis(
        'base-image-platform-missing',
        `The base image has no ${where} variant: ${quote(m.line)}.`,
        `Use a multi-arch base image that lists ${where} (docker buildx imagetools inspect <image> shows them).`,
        e.locate.from,
      ),
    )
  } else if (
    (m = find(
      L,
      /failed to resolve source metadata for|manifest unknown|pull access denied for|repository does not exist/,
    )) ||
    (m = metadataError(L))
  ) {
    const image =
      find(L, /load metadata for (\S+)/)?.groups[0] ??
      find(L, /source metadata for (\S+?):?\s/)?.groups[0]
    add(
      diagnosis(
        'base-image-not-found',
        `The base image${image ? ` ${image}` : ''} could not be resolved: ${quote(m.line)}.`,
        'Use a tag that exists; official images publish one multi-arch tag per version (e.g. python:3.11-slim), not per-architecture tags.',
        e.locate.from,
      ),
    )
  }
  if ((m = find(L, /externally-managed-environment/))) {
    add(
      diagnosis(
        'externally-managed-environment',
        `pip refused to install into the system Python: ${quote(m.line)}.`,
        SYSTEM_PYTHON_VENV,
        e.locate.from,
      ),
    )
  }
  const unreachable = find(L, INDEX_UNREACHABLE)
  if (unreachable) {
    add(
      diagnosis(
        'index-unreachable',
        `The build could not reach the package index on ${where}, so pip (or uv) saw no versions at all: ${quote(unreachable.line)}.`,
        "Let the build reach the index: the builder's DNS and network (a docker-container builder needs them too), a proxy passed as build arguments (HTTPS_PROXY, NO_PROXY), a TLS-inspecting proxy's CA certificate in the image and trusted by the installer (pip's cert setting; SSL_CERT_FILE for uv, requests and poetry), or the URL of a private index (--index-url).",
      ),
    )
  }
  if (
    !unreachable &&
    // Between the requirement and its versions pip may say where it came from, in any number
    // of groups: `(from mlapp)` for a local project, `(from -r requirements.txt (line 3))`.
    (m = find(
      L,
      /Could not find a version that satisfies the requirement (\S+)(?: \(from (?!versions:)(?:[^()]|\([^()]*\))*\))* \(from versions: ([^)]*)\)/,
    ))
  ) {
    const name = requirementName(m.groups[0]!)
    const versions = m.groups[1]!.trim()
    const loc = e.locate.requirement(name)
    if (name === 'tensorflow-macos' || name === 'tensorflow-metal') {
      add(
        diagnosis(
          'macos-only-package',
          `${name} has macOS wheels only: ${quote(m.line)}.`,
          macosOnly(name),
          loc,
        ),
      )
    } else if (find(L, /musllinux|ld-musl|Alpine/i)) {
      add(
        diagnosis(
          'musl-base-image',
          `No musllinux wheel of ${name} exists: ${quote(m.line)}.`,
          glibcBase('3.12'),
          e.locate.from,
        ),
      )
    } else if (versions === 'none') {
      add(
        diagnosis(
          'no-wheel-for-platform',
          `pip found no ${name} wheel for ${where}: ${quote(m.line)}.`,
          name === 'tensorflow-cpu'
            ? 'Install `tensorflow` instead: tensorflow-cpu has never published aarch64 wheels, and `tensorflow` is CPU-only on Linux arm64.'
            : `Use a ${name} version with ${where} wheels, or another package.`,
          loc,
        ),
      )
    } else if (TENSORFLOW_PACKAGES.includes(name)) {
      add(
        diagnosis(
          'python-version-unsupported',
          `The pin ${m.groups[0]} has no wheel for this image's Python on ${where}; pip offers only ${versions.split(', ').slice(-4).join(', ')}: ${quote(m.line)}.`,
          'Use a Python the release supports (see the TensorFlow install matrix) or pin a release that supports this Python.',
          loc,
        ),
      )
    } else {
      add(
        diagnosis(
          'no-wheel-for-platform',
          `No version of ${m.groups[0]} installs here: ${quote(m.line)}.`,
          `Relax or change the pin of ${name}.`,
          loc,
        ),
      )
    }
  }
  if (
    (m = find(
      L,
      /ResolutionImpossible|conflicting dependencies|Cannot install .* because these package versions have conflicting/,
    ))
  ) {
    const culprit = find(L, /The conflict is caused by:|(\S+) depends on (\S+)/)
    add(
      diagnosis(
        'dependency-conflict',
        `pip cannot satisfy the pins together: ${quote(m.line)}${culprit ? `; ${quote(culprit.line)}` : ''}.`,
        'Drop or relax the pin named in the conflict (often numpy, protobuf or keras next to a tensorflow pin).',
      ),
    )
  }
  if (
    (m = find(
      L,
      /Failed building wheel for (\S+)|Failed to build (\S+)|Building wheel for (\S+) .*error|error: command '[^']*gcc' failed|libhdf5\.so: cannot open/,
    ))
  ) {
    const name = normalizeName(m.groups.find((g) => g) ?? 'a dependency')
    add(
      diagnosis(
        'source-build-failed',
        `pip had no ${where} wheel for ${name} and building it from source failed: ${quote(m.line)}.`,
        `Pin a ${name} version that ships ${where} wheels (h5py 3.11.0 shipped none for aarch64), or install its build dependencies.`,
        e.locate.requirement(name),
      ),
    )
  }
  if ((m = find(L, /version `GLIBC_(\d+\.\d+)' not found/))) {
    add(
      diagnosis(
        'glibc-too-old',
        `A library needs glibc ${m.groups[0]} but the image has ${e.probe?.glibc ?? 'an older one'}: ${quote(m.line)}.`,
        'Use a newer base image (Debian 11+ has glibc 2.31); TensorFlow 2.21 needs glibc 2.27 or newer.',
        e.locate.from,
      ),
    )
  }
}
