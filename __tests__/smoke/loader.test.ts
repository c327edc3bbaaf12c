import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// Where the readiness check looks for a CUDA library: smoke.py's own functions (taken from the
// file by its syntax tree, TensorFlow's package a directory of real ELF objects made here by
// gcc), run by this machine's Python. Only where TensorFlow's dlopen would look: RPATH where no
// RUNPATH, LD_LIBRARY_PATH, RUNPATH ($ORIGIN expanded), then the loader's cache; never a copy a
// search of the disk finds elsewhere.

const SCRIPT_FILE = fileURLToPath(new URL('../../src/smoke/smoke.py', import.meta.url))

const DRIVER = `
import ast, json, os, sys, types
tree = ast.parse(open(sys.argv[1]).read())
wanted = ("dynamic_paths", "search_dirs", "load_libraries")
body = [n for n in tree.body if (isinstance(n, ast.FunctionDef) and n.name in wanted) or
        (isinstance(n, ast.Assign) and [getattr(t, "id", None) for t in n.targets] == ["LOADER"])]
ns = {"os": os, "sys": sys, "json": json, "tf": types.SimpleNamespace(__file__=sys.argv[2])}
exec(compile(ast.Module(body=body, type_ignores=[]), "smoke.py", "exec"), ns)
dirs = ns["search_dirs"]()
libraries = [["a", "liba.so.9"], ["b", "libb.so.1"], ["c", "libc.so.6"]]
print(json.dumps({"dirs": dirs, "found": ns["load_libraries"](libraries, dirs)}))
`

/** A shared object at `path`, with a DT_RUNPATH (or, `old`, a DT_RPATH) of `paths`. */
function sharedObject(path: string, paths?: string, old = false): void {
  mkdirSync(dirname(path), { recursive: true })
  const src = join(mkdtempSync(join(tmpdir(), 'tfmc-so-')), 'x.c')
  writeFileSync(src, 'int tfmc_loader_test(void) { return 1; }\n')
  const link = paths ? [`-Wl,${old ? '--disable' : '--enable'}-new-dtags,-rpath,${paths}`] : []
  execFileSync('gcc', ['-shared', '-fPIC', '-o', path, src, ...link])
}

interface Found {
  name: string
  path: string | null
  error: string | null
}

function search(tf: string, ldLibraryPath: string): { dirs: string[]; found: Found[] } {
  const res = spawnSync('python3', ['-c', DRIVER, SCRIPT_FILE, join(tf, '__init__.py')], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, LD_LIBRARY_PATH: ldLibraryPath },
  })
  expect(res.status, res.stderr).toBe(0)
  return JSON.parse(res.stdout) as { dirs: string[]; found: Found[] }
}

describe('where readiness finds a CUDA library', () => {
  it('LD_LIBRARY_PATH, then the RUNPATH of TensorFlow’s objects, then the loader’s cache; not a wheel off the RUNPATH', () => {
    const root = mkdtempSync(join(tmpdir(), 'tfmc-runpath-'))
    sharedObject(join(root, 'tf/libtensorflow_framework.so.2'), '$ORIGIN/../nvidia/cudnn/lib')
    sharedObject(join(root, 'nvidia/cudnn/lib/liba.so.9'))
    sharedObject(join(root, 'ld/liba.so.9'))
    // In an nvidia-* wheel, but on no path TensorFlow searches: not found.
    sharedObject(join(root, 'nvidia/other/lib/libb.so.1'))
    const { dirs, found } = search(join(root, 'tf'), join(root, 'ld'))
    expect(dirs).toEqual([join(root, 'ld'), join(root, 'nvidia/cudnn/lib')])
    const [a, b, c] = found
    expect(a).toMatchObject({ name: 'a', path: join(root, 'ld/liba.so.9'), error: null })
    expect(b).toMatchObject({ name: 'b', path: null })
    expect(b!.error).toMatch(/^libb\.so\.1: cannot open shared object file: in none of /)
    // The C library, from the loader's cache, as any library outside TensorFlow's paths.
    expect(c!.path).toMatch(/\/libc\.so\.6$/)

    const bare = search(join(root, 'tf'), '')
    expect(bare.found[0]).toMatchObject({ path: join(root, 'nvidia/cudnn/lib/liba.so.9') })
  })

  it('a DT_RPATH (no DT_RUNPATH) comes before LD_LIBRARY_PATH', () => {
    const root = mkdtempSync(join(tmpdir(), 'tfmc-rpath-'))
    sharedObject(join(root, 'tf/libtensorflow_framework.so.2'), '$ORIGIN/../rp', true)
    sharedObject(join(root, 'rp/liba.so.9'))
    sharedObject(join(root, 'ld/liba.so.9'))
    const { dirs, found } = search(join(root, 'tf'), join(root, 'ld'))
    expect(dirs).toEqual([join(root, 'rp'), join(root, 'ld')])
    expect(found[0]).toMatchObject({ path: join(root, 'rp/liba.so.9'), error: null })
  })

  it('a library that cannot be loaded is not found elsewhere: the first file on the path decides', () => {
    const root = mkdtempSync(join(tmpdir(), 'tfmc-broken-'))
    sharedObject(join(root, 'tf/libtensorflow_framework.so.2'), '$ORIGIN/../nvidia/cudnn/lib')
    mkdirSync(join(root, 'ld'))
    writeFileSync(join(root, 'ld/liba.so.9'), 'not an ELF file\n')
    sharedObject(join(root, 'nvidia/cudnn/lib/liba.so.9'))
    const { found } = search(join(root, 'tf'), join(root, 'ld'))
    expect(found[0]).toMatchObject({ path: null, error: expect.stringMatching(/liba\.so\.9/) })
  })
})
