import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

// The tests that run the CLI or the action as a process run bundles built here, from the
// sources as they are now, with the same ncc as `npm run bundle`: never the committed dist/,
// which may be older than src/ (check-dist guards that separately). The test processes inherit
// TFMC_BUNDLES.
const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const ENTRIES = { cli: 'src/bin.ts', action: 'src/index.ts' } as const

function ncc(entry: string, out: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'node_modules/@vercel/ncc/dist/ncc/cli.js'),
        'build',
        entry,
        '-o',
        out,
        // As `npm run bundle` does: the package test packs these bundles.
        '--license',
        'licenses.txt',
        '--quiet',
      ],
      { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
    )
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`ncc build ${entry} exited with ${code}`)),
    )
  })
}

export default async function setup(): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'tfmc-bundles-'))
  await Promise.all(Object.entries(ENTRIES).map(([name, entry]) => ncc(entry, join(dir, name))))
  process.env.TFMC_BUNDLES = dir
  return () => rmSync(dir, { recursive: true, force: true })
}
