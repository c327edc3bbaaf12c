import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import {
  buildFor,
  describeOnce,
  ENGINE,
  makeContext,
  removeImages,
  run,
  tagFor,
} from './helpers.js'

// The sandbox that every other end-to-end test stands on: unmodified Docker Hub names resolve
// through the loopback mirror, for both platforms, and real TensorFlow from the real package
// index installs and imports in each.

const PLATFORMS = [
  { platform: 'linux/amd64', machine: 'x86_64' },
  { platform: 'linux/arm64', machine: 'aarch64' },
] as const

const created: string[] = []
afterAll(() => removeImages(created))

async function buildAndRun(name: string, dockerfile: string, platform: string, cmd: string[]) {
  const tag = tagFor(name, platform)
  created.push(tag)
  const build = await buildFor(makeContext({ Dockerfile: dockerfile }), platform, tag)
  expect(build.code, `build of ${name} for ${platform} failed:\n${build.stderr.slice(-3000)}`).toBe(
    0,
  )
  return run('docker', ['run', '--rm', '--platform', platform, tag, ...cmd])
}

describe('stand-in base images', () => {
  const probe = [
    'import json, platform, sys, os, shutil, sysconfig, glob',
    'print(json.dumps({"machine": platform.machine(), "python": platform.python_version(),',
    ' "pip": shutil.which("pip"), "python_on_path": shutil.which("python"),',
    ' "externally_managed": bool(glob.glob(os.path.join(sysconfig.get_paths()["stdlib"], "EXTERNALLY-MANAGED")))}))',
  ].join('\n')

  for (const [image, version] of [
    ['python:3.9-slim', '3.9.'],
    ['python:3.11-slim', '3.11.'],
    ['python:3.13-slim', '3.13.'],
  ] as const) {
    for (const { platform, machine } of PLATFORMS) {
      // What the image holds is the same in both stores; the containerd store pulls it for
      // linux/amd64 here, and for linux/arm64 in the example's build.
      const once = ENGINE !== 'classic' && platform !== 'linux/amd64'
      it.skipIf(once)(
        `${image} on ${platform}: python and pip on PATH, no PEP 668 refusal, venv works`,
        async () => {
          const res = await buildAndRun(
            image.replace(/[:.]/g, '-'),
            `FROM ${image}\nRUN python -m venv /tmp/venv && /tmp/venv/bin/python -c "import sys; print(sys.prefix)"\n`,
            platform,
            ['python', '-c', probe],
          )
          expect(res.code, res.stderr).toBe(0)
          const info = JSON.parse(res.stdout.trim()) as Record<string, unknown>
          expect(info.machine).toBe(machine)
          expect(String(info.python)).toMatch(new RegExp(`^${version.replace('.', '\\.')}`))
          expect(info.pip).toBeTruthy()
          expect(info.python_on_path).toBeTruthy()
          expect(info.externally_managed).toBe(false)
        },
      )
    }
  }

  for (const { platform, machine } of PLATFORMS) {
    it(`debian:bookworm-slim on ${platform}: no Python, and apt works`, async () => {
      const res = await buildAndRun(
        'debian-bookworm-slim',
        'FROM debian:bookworm-slim\n',
        platform,
        ['sh', '-c', 'uname -m; command -v python3 || echo no-python'],
      )
      expect(res.code, res.stderr).toBe(0)
      expect(res.stdout.split('\n')).toEqual([machine, 'no-python', ''])
    })
  }

  it('debian:bookworm-slim keeps PEP 668: pip refuses to install into the system Python', async () => {
    const res = await buildAndRun(
      'debian-pep668',
      'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends python3-pip\n',
      'linux/amd64',
      ['sh', '-c', 'pip install six; echo "exit=$?"'],
    )
    expect(res.stdout + res.stderr).toContain('externally-managed-environment')
    expect(res.stdout).toContain('exit=1')
  })
})

describeOnce('real TensorFlow through the mirror', () => {
  // The bundled example is FROM python:3.11-slim + pip install tensorflow==2.21.0; building its
  // context here also warms the layer cache that the check's own end-to-end tests reuse.
  const context = fileURLToPath(new URL('../../examples/tf-app', import.meta.url))
  const script =
    'import json, platform, time; t = time.time(); import tensorflow as tf; ' +
    'print(json.dumps({"machine": platform.machine(), "tf": tf.__version__, "import_s": time.time() - t, ' +
    '"sum": float(tf.reduce_sum(tf.constant([1.0, 2.0, 3.0])))}))'

  it('the example pins tensorflow==2.21.0 on python:3.11-slim', () => {
    expect(readFileSync(`${context}/Dockerfile`, 'utf8')).toMatch(/^FROM python:3\.11-slim$/m)
    expect(readFileSync(`${context}/requirements.txt`, 'utf8')).toMatch(/^tensorflow==2\.21\.0$/m)
  })

  for (const { platform, machine } of PLATFORMS) {
    it(`FROM python:3.11-slim + tensorflow==2.21.0 builds, imports and computes on ${platform}`, async () => {
      const tag = tagFor('sandbox-tf', platform)
      created.push(tag)
      const build = await buildFor(context, platform, tag)
      expect(build.code, build.stderr.slice(-3000)).toBe(0)
      const res = await run('docker', [
        'run',
        '--rm',
        '--platform',
        platform,
        tag,
        'python',
        '-c',
        script,
      ])
      expect(res.code, res.stderr.slice(-3000)).toBe(0)
      const out = JSON.parse(res.stdout.trim().split('\n').at(-1) ?? '') as Record<string, unknown>
      expect(out.machine).toBe(machine)
      expect(out.tf).toBe('2.21.0')
      expect(out.sum).toBe(6)
      console.log(
        `${platform}: TensorFlow ${String(out.tf)} imported in ${Number(out.import_s).toFixed(1)} s`,
      )
    })
  }
})
