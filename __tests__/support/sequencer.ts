import { BaseSequencer, type TestSpecification } from 'vitest/node'

/**
 * Files in vitest's own order, but the one that SIGKILLs the sandbox's Docker engine last: what
 * a killed engine leaves behind (records of base-image layers whose directories it never wrote
 * or had begun to remove, on the classic store) can fail later builds on that engine with
 * "failed to prepare ... no such file or directory", though scripts/sandbox.sh empties its build
 * cache when it starts it again. Nothing of the run builds on it after that file.
 */
export class EngineKillLast extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files)
    const kills = (f: TestSpecification): boolean => f.moduleId.endsWith('/e2e/faults.test.ts')
    return [...sorted.filter((f) => !kills(f)), ...sorted.filter(kills)]
  }
}
