import { normalizeName } from '../knowledge/tensorflow.js'
import type { TomlDocument } from './toml.js'

// Poetry's [tool.poetry.dependencies]: `name = "^2.16"`, or a table (version, markers,
// optional, platform), or a list of such tables. Poetry's own ranges (^2.16, ~2.16, 2.16.*,
// `>=2.16 <3`) become PEP 440 specifiers, which the rules compare with @renovatebot/pep440.

export interface PoetryRequirement {
  name: string
  /** The table's `extras`, normalised. */
  extras: string[]
  specifier: string
  marker: string
  /** The key's line as written, its comment dropped. */
  raw: string
  /** The line of the key. */
  line: number
}

/** ^X.Y.Z and ~X.Y.Z as a PEP 440 range: the first non-zero part (caret) or the minor (tilde) bumps. */
function range(version: string, caret: boolean): string {
  const parts = (/^\d+(\.\d+)*/.exec(version)?.[0] ?? '').split('.').filter(Boolean).map(Number)
  if (parts.length === 0) return ''
  const nonZero = parts.findIndex((p) => p !== 0)
  const bump = caret ? (nonZero < 0 ? parts.length - 1 : nonZero) : Math.min(1, parts.length - 1)
  const upper = parts.map((p, i) => (i < bump ? p : i === bump ? p + 1 : 0))
  return `>=${version},<${upper.join('.')}`
}

/** A Poetry version constraint as a PEP 440 specifier; '' for any version (or for `a || b`). */
export function poetrySpecifier(constraint: string): string {
  const c = constraint.trim().replace(/([<>=!~^]=?)\s+/g, '$1')
  if (c === '' || c === '*' || c.includes('||')) return ''
  return c
    .split(/\s*,\s*|\s+/)
    .filter(Boolean)
    .map((part) => {
      if (part.startsWith('^')) return range(part.slice(1), true)
      if (part.startsWith('~') && !part.startsWith('~=')) return range(part.slice(1), false)
      if (/^[<>=!~]/.test(part)) return part
      return part === '*' ? '' : `==${part}`
    })
    .filter(Boolean)
    .join(',')
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

const PLATFORMS: Record<string, string> = { linux: 'linux', darwin: 'darwin', win32: 'win32' }

/** One dependency table's marker: `markers`, and `platform` as sys_platform. */
function markerOf(t: Record<string, unknown>): string {
  const markers = typeof t['markers'] === 'string' ? t['markers'].trim() : ''
  const platform = typeof t['platform'] === 'string' ? PLATFORMS[t['platform']] : undefined
  const sys = platform ? `sys_platform == "${platform}"` : ''
  return markers && sys ? `(${markers}) and ${sys}` : markers || sys
}

/**
 * The dependencies `pip install .` installs from a Poetry project (optional ones only for the
 * extras asked for); null when the file has no [tool.poetry.dependencies].
 */
export function poetryRequirements(
  doc: TomlDocument,
  extras: string[],
): PoetryRequirement[] | null {
  const tool = doc.data['tool']
  const poetry = isRecord(tool) && isRecord(tool['poetry']) ? tool['poetry'] : null
  const deps = poetry?.['dependencies']
  if (!poetry || !isRecord(deps)) return null
  const named = isRecord(poetry['extras']) ? poetry['extras'] : {}
  const optional = new Set(
    Object.entries(named)
      .filter(([extra]) => extras.some((e) => normalizeName(e) === normalizeName(extra)))
      .flatMap(([, v]) => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []))
      .map(normalizeName),
  )
  const out: PoetryRequirement[] = []
  for (const [key, spec] of Object.entries(deps)) {
    const name = normalizeName(key)
    const line = doc.keyLine(['tool', 'poetry', 'dependencies', key])
    if (name === 'python' || line === null) continue
    for (const one of Array.isArray(spec) ? spec : [spec]) {
      const t = typeof one === 'string' ? { version: one } : isRecord(one) ? one : null
      // git, path and url dependencies do not come from the index: no version to check.
      if (!t || ['git', 'path', 'url', 'file'].some((k) => k in t)) continue
      if (t['optional'] === true && !optional.has(name)) continue
      const extras = Array.isArray(t['extras']) ? t['extras'] : []
      out.push({
        name,
        extras: extras.filter((e) => typeof e === 'string').map(normalizeName),
        specifier: poetrySpecifier(typeof t['version'] === 'string' ? t['version'] : ''),
        marker: markerOf(t),
        raw: (doc.lineText(line) ?? key).replace(/\s+#.*$/, '').trim(),
        line,
      })
    }
  }
  return out
}
