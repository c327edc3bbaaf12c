import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseQemuVersion } from './versions.js'
import { run } from './exec.js'

export const BINFMT_DIR = '/proc/sys/fs/binfmt_misc'

export interface BinfmtHandler {
  name: string
  enabled: boolean
  interpreter: string
  flags: string
}

/** Parses one /proc/sys/fs/binfmt_misc/<name> entry. */
export function parseBinfmtEntry(name: string, text: string): BinfmtHandler {
  const lines = text.split('\n')
  const field = (key: string): string =>
    lines
      .find((l) => l.startsWith(`${key} `))
      ?.slice(key.length + 1)
      .trim() ?? ''
  return {
    name,
    enabled: lines[0]?.trim() === 'enabled',
    interpreter: field('interpreter'),
    flags: field('flags:'),
  }
}

/**
 * Whether an enabled handler runs binaries of the QEMU architecture `qemuArch` (aarch64, arm,
 * ...). Handlers are named qemu-<arch> by both Debian's qemu-user-static and tonistiigi/binfmt;
 * the interpreter's name is the fallback (Debian's is <arch>-binfmt-P, others qemu-<arch>).
 */
export function handlesArch(
  handlers: BinfmtHandler[],
  qemuArch: string,
): BinfmtHandler | undefined {
  return handlers.find(
    (h) =>
      h.enabled &&
      (h.name === `qemu-${qemuArch}` ||
        new RegExp(`(^|/)(qemu-${qemuArch}(-static)?|${qemuArch}-binfmt-P)$`).test(h.interpreter)),
  )
}

/** The handlers registered on this machine, or null when binfmt_misc is not mounted here. */
export async function readBinfmtHandlers(dir = BINFMT_DIR): Promise<BinfmtHandler[] | null> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch {
    return null
  }
  if (!names.includes('register')) return null
  const handlers: BinfmtHandler[] = []
  for (const name of names) {
    if (name === 'register' || name === 'status') continue
    try {
      handlers.push(parseBinfmtEntry(name, await readFile(join(dir, name), 'utf8')))
    } catch {
      // An entry removed while we read: it no longer counts.
    }
  }
  return handlers
}

/**
 * The version of the QEMU that runs a handler's binaries, asked of the interpreter itself, else
 * of qemu-<arch>-static or qemu-<arch> on PATH (Debian registers a wrapper); null when none
 * answers (a handler registered from inside a container, such as tonistiigi/binfmt's).
 */
export async function qemuVersion(
  handler: BinfmtHandler | undefined,
  qemuArch: string,
): Promise<string | null> {
  const candidates = [handler?.interpreter, `qemu-${qemuArch}-static`, `qemu-${qemuArch}`].filter(
    (c): c is string => Boolean(c),
  )
  for (const bin of candidates) {
    const res = await run(bin, ['--version'], { timeoutMs: 10_000 })
    const version = res.exitCode === 0 ? parseQemuVersion(res.stdout) : null
    if (version) return version
  }
  return null
}
