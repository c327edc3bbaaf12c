import { cpSync, mkdtempSync, readFileSync, realpathSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { run } from './e2e/helpers.js'
import { ROOT } from './e2e/runner.js'
import { fixturePath } from './support/fixtures.js'
import { install, pack, type Packed, pathWithNode } from './support/package.js'

// The package a laptop user installs: packed as `npm publish` would pack it (with the CLI bundle
// its prepack step makes from the sources as they are now), installed from the tarball into an empty
// directory with no registry reachable, and run from there.

let packed: Packed
let bin: string

beforeAll(async () => {
  packed = await pack()
  bin = await install(packed.tarball)
}, 5 * 60_000)

const installed = (args: string[], cwd: string) =>
  run(bin, args, { cwd, env: { PATH: pathWithNode(), HOME: mkdtempSync(join(tmpdir(), 'h-')) } })

describe('the published package', () => {
  it('ships the CLI bundle and its smoke script, action.yml, the README and the license, and nothing else', () => {
    expect(packed.files).toEqual([
      'LICENSE',
      'README.md',
      'action.yml',
      'dist/cli/index.js',
      'dist/cli/licenses.txt',
      'dist/cli/package.json',
      'dist/cli/smoke.py',
      'package.json',
    ])
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      private?: boolean
      dependencies?: Record<string, string>
      engines: { node: string }
      scripts: Record<string, string>
    }
    expect(manifest.private).toBeUndefined()
    // The bundle holds every library it uses: installing it fetches nothing.
    expect(manifest.dependencies).toBeUndefined()
    expect(manifest.scripts.prepack).toBe('npm run bundle')
    expect(manifest.engines.node).toBe('>=22')
  })

  it('runs --help from an empty directory', async () => {
    const res = await installed(['--help'], mkdtempSync(join(tmpdir(), 'tfmc-empty-')))
    expect(res.code, res.stderr).toBe(0)
    expect(res.stdout).toMatch(/^Usage: tf-multiarch-check \[context\] \[options\]/)
    expect(res.stdout).toContain('On Apple Silicon (Docker Desktop)')
    expect(res.stdout).toContain('tf-multiarch-check --platforms linux/arm64')
  })

  it('installs the smoke script beside the CLI bundle, which reads it as it loads', () => {
    const shipped = join(dirname(realpathSync(bin)), 'smoke.py')
    expect(readFileSync(shipped, 'utf8')).toBe(
      readFileSync(join(ROOT, 'src/smoke/smoke.py'), 'utf8'),
    )
  })

  it('runs --lint-only on a project, its paths relative to where it was started', async () => {
    const project = mkdtempSync(join(tmpdir(), 'tfmc-project-'))
    cpSync(fixturePath('projects/tensorflow-macos'), project, { recursive: true })
    const res = await installed(['--lint-only'], project)
    expect(res.code, res.stderr).toBe(1)
    expect(res.stdout).toMatch(/^Dockerfile:4: all platforms: macos-only-package: /m)
  })
})
