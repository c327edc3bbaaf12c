import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, expect, it } from 'vitest'
import type { Results } from '../../src/results/types.js'
import { install, pack, pathWithNode } from '../support/package.js'
import { describeOnce, run } from './helpers.js'
import { platform, ROOT } from './runner.js'

// The CLI as a laptop user has it: installed from the packed tarball into an empty directory,
// started in their project, talking to the engine their docker client is set up for. Here that
// is a docker context (as Docker Desktop and remote engines are reached), not DOCKER_HOST: the
// CLI calls the docker client, which follows the context.

let bin: string
/** A docker configuration whose current context is the sandbox's engine, and one whose is nowhere. */
const dockerConfig = mkdtempSync(join(tmpdir(), 'tfmc-docker-config-'))
const nowhereConfig = mkdtempSync(join(tmpdir(), 'tfmc-docker-nowhere-'))
const home = mkdtempSync(join(tmpdir(), 'tfmc-home-'))
// The sandbox's docker client and buildx, no DOCKER_HOST: only the context names the engine.
const clientDir = execFileSync('bash', [join(ROOT, 'scripts/sandbox.sh'), 'bin'], {
  encoding: 'utf8',
}).trim()
const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  PATH: pathWithNode(`${clientDir}:/usr/sbin:/usr/bin:/sbin:/bin`),
  HOME: home,
  ...extra,
})

// How the client finds its engine is the client's, whatever the store: classic engine only.
describeOnce('the installed CLI on a laptop', () => {
  beforeAll(async () => {
    bin = await install((await pack()).tarball)
    const contexts: [string, string, string][] = [
      [dockerConfig, 'tfmc-laptop', process.env.DOCKER_HOST!],
      [nowhereConfig, 'tfmc-nowhere', `unix://${join(home, 'no-engine.sock')}`],
    ]
    for (const [config, name, host] of contexts) {
      const docker = (args: string[]) =>
        run('docker', args, { env: env({ DOCKER_CONFIG: config }) })
      const created = await docker(['context', 'create', name, '--docker', `host=${host}`])
      expect(created.code, created.stderr).toBe(0)
      const used = await docker(['context', 'use', name])
      expect(used.code, used.stderr).toBe(0)
    }
  }, 10 * 60_000)

  it('checks a project through the current docker context, without DOCKER_HOST', async () => {
    const project = mkdtempSync(join(tmpdir(), 'tfmc-laptop-'))
    cpSync(join(ROOT, 'examples/tf-app'), project, { recursive: true })
    const json = join(mkdtempSync(join(tmpdir(), 'tfmc-laptop-json-')), 'results.json')
    const args = ['--platforms', 'linux/amd64', '--json', json]

    // A context that names no engine: the CLI goes there (exit 2, said plainly), not elsewhere.
    const nowhere = await run(bin, args, {
      cwd: project,
      env: env({ DOCKER_CONFIG: nowhereConfig }),
    })
    expect(nowhere.code, nowhere.stderr).toBe(2)
    expect(nowhere.stderr).toContain('no-engine.sock')

    const res = await run(bin, args, { cwd: project, env: env({ DOCKER_CONFIG: dockerConfig }) })
    expect(res.code, res.stderr.slice(-4000)).toBe(0)
    expect(res.stderr).toMatch(/builder 'tfmc-laptop' \(docker driver\)/)
    const results = JSON.parse(readFileSync(json, 'utf8')) as Results
    const p = platform(results, 'linux/amd64')
    expect(p.passed).toBe(true)
    expect(p.stages.train.status).toBe('passed')
    expect(results.dockerfile).toBe('Dockerfile')
  })
})
