import { type Arch, archTagNames, hostArch, markerMachines } from '../arches.js'
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
import { architectureFindings } from './architecture.js'
import { pythonFinding } from './python.js'
import { pythonOfTag } from '../knowledge/images.js'
import type { Diagnosis } from '../results/types.js'
import type { DockerfileModel, Requirement } from './model.js'
import type { EntrypointScript } from './entrypoint.js'
import { environmentFindings } from './environment.js'
import { baseOf } from './stages.js'
import { execFormShell, glibcBase, macosOnly, SYSTEM_PYTHON_VENV, venvOnPath } from '../advice.js'

// Findings before anything is built, in milliseconds. Each says what it saw, where, and the
// concrete edit. A finding for every platform goes to the top level; one for a platform, to it.

// An architecture's name as a tag segment: 3.11-slim-arm64. The names are letters, digits, - and
// _ (arches.test.ts holds them to it), so they go into the pattern as they are.
const ARCH_SUFFIX = new RegExp(`(^|[-_.])(${archTagNames().join('|')})($|[-_.])`, 'i')

/** The multi-arch tag an architecture-suffixed one stands for (3.11-slim-arm64 -> 3.11-slim); null when it names none. */
export function multiArchTag(tag: string | null): string | null {
  if (!tag || !ARCH_SUFFIX.test(tag)) return null
  return tag.replace(ARCH_SUFFIX, '$1').replace(/[-_.]+$/, '')
}

/** The Python version a base image tag tells: python:3.11-slim -> 3.11. */
export function pythonOfImage(name: string, tag: string | null): string | null {
  if (!/(^|\/)python$/.test(name) || tag === '') return null
  return pythonOfTag(tag)?.python ?? null
}

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

function isTensorFlow(r: Requirement): boolean {
  return TENSORFLOW_PACKAGES.includes(r.name)
}

function pep668Base(name: string, tag: string | null): boolean {
  const t = (tag ?? 'latest').toLowerCase()
  if (/(^|\/)debian$/.test(name))
    return /^(bookworm|trixie|forky|sid|12|13|14|testing|unstable|latest|stable)/.test(t)
  if (/(^|\/)ubuntu$/.test(name))
    return /^(2[3-9]\.|noble|oracular|plucky|questing|resolute|latest|rolling|devel)/.test(t)
  return false
}

