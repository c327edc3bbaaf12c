import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { failedBuildTail, tailText } from '../../src/engine/output.js'
import { fixturePath } from '../support/fixtures.js'

// What a reviewer sees of a failed build: buildx 0.29's closing summary must not push the
// decisive line out of the tail (a real build log of Docker Engine 28.5, buildx 0.29).

describe('the log tail of a failed build', () => {
  const lines = readFileSync(
    fixturePath('logs/buildx-0.29/externally-managed-environment.log'),
    'utf8',
  ).split('\n')

  it('keeps the step’s decisive line that a plain tail loses, and the client’s closing error', () => {
    expect(tailText(lines, 40)).not.toContain('error: externally-managed-environment')
    const tail = failedBuildTail(lines, 40).split('\n')
    expect(tail).toHaveLength(40)
    expect(tail.join('\n')).toContain('error: externally-managed-environment')
    expect(tail.at(-2)).toMatch(/^#\d+ ERROR: process "\/bin\/sh -c pip install/)
    expect(tail.at(-1)).toMatch(/^ERROR: failed to build: failed to solve: process/)
  })

  it('is the plain tail when no step failed (an engine that went away, a bad flag)', () => {
    const other = ['#1 building', 'ERROR: failed to receive status: rpc error: code = Unavailable']
    expect(failedBuildTail(other, 40)).toBe(tailText(other, 40))
  })
})
