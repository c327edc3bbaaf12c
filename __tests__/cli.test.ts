import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseCli } from '../src/cli.js'
import { run } from './e2e/helpers.js'
import { CLI, ROOT } from './e2e/runner.js'

// The shipped CLI bundle as a program. Usage and environment errors exit 2 with a message that
// names the bad value, before any Docker work: PATH holds no docker here, so a test that got as
// far as Docker would say so.

const EXAMPLE = join(ROOT, 'examples/tf-app')
const cli = (args: string[], env: NodeJS.ProcessEnv = { PATH: '/nonexistent' }) =>
  run(process.execPath, [CLI, ...args], { env })

describe('CLI usage errors', () => {
  it.each([
    [
      ['--platforms', 'linux/arm65', EXAMPLE],
      /--platforms: 'linux\/arm65' is not a platform: unknown architecture 'arm65'/,
    ],
    [['--platforms', 'windows', EXAMPLE], /--platforms: 'windows' is not a platform/],
    [['--platforms', ',', EXAMPLE], /--platforms: the list is empty/],
    [['--platforms', '', EXAMPLE], /--platforms: the value is empty/],
    [['--json', '', EXAMPLE], /--json: the value is empty/],
    [['/nonexistent/context'], /context: '\/nonexistent\/context' is not a directory/],
    [[join(ROOT, 'src')], /file: no Dockerfile at/],
    [['--build-arg', 'NOVALUE', EXAMPLE], /--build-arg: 'NOVALUE' is not KEY=value/],
    [['--timeout', '0', EXAMPLE], /--timeout: '0' is not a positive number/],
    [['--timeout', '-1', EXAMPLE], /Option '--timeout' argument is ambiguous.*--timeout=-XYZ/s],
    [['--timeout=-1', EXAMPLE], /--timeout: '-1' is not a positive number/],
    [['--timeout', 'soon', EXAMPLE], /--timeout: 'soon'/],
    [
      ['--stall-minutes', '0', EXAMPLE],
      /--stall-minutes: '0' is neither off nor a positive number/,
    ],
    [['--plattforms', 'linux/amd64', EXAMPLE], /Unknown option '--plattforms'/],
    [[EXAMPLE, 'other'], /only one context may be given/],
    [['--memory', '1m', EXAMPLE], /--memory: '1m' is below Docker's minimum of 6m/],
    [['--max-parallel', '0', EXAMPLE], /--max-parallel: '0' is not a whole number/],
    [
      ['--required-platforms', 'linux/arm64', '--platforms', 'linux/amd64', EXAMPLE],
      /--required-platforms: 'linux\/arm64' is not among the platforms checked/,
    ],
  ])('%j exits 2', async (args, message) => {
    const res = await cli(args)
    expect(res.code).toBe(2)
    expect(res.stderr).toMatch(message)
    expect(res.stderr).not.toMatch(/ENOENT|docker/)
  })

  it('a Dockerfile that is a directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tfmc-cli-'))
    mkdirSync(join(dir, 'Dockerfile'))
    const res = await cli([dir])
    expect(res.code).toBe(2)
    expect(res.stderr).toMatch(/file: '.*Dockerfile' is a directory, not a Dockerfile/)
  })

  it('no Docker engine: exit 2 with what to do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tfmc-cli-'))
    writeFileSync(join(dir, 'Dockerfile'), 'FROM python:3.11-slim\n')
    const res = await cli([dir], {
      PATH: process.env.PATH,
      DOCKER_HOST: 'unix:///nonexistent/docker.sock',
    })
    expect(res.code).toBe(2)
    expect(res.stderr).toMatch(
      /docker: cannot reach the Docker engine; start the daemon \(or point DOCKER_HOST at one\)/,
    )
  })

  it('no docker command at all: exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tfmc-cli-'))
    writeFileSync(join(dir, 'Dockerfile'), 'FROM python:3.11-slim\n')
    const res = await cli([dir])
    expect(res.code).toBe(2)
    expect(res.stderr).toMatch(/docker: the docker command was not found/)
  })

  it('--help and --version exit 0', async () => {
    const help = await cli(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('Usage: tf-multiarch-check [context] [options]')
    const version = await cli(['--version'])
    expect(version.stdout.trim()).toBe('1.0.0')
  })
})

describe('parseCli', () => {
  it('maps flags onto the action’s inputs', () => {
    const a = parseCli([
      'ctx',
      '--platforms',
      'linux/arm64',
      '--build-arg',
      'A=1',
      '--build-arg',
      'B=2',
      '--no-train',
      '--timeout',
      '30',
      '--cache-from',
      'type=gha',
    ])
    expect(a.raw).toMatchObject({
      context: 'ctx',
      platforms: 'linux/arm64',
      'build-args': 'A=1\nB=2',
      train: 'false',
      'timeout-minutes': '30',
      'cache-from': 'type=gha',
    })
  })
})

