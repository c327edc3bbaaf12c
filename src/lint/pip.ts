import { normalizeName } from '../knowledge/tensorflow.js'

// Reading a RUN's shell text: its simple commands and words, the pip (or uv pip) installs among
// them, and PEP 508 requirements.

/** Splits a shell word list roughly as sh does, keeping quotes' contents together. */
export function shellWords(text: string): string[] {
  const words: string[] = []
  let cur = ''
  let quote: string | null = null
  let any = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quote) {
      if (c === quote) quote = null
      else cur += c
      continue
    }
    if (c === '"' || c === "'") {
      quote = c
      any = true
    } else if (/\s/.test(c)) {
      if (cur || any) words.push(cur)
      cur = ''
      any = false
    } else cur += c
  }
  if (cur || any) words.push(cur)
  return words
}

/** Splits a RUN's shell text into simple commands at && || ; | and newlines. */
export function shellCommands(text: string): string[] {
  return text
    .replace(/\\\r?\n/g, ' ')
    .split(/&&|\|\||;|\||\n/)
    .map((s) => s.trim())
    .filter(Boolean)
}

const PIP_OPTIONS_WITH_VALUE = new Set([
  '-i',
  '--index-url',
  '--extra-index-url',
  '-f',
  '--find-links',
  '--trusted-host',
  '-t',
  '--target',
  '--prefix',
  '--root',
  '--platform',
  '--python-version',
  '--implementation',
  '--abi',
  '--progress-bar',
  '--cache-dir',
  '--src',
  '--upgrade-strategy',
  '--only-binary',
  '--no-binary',
  '--config-settings',
  '-C',
  '--global-option',
  '--report',
  '--log',
  '--timeout',
  '--retries',
  '--proxy',
  '--cert',
  '--client-cert',
])

/** The venv a pip binary belongs to: /opt/venv/bin/pip -> /opt/venv. */
function venvOfBinary(bin: string): string | null {
  const m = /^(.*)\/bin\/(pip3?(\.\d+)?|python3?(\.\d+)?)$/.exec(bin)
  if (!m || m[1] === '/usr' || m[1] === '/usr/local' || m[1] === '') return null
  return m[1]!
}

export interface PipCall {
  venv: string | null
  /** pip or python was found through PATH (no directory given), so a venv on PATH is the one. */
  viaPath: boolean
  breakSystem: boolean
  /** --no-deps: what the named projects depend on is not installed. */
  noDeps: boolean
  specs: string[]
  requirementFiles: string[]
  constraintFiles: string[]
}

/** Recognises pip install in one simple command: pip, pip3, python -m pip, <venv>/bin/pip, uv pip. */
export function parsePipInstall(command: string): PipCall | null {
  const w = shellWords(command).filter((x) => !/^[A-Z_][A-Z0-9_]*=/.test(x)) // drop VAR=value prefixes
  let i = 0
  let venv: string | null = null
  const viaPath = w[0] !== 'uv' && !(w[0] ?? '').includes('/')
  if (w[i] === 'uv' && w[i + 1] === 'pip') i += 2
  else if (/(^|\/)python3?(\.\d+)?$/.test(w[i] ?? '') && w[i + 1] === '-m' && w[i + 2] === 'pip') {
    venv = venvOfBinary(w[i]!)
    i += 3
  } else if (/(^|\/)pip3?(\.\d+)?$/.test(w[i] ?? '')) {
    venv = venvOfBinary(w[i]!)
    i += 1
  } else return null
  if (w[i] !== 'install') return null
  const call: PipCall = {
    venv,
    viaPath,
    breakSystem: false,
    noDeps: false,
    specs: [],
    requirementFiles: [],
    constraintFiles: [],
  }
  for (i++; i < w.length; i++) {
    const a = w[i]!
    if (a === '-r' || a === '--requirement') call.requirementFiles.push(w[++i] ?? '')
    else if (a.startsWith('--requirement=')) call.requirementFiles.push(a.slice(14))
    else if (a.startsWith('-r') && a.length > 2) call.requirementFiles.push(a.slice(2))
    else if (a === '-c' || a === '--constraint') call.constraintFiles.push(w[++i] ?? '')
    else if (a.startsWith('--constraint=')) call.constraintFiles.push(a.slice(13))
    else if (a === '--break-system-packages') call.breakSystem = true
    else if (a === '--no-deps') call.noDeps = true
    else if (a.startsWith('--editable=')) call.specs.push(a.slice(11))
    else if (PIP_OPTIONS_WITH_VALUE.has(a)) i++
    else if (a.startsWith('-')) continue
    else call.specs.push(a)
  }
  return call
}

const REQ =
  /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?\s*([^;]*?)\s*(?:;\s*(.*))?$/

/**
 * Parses one PEP 508 requirement: name, extras, specifier, marker; null for a comment, an option, a
 * URL, a path or a direct reference (name @ url). Kept by hand: the one PEP 508 parser on npm
 * rejects `===` and the `--hash` options pip-compile writes, and brings a grammar engine.
 */
export function parseRequirement(
  text: string,
): { name: string; extras: string[]; specifier: string; marker: string } | null {
  // pip's per-requirement options (--hash=..., pip-compile's) and a comment after whitespace.
  const t = text
    .replace(/(^|\s+)#.*$/, '')
    .replace(/\s+--[a-z-]+(=\S*|\s+[^-\s]\S*)?/g, '')
    .trim()
  if (t === '' || t.startsWith('-') || t.startsWith('.') || t.startsWith('/')) return null
  const m = REQ.exec(t)
  if (!m || /^@|:\/\//.test(m[3] ?? '')) return null
  return {
    name: normalizeName(m[1]!),
    // PEP 685: extras compare normalised, as names do (And_CUDA is and-cuda).
    extras: (m[2] ?? '')
      .slice(1, -1)
      .split(',')
      .map((e) => normalizeName(e.trim()))
      .filter(Boolean),
    // PEP 508 also allows the specifier in parentheses: name (>=1.0).
    specifier: (m[3] ?? '').replace(/\s+/g, '').replace(/^\((.*)\)$/, '$1'),
    marker: (m[4] ?? '').trim(),
  }
}
