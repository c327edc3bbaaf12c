import type { RunResult } from '../../src/docker/exec.js'
import type { Logger } from '../../src/engine/logger.js'
import { MARKER } from '../../src/smoke/script.js'

// For the tests that drive the engine with a scripted Docker: a silent log, a command's result,
// and the smoke script's lines as a real image prints them.

export const quiet: Logger = {
  info: () => undefined,
  warning: () => undefined,
  startGroup: () => undefined,
  endGroup: () => undefined,
  output: () => undefined,
}

export function result(over: Partial<RunResult> = {}): RunResult {
  return {
    command: 'docker',
    exitCode: 0,
    signal: null,
    timedOut: false,
    aborted: false,
    durationMs: 5,
    tail: [],
    stdout: '',
    ...over,
  }
}

// The ELF headers the smoke script reports for the interpreter.
export const ELF = {
  x86_64: '{"machine":62,"bits":64,"littleEndian":true}',
  aarch64: '{"machine":183,"bits":64,"littleEndian":true}',
}

/** A start (uname machine, ELF header) and a passing import, as the smoke script prints them. */
export const okOn = (machine: keyof typeof ELF, elf: keyof typeof ELF = machine): string[] => [
  `${MARKER}{"stage":"start","machine":"${machine}","python":"3.11.2","executable":"/usr/local/bin/python","elf":${ELF[elf]}}`,
  `${MARKER}{"stage":"import","ok":true,"seconds":11.2,"tensorflow":"2.21.0","numpy":"2.4.6","keras":"3.15.1"}`,
]
