import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  EXIT_IMPORT_FAILED,
  EXIT_TRAIN_FAILED,
  FIND_PYTHON,
  MARKER,
  parseSmokeLine,
  SMOKE_SCRIPT,
} from '../../src/smoke/script.js'

const SCRIPT_FILE = fileURLToPath(new URL('../../src/smoke/smoke.py', import.meta.url))

/** The script run as the check runs it, by a `python` on PATH that has no site-packages. */
function runScript(args: string[], env: Record<string, string> = {}) {
  const bin = mkdtempSync(join(tmpdir(), 'tfmc-py-'))
  const real = spawnSync('sh', ['-c', 'command -v python3'], { encoding: 'utf8' }).stdout.trim()
  writeFileSync(join(bin, 'python'), `#!/bin/sh\nexec ${real} -S "$@"\n`, { mode: 0o755 })
  const res = spawnSync('sh', ['-c', FIND_PYTHON, 'sh', ...args], {
    input: SMOKE_SCRIPT,
    encoding: 'utf8',
    env: { PATH: `${bin}:/usr/bin:/bin`, ...env },
  })
  const events = res.stdout
    .split('\n')
    .map(parseSmokeLine)
    .filter((e) => e !== null)
  return { ...res, events }
}

// The smoke script itself runs under this machine's Python, in an isolated interpreter that
// cannot see a TensorFlow: the import failure path must report, not crash.
describe('the smoke script', () => {
  it('is Python that compiles, in the syntax of the oldest Python the images have (3.9)', () => {
    // py_compile writes its bytecode beside the file: a copy keeps it out of src/.
    const copy = join(mkdtempSync(join(tmpdir(), 'tfmc-pyc-')), 'smoke.py')
    copyFileSync(SCRIPT_FILE, copy)
    const compiled = spawnSync('python3', ['-m', 'py_compile', copy], { encoding: 'utf8' })
    expect(compiled.status, compiled.stderr).toBe(0)
    // This machine's Python accepts its own newer syntax; ast's feature_version refuses what
    // 3.9 could not parse (match, except*, type parameters, ...).
    // LOADER, the program it runs in a child process to load CUDA libraries, too.
    const parse = [
      'import ast, sys',
      'tree = ast.parse(open(sys.argv[1]).read(), feature_version=(3, 9))',
      'loaders = [n.value.value for n in tree.body if isinstance(n, ast.Assign) and',
      '           [getattr(t, "id", None) for t in n.targets] == ["LOADER"]]',
      'for source in loaders: ast.parse(source, feature_version=(3, 9))',
      'print(len(loaders))',
    ].join('\n')
    const old = spawnSync('python3', ['-c', parse, copy], { encoding: 'utf8' })
    expect(old.status, old.stderr).toBe(0)
    expect(old.stdout.trim()).toBe('1')
  })

  it('has the marker and the exit codes the check reads', () => {
    expect(SMOKE_SCRIPT).toContain(`\nMARKER = ${JSON.stringify(MARKER)}\n`)
    expect(SMOKE_SCRIPT).toContain(`\nEXIT_IMPORT_FAILED = ${EXIT_IMPORT_FAILED}\n`)
    expect(SMOKE_SCRIPT).toContain(`\nEXIT_TRAIN_FAILED = ${EXIT_TRAIN_FAILED}\n`)
  })

  it('reports its interpreter and a failed import as marker lines, and exits 3', () => {
    const res = runScript(['train'])
    const { events } = res
    expect(res.status).toBe(EXIT_IMPORT_FAILED)
    expect(events[0]).toMatchObject({
      stage: 'start',
      machine: expect.any(String),
      python: expect.stringMatching(/^3\./),
    })
    expect(events[1]).toMatchObject({ stage: 'import', ok: false })
    expect(res.stderr).toContain("No module named 'tensorflow'")
  })

  it('reports a training step that raised, and exits 4', () => {
    // A tensorflow that imports and has no Keras: the step raises, whatever the machine has.
    const fake = mkdtempSync(join(tmpdir(), 'tfmc-tf-'))
    mkdirSync(join(fake, 'tensorflow'))
    writeFileSync(join(fake, 'tensorflow', '__init__.py'), '__version__ = "0.0-fake"\n')
    const res = runScript(['train'], { PYTHONPATH: fake })
    expect(res.status, res.stderr).toBe(EXIT_TRAIN_FAILED)
    expect(res.events.map((e) => e.stage)).toEqual(['start', 'import', 'train'])
    expect(res.events[1]).toMatchObject({ ok: true, tensorflow: '0.0-fake' })
    expect(res.events[2]).toMatchObject({ ok: false, seconds: expect.any(Number) })
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

  it('takes a line of a known stage only with its fields of their types', () => {
    expect(parseSmokeLine(`${MARKER}{"stage":"import","ok":"yes"}`)).toBeNull()
    expect(parseSmokeLine(`${MARKER}{"stage":"train","ok":true,"loss":[0.5,"x"]}`)).toBeNull()
    expect(parseSmokeLine(`${MARKER}{"stage":"start","env":{"KERAS_BACKEND":1}}`)).toBeNull()
    expect(parseSmokeLine(`${MARKER}{"stage":"start","elf":{"machine":62,"bits":64}}`)).toBeNull()
    expect(
      parseSmokeLine(`${MARKER}{"stage":"probe","foreignBinaries":[{"machine":62,"bits":64}]}`),
    ).toBeNull()
    expect(parseSmokeLine(`${MARKER}{"stage":"done"}`)).toBeNull()
    expect(parseSmokeLine(`${MARKER}{"stage":"toString"}`)).toBeNull()
    // Missing fields, nulls where the script sends None, and fields of no stage are fine.
    expect(parseSmokeLine(`${MARKER}{"stage":"start","executable":null,"elf":null}`)).toEqual({
      stage: 'start',
      executable: null,
      elf: null,
    })
    expect(parseSmokeLine(`${MARKER}{"stage":"train","ok":false,"extra":1}`)).toMatchObject({
      stage: 'train',
      ok: false,
    })
  })
})
