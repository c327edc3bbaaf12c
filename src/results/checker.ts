import { TOOL_NAME } from '../version.js'
import { InputError } from '../errors.js'

// Field-by-field checks of a results document from another job (report mode): each names the
// field that is wrong and the file it came from.

export const LIMITS = {
  fileBytes: 5 * 1024 * 1024,
  platforms: 32,
  diagnoses: 50,
  logChars: 16_000,
  textChars: 2_000,
  fixes: 50,
  hunks: 10,
  hunkLines: 60,
} as const

type Obj = Record<string, unknown>

export class Checker {
  constructor(private readonly source: string) {}

  fail(path: string, what: string): never {
    throw new InputError('results', `${this.source} is not ${TOOL_NAME} results: ${path} ${what}`)
  }
  obj(v: unknown, path: string): Obj {
    if (!v || typeof v !== 'object' || Array.isArray(v)) this.fail(path, 'must be an object')
    return v as Obj
  }
  arr(v: unknown, path: string, max: number): unknown[] {
    if (!Array.isArray(v)) this.fail(path, 'must be an array')
    if (v.length > max) this.fail(path, `has ${v.length} entries, more than the ${max} allowed`)
    return v
  }
  bool(v: unknown, path: string): boolean {
    if (typeof v !== 'boolean') this.fail(path, 'must be true or false')
    return v
  }
  num(v: unknown, path: string): number {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
      this.fail(path, 'must be a non-negative number')
    return v
  }
  str(v: unknown, path: string, max: number = LIMITS.textChars): string {
    if (typeof v !== 'string') this.fail(path, 'must be a string')
    return v.length > max ? v.slice(0, max) : v
  }
  optStr(v: unknown, path: string): string | null {
    return v === null || v === undefined ? null : this.str(v, path, 200)
  }
}
