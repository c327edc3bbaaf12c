import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { describeOnce, run } from './helpers.js'
import { ROOT } from './runner.js'

// The sandbox's moby/buildkit (scripts/buildkit.sh: BuildKit built from Debian's packaged
// sources), found the way a runner finds Docker Hub's: `docker buildx create --driver
// docker-container` pulls moby/buildkit:buildx-stable-1, here through the engines' mirror. The
// builder is made as docker/setup-buildx-action makes it, plus what the sandbox needs: the host's
// network and a buildkitd.toml that sends BuildKit's own Docker Hub pulls to the mirror.

const BUILDER = `tfmc-e2e-container-${process.pid}`

describeOnce('a docker-container builder on the sandbox’s BuildKit', () => {
  afterAll(async () => {
    await run('docker', ['buildx', 'rm', '--force', BUILDER])
  })

  it('boots from the mirror and runs a RUN step on linux/amd64 and, under QEMU, linux/arm64', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tfmc-buildkit-'))
    const config = join(dir, 'buildkitd.toml')
    writeFileSync(
      config,
      execFileSync('bash', [join(ROOT, 'scripts/sandbox.sh'), 'buildkit-config'], {
        encoding: 'utf8',
      }),
    )
    const created = await run('docker', [
      'buildx',
      'create',
      '--name',
      BUILDER,
      '--driver',
      'docker-container',
      '--driver-opt',
      'network=host',
      '--buildkitd-config',
      config,
      '--buildkitd-flags',
      '--allow-insecure-entitlement security.insecure --allow-insecure-entitlement network.host',
      '--bootstrap',
    ])
    expect(created.code, created.stderr).toBe(0)
    const inspect = await run('docker', ['buildx', 'inspect', BUILDER])
    expect(inspect.stdout).toMatch(/^Driver:\s+docker-container$/m)
    expect(inspect.stdout).toMatch(/^BuildKit version:\s+v0\.\d+\.\d+$/m)
    expect(inspect.stdout).toMatch(/^Platforms:.*linux\/arm64/m)

    const out = join(dir, 'out')
    const build = await run(
      'docker',
      [
        'buildx',
        'build',
        '--builder',
        BUILDER,
        '--platform',
        'linux/amd64,linux/arm64',
        '--output',
        `type=local,dest=${out}`,
        '-',
      ],
      { input: 'FROM debian:bookworm-slim\nRUN uname -m > /machine\n', timeoutMs: 600_000 },
    )
    expect(build.code, build.stderr.slice(-3000)).toBe(0)
    expect(readFileSync(join(out, 'linux_amd64/machine'), 'utf8')).toBe('x86_64\n')
    expect(readFileSync(join(out, 'linux_arm64/machine'), 'utf8')).toBe('aarch64\n')
  })
})
