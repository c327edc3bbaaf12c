// The Dockerfile's words as BuildKit reads them: ARG expansion, what a --platform pins, paths
// against WORKDIR, and the file a requirements path names in the build context.

export function expand(text: string, vars: Map<string, string>): string {
  return text.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (_m, a: string, def: string, b: string) => {
      const k = a ?? b
      return vars.get(k) ?? def ?? ''
    },
  )
}

const BUILD_PLATFORM = /^\$\{?BUILDPLATFORM\}?$/
const PER_TARGET = /\$\{?TARGET(PLATFORM|OS|ARCH|VARIANT)\}?/

/**
 * What --platform pins a stage to: `build` ($BUILDPLATFORM), `target` ($TARGETPLATFORM or
 * another per-target value), a fixed platform as written (ARGs expanded), or null (no flag).
 */
export type Pin = 'build' | 'target' | { fixed: string } | null

export function pinOf(flag: string | null, vars: Map<string, string>): Pin {
  if (flag === null) return null
  if (BUILD_PLATFORM.test(flag)) return 'build'
  if (PER_TARGET.test(flag)) return 'target'
  const value = expand(flag, vars)
  // An ARG with no value here: its value comes from the build, and nothing can be said.
  return value === '' || value.includes('$') ? 'target' : { fixed: value }
}

/** An instruction as written, its continuation lines joined: for quoting in a message. */
export function oneLine(text: string): string {
  return text
    .replace(/\\\r?\n\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

export function absolutize(path: string, workdir: string): string {
  const p = path.replace(/\/+$/, '')
  if (p.startsWith('/')) return p
  return `${workdir.replace(/\/+$/, '')}/${p.replace(/^\.\//, '')}`
}

/**
 * Where a requirements file given to pip in the image comes from in the build context: most
 * Dockerfiles COPY it under its own name; the name relative to WORKDIR is the best guess.
 */
export function contextPathOf(path: string): string {
  return path.replace(/^\.\//, '').replace(/^\/(app|src|code|workspace|usr\/src\/app)\//, '')
}
