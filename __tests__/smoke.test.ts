import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  EXIT_IMPORT_FAILED,
  FIND_PYTHON,
  MARKER,
  parseSmokeLine,
  SMOKE_SCRIPT,
} from '../src/smoke/script.js'

// The smoke script itself runs under this machine's Python, in an isolated interpreter that
// cannot see a TensorFlow: the import failure path must report, not crash.
describe('the smoke script', () => {
  it('has no backslashes that the template literal would have eaten', () => {
    expect(SMOKE_SCRIPT).not.toContain('\\')
  })

  it('reports its interpreter and a failed import as marker lines, and exits 3', () => {
    // A `python` on PATH that runs without site-packages, so it certainly has no TensorFlow.
    const bin = mkdtempSync(join(tmpdir(), 'tfmc-py-'))
    const real = spawnSync('sh', ['-c', 'command -v python3'], { encoding: 'utf8' }).stdout.trim()
    writeFileSync(join(bin, 'python'), `#!/bin/sh\nexec ${real} -S "$@"\n`, { mode: 0o755 })
    const res = spawnSync('sh', ['-c', FIND_PYTHON, 'sh', 'train'], {
      input: SMOKE_SCRIPT,
      encoding: 'utf8',
      env: { PATH: `${bin}:/usr/bin:/bin` },
    })
    const events = res.stdout
      .split('\n')
      .map(parseSmokeLine)
      .filter((e) => e !== null)
    expect(res.status).toBe(EXIT_IMPORT_FAILED)
    expect(events[0]).toMatchObject({
      stage: 'start',
      machine: expect.any(String),
      python: expect.stringMatching(/^3\./),
    })
    expect(events[1]).toMatchObject({ stage: 'import', ok: false })
    expect(res.stderr).toContain("No module named 'tensorflow'")
  })

  it('says so when the image has no python at all', () => {
    const res = spawnSync('/bin/sh', ['-c', FIND_PYTHON, 'sh'], {
      input: '',
      encoding: 'utf8',
      env: { PATH: '/nonexistent' },
    })
    expect(res.status).toBe(127)
    expect(res.stderr).toContain('neither python nor python3 is on the image PATH (/nonexistent)')
  })
})

describe('parseSmokeLine', () => {
  it('reads our lines and ignores everything else', () => {
    expect(parseSmokeLine(`${MARKER}{"stage":"import","ok":true,"seconds":1.5}`)).toEqual({
      stage: 'import',
      ok: true,
      seconds: 1.5,
    })
    expect(
      parseSmokeLine('2026-11-21 I tensorflow/core/platform/cpu_feature_guard.cc:210] ...'),
    ).toBeNull()
    expect(parseSmokeLine(`${MARKER}{"stage":`)).toBeNull()
    expect(parseSmokeLine(`${MARKER}[1,2]`)).toBeNull()
  })
})