export function lintDockerfile(
  model: DockerfileModel,
  platforms: Platform[],
  buildArch: string = hostArch(),
  entrypoint: EntrypointScript | null = null,
): Finding[] {
  const out: Finding[] = []
  const all = (d: Diagnosis): void => void out.push({ platform: null, diagnosis: d })

  // Images that would not be the platform they are built for.
  out.push(...architectureFindings(model, platforms, buildArch))

  // Base images.
  for (const s of model.stages) {
    const f = s.from
    if (f.stage) continue
    if (/(^|\/)alpine$/.test(f.name) || /alpine/i.test(f.tag ?? '')) {
      all(
        diagnosis(
          'musl-base-image',
          `FROM ${f.ref} is Alpine (musl libc); TensorFlow publishes only manylinux (glibc) wheels, so pip finds none, and grpcio or h5py compile from source for a long time first.`,
          glibcBase(pythonOfImage('python', (f.tag ?? '').replace(/-?alpine.*$/, '')) ?? '3.12'),
          f,
        ),
      )
    }
    const clean = multiArchTag(f.tag)
    if (f.tag && clean !== null) {
      all(
        diagnosis(
          'base-image-not-found',
          `FROM ${f.ref} names an architecture in its tag; official images publish one multi-arch tag per version, not per-architecture tags, so this tag does not exist and the build stops at "not found".`,
          `Use the multi-arch tag (FROM ${f.name}:${clean}) and let --platform pick the architecture${/arm64|aarch64/i.test(f.tag) ? `, or the arm64v8/${f.name.replace(/^library\//, '')}:${clean} namespace` : ''}.`,
          f,
        ),
      )
    }
  }

  // Platforms TensorFlow has no wheels for at all.
  for (const p of platforms) {
    if (tensorflowHasWheels(p)) continue
    const name = p.id
    out.push({
      platform: name,
      skipBuild: true,
      diagnosis: diagnosis(
        'platform-unsupported-by-tensorflow',
        `TensorFlow publishes Linux wheels for linux/amd64 and linux/arm64 only; on ${name} pip finds none, so the build cannot succeed. It was not built.`,
        `Drop ${name} from platforms, or make it optional with required-platforms.`,
        null,
      ),
    })
  }

  // Requirements.
  for (const r of model.requirements) {
    if (!markerApplies(r.marker, 'amd64') && !markerApplies(r.marker, 'arm64')) continue
    if (MACOS_ONLY.includes(r.name)) {
      all(
        diagnosis(
          'macos-only-package',
          `${r.raw} publishes macOS wheels only; inside a Linux image pip finds no version of it ("from versions: none") on any platform.`,
          macosOnly(r.name),
          r,
        ),
      )
      continue
    }
    if (!isTensorFlow(r) || !isKnown(r.name)) continue
    const base = baseOf(model, r.stageIndex)
    const python = base ? pythonOfImage(base.name, base.tag) : null
    for (const p of platforms) {
      const arch = archOf(p.arch)
      if (!arch || !markerApplies(r.marker, p.arch)) continue
      const name = p.id
      if (!hasAnyWheel(r.name, arch)) {
        const fix =
          r.name === 'tensorflow-cpu'
            ? `Install \`tensorflow\` (CPU-only on Linux arm64, and the same package on amd64): replace ${r.raw} with tensorflow${r.specifier}.`
            : `Install \`tensorflow\` for ${name}: it has wheels for both linux/amd64 and linux/arm64.`
        out.push({
          platform: name,
          diagnosis: diagnosis(
            'no-wheel-for-platform',
            `${r.raw}: ${r.name} has never published a Linux ${arch} wheel, so pip finds no version of it on ${name}.`,
            fix,
            r,
          ),
        })
        continue
      }
      const unsupported = base && python !== null ? pythonFinding(r, base, python, arch) : null
      if (unsupported) out.push({ platform: name, diagnosis: unsupported })
    }
  }

  // Exec-form CMD / ENTRYPOINT with shell syntax.
  for (const c of model.cmds) {
    const first = c.args?.[0]
    if (!c.args || first === undefined) continue
    const joined = c.args.join(' ')
    if (
      /^(\.|source)(\s|$)/.test(first) ||
      /&&|\|\||(^|\s)(\.|source)\s+\S*activate/.test(joined) ||
      /\$\{?[A-Za-z_]/.test(joined)
    ) {
      all(
        diagnosis(
          'exec-form-shell',
          `${c.keyword} ${JSON.stringify(c.args)} is exec form: Docker runs "${first}" as a program, with no shell to understand ". activate", "&&" or "$VARS"; the container fails with exec: "${first.split(' ')[0]}": executable file not found.`,
          execFormShell(c.keyword),
          c,
        ),
      )
    }
  }

  // Venvs that the image's python never uses.
  // A venv the ENTRYPOINT script activates is the one every command run through it uses.
  const pathHas = (venv: string): boolean =>
    model.paths.some((p) =>
      p.value.split(':').some((x) => x.replace(/\/+$/, '') === `${venv}/bin`),
    ) ||
    (entrypoint?.facts.execsArgs === true && entrypoint.facts.venvs.includes(venv))
  const cmdUses = (venv: string): boolean =>
    model.cmds.some((c) => (c.args?.[0] ?? '').startsWith(`${venv}/bin/`))
  const reported = new Set<string>()
  for (const r of model.requirements.filter((x) => isTensorFlow(x) && x.venv)) {
    const venv = r.venv!
    if (reported.has(venv) || pathHas(venv)) continue
    reported.add(venv)
    const viaCmd = cmdUses(venv)
      ? ` (the ${model.cmds.at(-1)?.keyword} calls ${venv}/bin/python, but docker run, tests and other entrypoints do not)`
      : ''
    all(
      diagnosis(
        'venv-not-on-path',
        `TensorFlow is installed into the venv ${venv} (${r.file}:${r.line}), but PATH never includes ${venv}/bin, so the image's python is the system one and import tensorflow fails${viaCmd}.`,
        venvOnPath(venv),
        r.file === model.file
          ? r
          : (model.pipInstalls.find((x) => x.venv === venv) ??
              model.venvs.find((v) => v.path === venv) ??
              r),
      ),
    )
  }
  for (const a of model.danglingActivations) {
    if (reported.has(a.path) || pathHas(a.path)) continue
    reported.add(a.path)
    all(
      diagnosis(
        'venv-not-on-path',
        `RUN . ${a.path}/bin/activate at line ${a.line} ends its RUN: the activation lasts only for that shell and does not carry over to later RUNs or to the container.`,
        `Replace it with ENV PATH="${a.path}/bin:$PATH".`,
        a,
      ),
    )
  }

  // PEP 668: pip into the system Python of Debian 12+ / Ubuntu 23.04+.
  for (const pip of model.pipInstalls) {
    const base = baseOf(model, pip.stageIndex)
    if (!base || pip.venv || pip.breakSystem || !pep668Base(base.name, base.tag)) continue
    all(
      diagnosis(
        'externally-managed-environment',
        `pip install into the system Python of ${base.ref}, which marks it externally managed (PEP 668): pip stops with "error: externally-managed-environment".`,
        SYSTEM_PYTHON_VENV,
        pip,
      ),
    )
    break
  }
  out.push(...environmentFindings(model, entrypoint))
  return dedupe(out)
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>()
  return findings.filter((f) => {
    const k = JSON.stringify([f.platform, f.diagnosis.id, f.diagnosis.file, f.diagnosis.line])
    return seen.has(k) ? false : (seen.add(k), true)
  })
}
