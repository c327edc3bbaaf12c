import { describe, expect, it } from 'vitest'
import { classify } from '../../src/diagnose/classify.js'
import type { Evidence } from '../../src/diagnose/evidence.js'
import { parsePlatform } from '../../src/platforms.js'

// The causes of what ships failing: an image started as its users start it, the team's own
// command.

describe('diagnoses of what ships', () => {
  const evidence = (over: Partial<Evidence>): Evidence => ({
    platform: parsePlatform('linux/arm64'),
    emulated: true,
    stage: 'start',
    status: 'failed',
    lines: [],
    exitCode: 1,
    signal: null,
    oomKilled: false,
    probe: null,
    image: {
      entrypoint: null,
      cmd: ['. .venv/bin/activate', 'python', 'main.py'],
      user: '',
      workingDir: '/app',
      path: null,
    },
    timeoutMinutes: 60,
    locate: {
      requirement: () => null,
      from: null,
      command: (p) => (p === '. .venv/bin/activate' ? { file: 'Dockerfile', line: 7 } : null),
      env: () => null,
      entrypoint: null,
    },
    ...over,
  })

  it('proves exec-form-shell from the runtime’s own words, at the CMD’s line', () => {
    const line =
      'docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: ". .venv/bin/activate": stat . .venv/bin/activate: no such file or directory'
    const [d] = classify(evidence({ lines: [line], exitCode: 127 }))
    expect(d).toMatchObject({ id: 'exec-form-shell', file: 'Dockerfile', line: 7 })
    expect(d!.detail).toContain('exec: ". .venv/bin/activate"')
  })

  it('names a program that is simply missing start-failed, not exec-form-shell', () => {
    const line = 'exec: "gunicorn": executable file not found in $PATH'
    expect(classify(evidence({ lines: [line], exitCode: 127 })).map((d) => d.id)).toEqual([
      'start-failed',
    ])
  })

  it('lists the platforms an image has when it lacks the one checked', () => {
    const [d] = classify(
      evidence({
        stage: 'pull',
        imagePlatforms: { ref: 'r.test/app:1', has: ['linux/amd64'], registryError: null },
      }),
    )
    expect(d).toMatchObject({
      id: 'image-platform-missing',
      detail: 'r.test/app:1 has no linux/arm64 image: it has linux/amd64.',
    })
    expect(d!.fix).toContain('--platform linux/amd64,linux/arm64')
  })

  it('says which command failed, and keeps TensorFlow causes first', () => {
    const failed = classify(
      evidence({ stage: 'run', command: 'pytest -q', lines: ['E   assert 1 == 2'] }),
    )
    expect(failed.map((d) => d.id)).toEqual(['run-failed'])
    expect(failed[0]!.detail).toMatch(/^Your command "pytest -q" exited with 1 on linux\/arm64/)
    const tf = classify(
      evidence({ stage: 'run', lines: ["ModuleNotFoundError: No module named 'tensorflow'"] }),
    )
    expect(tf.map((d) => d.id)).toEqual(['tensorflow-not-installed'])
  })
})

/**
 * A registry holding `r.test/app:1` for amd64 and arm64, whose arm64 manifest may lie (its
 * configuration says `arm64Declares`), and an engine whose containers answer as scripted.
 */
