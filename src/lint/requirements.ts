import { type Arch, markerMachines } from '../arches.js'
import { diagnosis, type Finding } from '../diagnosis.js'
import {
  archOf,
  hasAnyWheel,
  isKnown,
  MACOS_ONLY,
  TENSORFLOW_PACKAGES,
  tensorflowHasWheels,
} from '../knowledge/tensorflow.js'
import type { Platform } from '../platforms.js'
import { macosOnly } from '../advice.js'
import { pythonOfImage } from '../knowledge/images.js'
import type { BaseImage, DockerfileModel, Requirement } from './model.js'
import { pythonFinding } from './python.js'
import { everywhere, type LintContext } from './rule.js'
import { baseOf } from './stages.js'

// Whether pip can install what the Dockerfile asks for, on each platform: TensorFlow's wheels by
// architecture and Python, and packages that exist for macOS only.

const MARKER_CLAUSE =
  /\b(sys_platform|platform_system|platform_machine|os_name)\s*(==|!=)\s*['"]([^'"]+)['"]/g

/**
 * Whether a requirement's environment marker holds in a Linux image of this architecture. Only
 * the platform variables are evaluated; anything else (python_version, extras) counts as true,
 * so that a finding is never lost to a marker we do not model.
 */
export function markerApplies(marker: string, arch: Arch): boolean {
  const env: Record<string, readonly string[]> = {
    sys_platform: ['linux'],
    platform_system: ['Linux'],
    platform_machine: markerMachines(arch),
    os_name: ['posix'],
  }
  const results = [...marker.matchAll(MARKER_CLAUSE)].map(([, key, op, value]) => {
    const hit = env[key!]!.includes(value!)
    return op === '==' ? hit : !hit
  })
  if (results.length === 0) return true
  return /\bor\b/.test(marker) ? results.some(Boolean) : results.every(Boolean)
}

export function isTensorFlow(r: Requirement): boolean {
  return TENSORFLOW_PACKAGES.includes(r.name)
}

/** Platforms TensorFlow has no wheels for at all: not built. */
export function platformsWithoutTensorFlow(_model: DockerfileModel, ctx: LintContext): Finding[] {
  return ctx.platforms
    .filter((p) => !tensorflowHasWheels(p))
    .map((p) => {
      const name = p.id
      return {
        platform: name,
        skipBuild: true,
        diagnosis: diagnosis(
          'platform-unsupported-by-tensorflow',
          `TensorFlow publishes Linux wheels for linux/amd64 and linux/arm64 only; on ${name} pip finds none, so the build cannot succeed. It was not built.`,
          `Drop ${name} from platforms, or make it optional with required-platforms.`,
          null,
        ),
      }
    })
}

/** A TensorFlow requirement on one platform: no wheel ever, or none for the image's Python. */
function tensorflowOn(
  r: Requirement,
  p: Platform,
  base: BaseImage | null,
  python: string | null,
): Finding | null {
  const arch = archOf(p.arch)
  if (!arch || !markerApplies(r.marker, p.arch)) return null
  const name = p.id
  if (!hasAnyWheel(r.name, arch)) {
    const fix =
      r.name === 'tensorflow-cpu'
        ? `Install \`tensorflow\` (CPU-only on Linux arm64, and the same package on amd64): replace ${r.raw} with tensorflow${r.specifier}.`
        : `Install \`tensorflow\` for ${name}: it has wheels for both linux/amd64 and linux/arm64.`
    return {
      platform: name,
      diagnosis: diagnosis(
        'no-wheel-for-platform',
        `${r.raw}: ${r.name} has never published a Linux ${arch} wheel, so pip finds no version of it on ${name}.`,
        fix,
        r,
      ),
    }
  }
  const unsupported = base && python !== null ? pythonFinding(r, base, python, arch) : null
  return unsupported ? { platform: name, diagnosis: unsupported } : null
}

/** Each requirement in turn: a macOS-only package, else TensorFlow on each platform. */
export function requirements(model: DockerfileModel, ctx: LintContext): Finding[] {
  const out: Finding[] = []
  for (const r of model.requirements) {
    if (!markerApplies(r.marker, 'amd64') && !markerApplies(r.marker, 'arm64')) continue
    if (MACOS_ONLY.includes(r.name)) {
      out.push(
        everywhere(
          diagnosis(
            'macos-only-package',
            `${r.raw} publishes macOS wheels only; inside a Linux image pip finds no version of it ("from versions: none") on any platform.`,
            macosOnly(r.name),
            r,
          ),
        ),
      )
      continue
    }
    if (!isTensorFlow(r) || !isKnown(r.name)) continue
    const base = baseOf(model, r.stageIndex)
    const python = base ? pythonOfImage(base.name, base.tag) : null
    for (const p of ctx.platforms) {
      const f = tensorflowOn(r, p, base, python)
      if (f) out.push(f)
    }
  }
  return out
}
