import { readFileSync } from 'node:fs'
import { smokeEvent, type SmokeEvent } from './events.js'

// The program the check runs inside each built image is smoke.py, fed to the image's own Python
// on stdin; this module is how the check reaches it and reads what it prints.

/** Every line of the script's results starts with it; smoke.py has the same (a test holds it). */
export const MARKER = '__tf_multiarch_check__ '

/** Exit codes the script uses, apart from Python's own (1) and signals (128 + N). */
export const EXIT_IMPORT_FAILED = 3
export const EXIT_TRAIN_FAILED = 4

/**
 * smoke.py's text. This form of the path is one ncc sees: it copies the file beside each bundle
 * (dist/cli/smoke.py, dist/action/smoke.py) and rewrites the URL to that copy; from src/ it is
 * the file itself.
 */
export const SMOKE_SCRIPT = readFileSync(new URL('./smoke.py', import.meta.url), 'utf8')

/**
 * The shell line that finds the interpreter the way the image's user would get it: `python`,
 * else `python3`, on the image's own PATH; it then reads the script from stdin.
 */
export const FIND_PYTHON =
  'for p in python python3; do if command -v "$p" >/dev/null 2>&1; then exec "$p" - "$@"; fi; done; ' +
  'echo "tf-multiarch-check: neither python nor python3 is on the image PATH ($PATH)" >&2; exit 127'

/** FIND_PYTHON as one shell line with its arguments written in (for an ENTRYPOINT that takes one string). */
export function findPythonLine(args: string[], python?: string): string {
  const words = ['-', ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ')
  if (python) return `exec '${python.replace(/'/g, "'\\''")}' ${words}`
  return FIND_PYTHON.replace('exec "$p" - "$@"', () => `exec "$p" ${words}`)
}

/** The event a line of the container's stdout carries, if it is one of ours. */
export function parseSmokeLine(line: string): SmokeEvent | null {
  const at = line.indexOf(MARKER)
  if (at === -1) return null
  try {
    return smokeEvent(JSON.parse(line.slice(at + MARKER.length)))
  } catch {
    // A truncated or interleaved line: not ours to trust.
  }
  return null
}
