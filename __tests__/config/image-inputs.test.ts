import { describe, expect, it } from 'vitest'
import { parseOptions } from '../../src/config/check.js'

// The image, start and run inputs, as the check reads them.

describe('the image, start and run inputs', () => {
  const parse = (raw: Record<string, string>): ReturnType<typeof parseOptions> =>
    parseOptions(raw, process.cwd())

  it('needs no Dockerfile with an image, and keeps start and run', () => {
    const o = parse({ context: 'src', image: 'app:1', start: '15', run: 'pytest -q\necho ok' })
    expect(o).toMatchObject({ dockerfile: '', start: 15, run: 'pytest -q\necho ok' })
    expect(o.image?.ref).toBe('app:1')
    expect(parse({ context: 'examples/tf-app' })).toMatchObject({ start: null, run: null })
  })

  it.each([
    [{ image: 'App:1' }, /^image: 'App:1' is not an image reference/],
    [{ image: 'app', 'build-args': 'A=1' }, /^image: .*build-args \(--build-arg\) does not apply/],
    [{ image: 'app', target: 'final' }, /^image: .*target \(--target\) does not apply/],
    [{ image: 'app', 'cache-from': 'type=gha' }, /^image: .*cache-from/],
    [{ start: '0' }, /^start: '0' is neither off nor a positive number of seconds/],
    [{ start: 'soon' }, /^start: 'soon'/],
    [{ image: 'app', file: 'missing/Dockerfile' }, /^file: no Dockerfile at/],
  ])('refuses %j', (raw, message) => {
    expect(() => parse({ context: 'examples/tf-app', ...raw })).toThrow(message)
  })
})