describe('paths in what the CLI prints', () => {
  // The founding story's project: an arch-suffixed base tag and tensorflow-macos. Both findings
  // name their file relative to one base: the working directory when the project is inside it,
  // else the project itself; never ../.. out of it, never one absolute and one relative.
  const parent = mkdtempSync(join(tmpdir(), 'tfmc-paths-'))
  const project = join(parent, 's2')
  mkdirSync(project)
  writeFileSync(
    join(project, 'Dockerfile'),
    'FROM python:3.9-slim-bullseye-arm64\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n',
  )
  writeFileSync(join(project, 'requirements.txt'), 'tensorflow-macos==2.15.0\n')
  const elsewhere = mkdtempSync(join(tmpdir(), 'tfmc-elsewhere-'))

  it.each([
    ['the project itself', project, project, ''],
    ['its parent', parent, 's2', 's2/'],
    ['its parent, the context absolute', parent, project, 's2/'],
    ['a directory outside it', elsewhere, project, ''],
  ])('started in %s', async (_, cwd, context, prefix) => {
    const res = await run(process.execPath, [CLI, context, '--lint-only'], {
      cwd,
      env: { PATH: '/nonexistent' },
    })
    expect(res.code, res.stderr).toBe(1)
    const located = res.stdout.split('\n').filter((l) => /^\S+:\d+: /.test(l))
    expect(located.map((l) => l.split(': ')[0])).toEqual([
      `${prefix}Dockerfile:1`,
      `${prefix}requirements.txt:1`,
    ])
  })
})

describe('--lint-only with an advisory finding alone', () => {
  it('says it and exits 0: tensorflow[and-cuda] on linux/arm64 builds, only larger', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tfmc-advisory-'))
    writeFileSync(
      join(dir, 'Dockerfile'),
      'FROM python:3.11-slim\nRUN pip install "tensorflow[and-cuda]==2.21.0"\n',
    )
    const res = await run(
      process.execPath,
      [CLI, dir, '--platforms', 'linux/amd64,linux/arm64', '--lint-only'],
      { env: { PATH: '/nonexistent' } },
    )
    expect(res.code, res.stderr).toBe(0)
    expect(res.stdout).toMatch(/^Dockerfile:2: linux\/arm64: and-cuda-without-cuda: /m)
  })
})

describe('--fix', () => {
  const DOCKERFILE =
    'FROM python:3.11-slim-arm64\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n'
  const REQS = 'numpy\r\ntensorflow-cpu==2.21.0  # pinned\r\n'
  const project = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'tfmc-fix-'))
    writeFileSync(join(dir, 'Dockerfile'), DOCKERFILE)
    writeFileSync(join(dir, 'requirements.txt'), REQS)
    return dir
  }
  const read = (dir: string, f: string): string => readFileSync(join(dir, f), 'utf8')

  it('shows the diff and writes only the lines it names (line endings kept); exit codes as without it', async () => {
    const dir = project()
    const res = await run(process.execPath, [CLI, '--lint-only', '--fix'], {
      cwd: dir,
      env: { PATH: '/nonexistent' },
    })
    expect(res.code, res.stderr).toBe(1)
    expect(res.stdout).toContain(
      '--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,3 +1,3 @@\n-FROM python:3.11-slim-arm64\n+FROM python:3.11-slim\n',
    )
    expect(res.stdout).toMatch(/^--fix: wrote Dockerfile, requirements\.txt$/m)
    expect(read(dir, 'Dockerfile')).toBe(DOCKERFILE.replace('-slim-arm64', '-slim'))
    expect(read(dir, 'requirements.txt')).toBe('numpy\r\ntensorflow==2.21.0  # pinned\r\n')
    const again = await run(process.execPath, [CLI, '--lint-only', '--fix'], {
      cwd: dir,
      env: { PATH: '/nonexistent' },
    })
    expect(again.code).toBe(0)
    expect(again.stdout).toContain('no findings')
  })

  it('--fix=dry-run shows the diff and writes nothing', async () => {
    const dir = project()
    const res = await run(process.execPath, [CLI, dir, '--lint-only', '--fix=dry-run'], {
      env: { PATH: '/nonexistent' },
    })
    expect(res.code).toBe(1)
    expect(res.stdout).toContain('+tensorflow==2.21.0  # pinned')
    expect(res.stdout).toMatch(
      /--fix=dry-run: would change .*Dockerfile, .*requirements\.txt; nothing written/,
    )
    expect(read(dir, 'Dockerfile')).toBe(DOCKERFILE)
    expect(read(dir, 'requirements.txt')).toBe(REQS)
  })

  it('never writes a file outside the build context (a Dockerfile given with -f elsewhere)', async () => {
    const dir = project()
    const outside = mkdtempSync(join(tmpdir(), 'tfmc-fix-df-'))
    writeFileSync(join(outside, 'Dockerfile'), DOCKERFILE)
    const res = await run(
      process.execPath,
      [CLI, dir, '-f', join(outside, 'Dockerfile'), '--lint-only', '--fix'],
      { env: { PATH: '/nonexistent' } },
    )
    expect(res.code).toBe(1)
    expect(res.stderr).toMatch(/--fix: .*Dockerfile: outside the build context, not changed/)
    expect(read(outside, 'Dockerfile')).toBe(DOCKERFILE)
    expect(read(dir, 'requirements.txt')).toBe('numpy\r\ntensorflow==2.21.0  # pinned\r\n')
  })

  it('an unknown mode is a usage error that writes nothing', async () => {
    const dir = project()
    const res = await run(process.execPath, [CLI, dir, '--lint-only', '--fix=yes'], {
      env: { PATH: '/nonexistent' },
    })
    expect(res.code).toBe(2)
    expect(res.stderr).toMatch(/--fix: 'yes' is not dry-run; give --fix to write the fixes/)
    expect(read(dir, 'Dockerfile')).toBe(DOCKERFILE)
  })

  it('without --fix, says how many fixes it has', async () => {
    const res = await run(process.execPath, [CLI, project(), '--lint-only'], {
      env: { PATH: '/nonexistent' },
    })
    expect(res.stdout).toMatch(/^2 fixes can be made by --fix \(--fix=dry-run shows the diff\)$/m)
  })
})
