import { archTagNames } from '../arches.js'

// What the official python image's floating tags carry. They follow the newest CPython release:
// python:latest, python:3, python:slim, python:3-slim, python:bookworm ... are all one Python.
// No registry is reachable where the knowledge is generated, so this is kept by hand: change
// FLOATING_PYTHON (and the date) when docker-library/python moves its floating tags.

/** The Python the floating tags carried when last read, and when that was. */
export const FLOATING_PYTHON = { python: '3.14', read: '2026-12-03' }

/** A python image tag without a minor version: latest, 3, slim, 3-slim, bookworm, 3-slim-trixie. */
const FLOATING =
  /^(latest|3|(3-)?(slim|alpine|bookworm|trixie|bullseye|windowsservercore|nanoserver)([-.].*)?)$/

/** The Python a python image tag carries: python:3.11-slim -> 3.11; python:slim -> the floating one. */
export function pythonOfTag(tag: string | null): { python: string; floating: boolean } | null {
  const t = tag ?? 'latest'
  const m = /^(3\.\d+)/.exec(t)
  if (m) return { python: m[1]!, floating: false }
  return FLOATING.test(t) ? { python: FLOATING_PYTHON.python, floating: true } : null
}

/** The same tag with its Python pinned: (3-slim, 3.13) -> 3.13-slim; (latest, 3.13) -> 3.13. */
export function tagWithPython(tag: string | null, python: string): string {
  const t = tag ?? 'latest'
  if (/^3\.\d+/.test(t)) return t.replace(/^3\.\d+/, python)
  if (t === 'latest' || t === '3') return python
  return `${python}-${t.replace(/^3-/, '')}`
}

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

/** A base whose system Python is marked externally managed (PEP 668): Debian 12+, Ubuntu 23.04+. */
export function pep668Base(name: string, tag: string | null): boolean {
  const t = (tag ?? 'latest').toLowerCase()
  if (/(^|\/)debian$/.test(name))
    return /^(bookworm|trixie|forky|sid|12|13|14|testing|unstable|latest|stable)/.test(t)
  if (/(^|\/)ubuntu$/.test(name))
    return /^(2[3-9]\.|noble|oracular|plucky|questing|resolute|latest|rolling|devel)/.test(t)
  return false
}
