import { describe, expect, it } from 'vitest'
import {
  buildCommand,
  type CheckContainer,
  containerCommand,
  qemuCommand,
  REPLACED,
  RUN_LABEL,
  smokeCommand,
} from '../../src/docker/args.js'
import { FIND_PYTHON } from '../../src/smoke/script.js'

describe('buildCommand', () => {
  const base = {
    context: '/repo',
    file: '/repo/Dockerfile',
    platform: 'linux/arm64',
    tag: 'tf-multiarch-check:r1-linux-arm64',
    runId: 'r1',
    buildArgs: [] as [string, string][],
  }

  it('builds one platform and loads it under the run tag', () => {
    expect(buildCommand(base)).toEqual([
      'buildx',
      'build',
      '--platform',
      'linux/arm64',
      '--file',
      '/repo/Dockerfile',
      '--tag',
      'tf-multiarch-check:r1-linux-arm64',
      '--load',
      '--progress',
      'plain',
      '--label',
      `${RUN_LABEL}=r1`,
      '/repo',
    ])
  })

  it('passes builder, target and build args in order', () => {
    const args = buildCommand({
      ...base,
      builder: 'b1',
      target: 'runtime',
      buildArgs: [
        ['A', '1'],
        ['B', 'x=y'],
      ],
    })
    expect(args.slice(0, 4)).toEqual(['buildx', 'build', '--builder', 'b1'])
    expect(args.slice(-7)).toEqual([
      '--target',
      'runtime',
      '--build-arg',
      'A=1',
      '--build-arg',
      'B=x=y',
      '/repo',
    ])
  })
})

describe('smokeCommand', () => {
  const base = { tag: 't', platform: 'linux/arm64', name: 'c1', runId: 'r1', train: true }

  it('finds python on the image PATH, without a network, with privileges dropped', () => {
    const args = smokeCommand(base)
    expect(args).toEqual([
      'run',
      '-i',
      '--name',
      'c1',
      '--platform',
      'linux/arm64',
      '--pull',
      'never',
      '--label',
      `${RUN_LABEL}=r1`,
      '--network',
      'none',
      '--security-opt',
      'no-new-privileges',
      '--cap-drop',
      'ALL',
      '--pids-limit',
      '4096',
      '--entrypoint',
      'sh',
      't',
      '-c',
      FIND_PYTHON,
      'sh',
      'train',
    ])
  })

  it('runs the given interpreter and skips training when asked', () => {
    const args = smokeCommand({
      ...base,
      python: '/opt/venv/bin/python',
      train: false,
      network: true,
      memory: '4g',
    })
    expect(args).not.toContain('none')
    expect(args).toContain('--memory')
    expect(args.slice(-4)).toEqual(['--entrypoint', '/opt/venv/bin/python', 't', '-'])
  })
})

describe('build cache', () => {
  it('passes the sources the engine chose, and names each target for the platform', () => {
    const args = buildCommand({
      context: '/repo',
      file: '/repo/Dockerfile',
      platform: 'linux/arm64',
      tag: 't',
      runId: 'r',
      buildArgs: [],
      cacheFrom: ['type=gha,scope=tf-multiarch-check-linux-arm64', 'type=gha'],
      cacheTo: ['type=gha,mode=max'],
    })
    expect(args.slice(-7)).toEqual([
      '--cache-from',
      'type=gha,scope=tf-multiarch-check-linux-arm64',
      '--cache-from',
      'type=gha',
      '--cache-to',
      'type=gha,mode=max,scope=tf-multiarch-check-linux-arm64',
      '/repo',
    ])
  })
})

// Every container the check starts, and the confinement each gets, in one table: pull-request
// code runs in them. What differs by row is the point of the row.
describe('the confinement of every check container', () => {
  const spec = { tag: 'img:1', platform: 'linux/arm64', name: 'c1', runId: 'r1' }
  const head = ['run', '--name', 'c1', '--platform', 'linux/arm64', '--pull', 'never']
  const label = ['--label', `${RUN_LABEL}=r1`]
  const locked = [
    '--security-opt',
    'no-new-privileges',
    '--cap-drop',
    'ALL',
    '--pids-limit',
    '4096',
  ]
  const noNet = ['--network', 'none']
  // What a kept ENTRYPOINT needs to fix ownership and drop to its user (gosu, setpriv).
  const caps = ['CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'SETUID', 'SETGID'].flatMap((c) => [
    '--cap-add',
    c,
  ])
  const interactive = ['run', '-i', ...head.slice(1)]
  const rows: [string, CheckContainer, string[]][] = [
    [
      'import and train, ENTRYPOINT replaced: no network, no capabilities',
      { kind: 'smoke', spec: { ...spec, train: true }, through: REPLACED },
      [...interactive, ...label, ...noNet, ...locked, '--entrypoint', 'sh', 'img:1'],
    ],
    [
      'import through a kept ENTRYPOINT, network and memory asked for',
      {
        kind: 'smoke',
        spec: { ...spec, train: false, network: true, memory: '4g' },
        through: { keep: true, form: 'args' },
      },
      [...interactive, ...label, '--memory', '4g', ...locked, ...caps, 'img:1'],
    ],
    [
      "start: the image's own ENTRYPOINT and CMD; the client, not the container, is stopped",
      { kind: 'start', spec },
      [...head, ...label, ...noNet, ...locked, ...caps, '--sig-proxy=false', 'img:1'],
    ],
    [
      'run, ENTRYPOINT replaced by sh -c',
      { kind: 'run', spec: { ...spec, command: 'pytest -q' }, through: REPLACED },
      [...head, ...label, ...noNet, ...locked, '--entrypoint', 'sh', 'img:1'],
    ],
    [
      'run through a kept shell ENTRYPOINT',
      {
        kind: 'run',
        spec: { ...spec, command: 'pytest -q' },
        through: { keep: true, form: 'shell-c' },
      },
      [...head, ...label, ...noNet, ...locked, ...caps, 'img:1'],
    ],
  ]

  it.each(rows)('%s', (_, container, flags) => {
    const argv = containerCommand(container)
    expect(argv.slice(0, argv.indexOf('img:1') + 1)).toEqual(flags)
    // Never privileged, never a host namespace, never a pull of its own.
    expect(argv.join(' ')).not.toMatch(
      /--privileged|--network[ =]host|--pid[ =]|--ipc[ =]|--pull always/,
    )
  })

  it('the QEMU installer is the one privileged container, removed when done', () => {
    expect(qemuCommand('tonistiigi/binfmt', ['arm64', 'riscv64'])).toEqual([
      'run',
      '--privileged',
      '--rm',
      'tonistiigi/binfmt',
      '--install',
      'arm64,riscv64',
    ])
  })
})
