import { TOOL_NAME } from '../version.js'

// The cache-from and cache-to inputs, as each platform's build takes them. Each platform is a
// build of its own: one cache target shared by them is overwritten by every platform's export in
// turn, and the next run finds only the last platform's layers. So every target gets a name per
// platform (a gha scope, a local tag, a registry tag), and every source is read both under that
// name (what the check wrote) and as given (what the team's other builds wrote).

interface Spec {
  type: string
  fields: [string, string][]
}

/**
 * type=registry,ref=x,mode=max -> its type and fields (keys in lower case, as buildx reads
 * them); a bare reference is a registry; null for what is not key=value pairs.
 */
function parse(spec: string): Spec | null {
  if (!spec.includes('=')) return { type: 'registry', fields: [['ref', spec]] }
  const fields: [string, string][] = []
  for (const f of spec.split(',')) {
    const at = f.indexOf('=')
    if (at <= 0) return null
    fields.push([f.slice(0, at).toLowerCase(), f.slice(at + 1)])
  }
  const type = fields.find(([k]) => k === 'type')?.[1]
  return type ? { type, fields: fields.filter(([k]) => k !== 'type') } : null
}

/** A field's value; an empty one counts as not given. */
function valueOf(s: Spec, key: string): string | undefined {
  return s.fields.find(([k]) => k === key)?.[1] || undefined
}

function format(s: Spec): string {
  return [`type=${s.type}`, ...s.fields.map(([k, v]) => `${k}=${v}`)].join(',')
}

/** The field set to a value: where it was, else last. */
function withField(s: Spec, key: string, value: string): Spec {
  if (!s.fields.some(([k]) => k === key)) return { ...s, fields: [...s.fields, [key, value]] }
  return { ...s, fields: s.fields.map(([k, v]): [string, string] => [k, k === key ? value : v]) }
}

/** `ghcr.io/o/r:cache` -> `ghcr.io/o/r:cache-linux-arm64`; without a tag, the tool's name is one. */
function taggedRef(ref: string, suffix: string): string {
  if (ref.includes('@')) return ref // a digest names one manifest: nothing to scope
  const slash = ref.lastIndexOf('/')
  const colon = ref.lastIndexOf(':')
  if (colon > slash) return `${ref}-${suffix}`
  return `${ref}:${TOOL_NAME}-${suffix}`
}

/** The spec under the platform's own name; null for a type that has none (inline, s3 ...). */
function scoped(spec: string, platform: string): string | null {
  const suffix = platform.replace(/\//g, '-')
  const s = parse(spec)
  if (!s) return null
  const value = (key: string): string | undefined => valueOf(s, key)
  if (s.type === 'gha')
    return format(withField(s, 'scope', `${value('scope') ?? TOOL_NAME}-${suffix}`))
  if (s.type === 'local')
    return format(withField(s, 'tag', `${value('tag') ?? TOOL_NAME}-${suffix}`))
  if (s.type === 'registry') {
    const ref = value('ref')
    return ref ? format(withField(s, 'ref', taggedRef(ref, suffix))) : null
  }
  return null
}

/** A cache-to entry for one platform's build: under the platform's own name where it has one. */
export function cacheTarget(spec: string, platform: string): string {
  return scoped(spec, platform) ?? spec
}

/** A cache-from entry for one platform's build: the platform's own cache first, then as given. */
export function cacheSources(spec: string, platform: string): string[] {
  const own = scoped(spec, platform)
  return own && own !== spec ? [own, spec] : [spec]
}

/** A local cache source's directory and the tag it is read under; null for others, or a digest. */
export function localImport(spec: string): { src: string; tag: string } | null {
  const s = parse(spec)
  const src = s && valueOf(s, 'src')
  if (!s || s.type !== 'local' || !src || valueOf(s, 'digest')) return null
  return { src, tag: valueOf(s, 'tag') ?? 'latest' }
}
