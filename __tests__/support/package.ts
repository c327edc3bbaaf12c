import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { run } from '../e2e/helpers.js'
import { ROOT } from '../e2e/runner.js'

// The package as npm publishes it: the project's sources copied aside (the checkout is never
// written to), packed there by `npm pack`, whose prepack step bundles the CLI from those sources,
// then installed from the tarball into an empty directory, offline.

/** What packing needs: the manifest, the files it ships, and what the bundle is built from. */
const INPUTS = [
  'package.json',
  'package-lock.json',
  'README.md',
  'LICENSE',
  'action.yml',
  'tsconfig.json',
  'src',
]

/** An npm that can reach no registry: the install must not need one. */
export const OFFLINE = {
  npm_config_registry: 'http://127.0.0.1:9/',
  npm_config_offline: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
}

async function npm(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
  const res = await run('npm', args, {
    cwd,
    timeoutMs: 5 * 60_000,
    env: { ...process.env, ...env },
  })
  if (res.code !== 0)
    throw new Error(`npm ${args.join(' ')} (in ${cwd}): ${res.stderr.slice(-3000)}`)
  return res.stdout
}

export interface Packed {
  tarball: string
  /** The paths in the tarball, sorted. */
  files: string[]
}

/** `npm pack` of the project as its sources are now. */
export async function pack(): Promise<Packed> {
  const stage = mkdtempSync(join(tmpdir(), 'tfmc-pack-'))
  for (const input of INPUTS) cpSync(join(ROOT, input), join(stage, input), { recursive: true })
  symlinkSync(join(ROOT, 'node_modules'), join(stage, 'node_modules'), 'dir')
  // The prepack step (npm run bundle) would build the CLI bundle again: the global setup built
  // it already, from these sources with the same ncc command, so it is what prepack would make.
  const bundles = process.env.TFMC_BUNDLES
  if (!bundles) throw new Error('TFMC_BUNDLES is unset: run the tests through vitest')
  cpSync(join(bundles, 'cli'), join(stage, 'dist/cli'), { recursive: true })
  const out = mkdtempSync(join(tmpdir(), 'tfmc-tarball-'))
  const args = ['pack', '--ignore-scripts', '--json', '--pack-destination', out]
  const [info] = JSON.parse(await npm(args, stage)) as {
    filename: string
    files: { path: string }[]
  }[]
  return {
    tarball: join(out, info!.filename),
    files: info!.files.map((f) => f.path).sort(),
  }
}

/** Installs the tarball into a new, empty directory; returns the installed command. */
export async function install(tarball: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'tfmc-install-'))
  writeFileSync(join(dir, 'package.json'), '{ "name": "a-laptop", "private": true }\n')
  await npm(['install', tarball], dir, OFFLINE)
  const bin = join(dir, 'node_modules/.bin/tf-multiarch-check')
  readFileSync(bin) // there, or this throws
  return bin
}

/** PATH for the installed command: its `#!/usr/bin/env node` finds the node running the tests. */
export function pathWithNode(path = '/usr/bin:/bin'): string {
  return `${dirname(process.execPath)}:${path}`
}
