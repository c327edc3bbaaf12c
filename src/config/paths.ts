import { statSync } from 'node:fs'
import { isAbsolute, join, relative, resolve } from 'node:path'
import { InputError } from '../errors.js'

/** Where the project is: the context and the Dockerfile, as written and resolved. */
export interface ProjectPaths {
  /** The context as the user wrote it, for reports. */
  context: string
  contextPath: string
  /** The Dockerfile as shown (see `base`), for reports and annotations. */
  dockerfile: string
  dockerfilePath: string
  /**
   * The one directory every file of the project is shown relative to, in messages, annotations
   * and results: the working directory (the workspace on GitHub) when the context is inside it,
   * else the context itself. So the Dockerfile and the requirement files never disagree, and
   * nothing is shown as ../.. out of the project.
   */
  base: string
}

/** A file as reports show it: relative to the base when inside it, else its absolute path. */
export function showPath(base: string, path: string): string {
  const rel = relative(base, path)
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel
}

/** The base of the shown paths (see ProjectPaths.base). */
function baseFor(cwd: string, contextPath: string): string {
  const rel = relative(cwd, contextPath)
  return rel.startsWith('..') || isAbsolute(rel) ? contextPath : cwd
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

function kindOf(path: string): 'file' | 'directory' | 'missing' | 'other' {
  try {
    const s = statSync(path)
    return s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other'
  } catch {
    return 'missing'
  }
}

/**
 * Resolves the context and the Dockerfile; `file` is relative to the working directory, as in
 * docker/build-push-action. With `optional` (an existing image is checked, nothing is built), a
 * missing default Dockerfile is no error: the paths are then empty and the static analysis has
 * nothing to read. A file named explicitly must exist either way.
 */
export function resolveContext(
  context: string,
  file: string,
  cwd: string,
  optional = false,
): ProjectPaths {
  const ctx = context.trim() || '.'
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ctx) || ctx.startsWith('git@')) {
    throw new InputError(
      'context',
      `'${ctx}' is a URL; check out the repository first (actions/checkout) and pass a directory`,
    )
  }
  const contextPath = resolve(cwd, ctx)
  if (!isDirectory(contextPath)) {
    throw new InputError(
      'context',
      `'${ctx}' is not a directory (looked in ${showPath(cwd, contextPath)}); pass the folder that holds the Dockerfile, e.g. .`,
    )
  }
  // join, not resolve: contextPath is absolute already, and ncc's asset relocator would read
  // resolve(x, 'Dockerfile') as a file of this package and rewrite it (vercel/ncc#477).
  const dockerfilePath =
    file.trim() === '' ? join(contextPath, 'Dockerfile') : resolve(cwd, file.trim())
  const base = baseFor(cwd, contextPath)
  const shown = showPath(base, dockerfilePath)
  const kind = kindOf(dockerfilePath)
  if (kind === 'missing' && optional && file.trim() === '')
    return { context: ctx, contextPath, dockerfile: '', dockerfilePath: '', base }
  if (kind === 'missing') {
    throw new InputError(
      'file',
      `no Dockerfile at '${shown}'; set file to the Dockerfile's path (relative to the repository root), or add one to the context`,
    )
  }
  if (kind !== 'file') {
    throw new InputError(
      'file',
      `'${shown}' is a ${kind === 'directory' ? 'directory' : 'special file'}, not a Dockerfile; point file at the Dockerfile itself`,
    )
  }
  return { context: ctx, contextPath, dockerfile: shown, dockerfilePath, base }
}
