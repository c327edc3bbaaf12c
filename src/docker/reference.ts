import { declaredPlatform } from '../platforms.js'

// Image references and what a registry says about one: pure, so that tests cover them without a
// registry. The grammar is the one Docker's distribution/reference documents; no npm package
// parses it without a native dependency or a megabyte of transpiled Go, so it is written out
// here once, from the grammar.

// name      := [domain '/'] path-component ['/' path-component]*
// domain    := host [':' port]; host := domain-name | IPv4 | '[' IPv6 ']'
// path-comp := [a-z0-9]+ (separator [a-z0-9]+)*; separator := [_.] | '__' | '-'+
// tag       := [\w][\w.-]{0,127}
// digest    := algorithm ':' hex{32,}
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])'
const HOST = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])`
const DOMAIN = `${HOST}(?::[0-9]+)?`
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*'
const NAME = `(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`
const TAG = '[\\w][\\w.-]{0,127}'
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}'
const REFERENCE = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`)
/** An image ID, as `docker build` and build-push-action's imageid output give it. */
const IMAGE_ID = /^sha256:[0-9a-f]{64}$/

export interface ImageReference {
  /** The reference as given. */
  ref: string
  /** The repository (with its registry, if given); null for an image ID. */
  name: string | null
  tag: string | null
  digest: string | null
}

/** A reference Docker would accept, taken apart; null when it is not one. */
export function parseReference(raw: string): ImageReference | null {
  const ref = raw.trim()
  if (IMAGE_ID.test(ref)) return { ref, name: null, tag: null, digest: null }
  const m = REFERENCE.exec(ref)
  // Docker refuses names longer than 255 characters.
  if (!m || m[1]!.length > 255) return null
  return { ref, name: m[1]!, tag: m[2] ?? null, digest: m[3] ?? null }
}

/** The reference pinned to one manifest: what a platform's containers run. */
export function pinned(ref: ImageReference, digest: string): string {
  return `${ref.name}@${digest}`
}

/** One platform's image in a registry. */
export interface RemoteManifest {
  platform: string
  digest: string
}

interface InspectOutput {
  manifest?: {
    digest?: string
    manifests?: {
      digest?: string
      platform?: { os?: string; architecture?: string; variant?: string }
    }[]
  }
  image?: { os?: string; architecture?: string; variant?: string }
}

/**
 * `docker buildx imagetools inspect --format '{{json .}}'` -> the platforms the reference has,
 * each with its manifest's digest. An index lists them (attestations, platform unknown/unknown,
 * are not images); a single manifest is the platform its configuration declares. Null when the
 * output cannot be read.
 */
export function parseRemoteImage(stdout: string): RemoteManifest[] | null {
  let out: InspectOutput
  try {
    out = JSON.parse(stdout) as InspectOutput
  } catch {
    return null
  }
  const manifest = out.manifest
  if (!manifest) return null
  if (Array.isArray(manifest.manifests)) {
    return manifest.manifests.flatMap((m) => {
      const p = m.platform
      const platform = declaredPlatform(p?.os, p?.architecture, p?.variant)
      if (!platform || p?.os === 'unknown' || !m.digest) return []
      return [{ platform, digest: m.digest }]
    })
  }
  const platform = declaredPlatform(out.image?.os, out.image?.architecture, out.image?.variant)
  return platform && manifest.digest ? [{ platform, digest: manifest.digest }] : []
}
