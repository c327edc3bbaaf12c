import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ENTRYPOINT_CAPS, runCommand, smokeCommand } from '../../src/docker/args.js'
import { planInvocation } from '../../src/engine/invocation.js'
import { through } from '../../src/engine/stages/smoke.js'
import { entrypointScript, readScript } from '../../src/lint/entrypoint.js'
import { parseDockerfile } from '../../src/lint/model.js'
import { invocationNote } from '../../src/results/invocation.js'
import type { ImageConfig, Stages } from '../../src/results/types.js'
import { findPythonLine } from '../../src/smoke/script.js'
import { renderReport } from '../../src/report/markdown.js'
import { validateResults } from '../../src/results/validate.js'
import { fixturePath } from '../support/fixtures.js'

const image = (entrypoint: string[] | null): ImageConfig => ({
  os: 'linux',
  architecture: 'arm64',
  entrypoint,
  cmd: ['python', 'serve.py'],
  user: '',
  workingDir: '/app',
  path: null,
})

const ENTRY = readScript('#!/bin/sh\nset -e\n. /opt/env/bin/activate\nexec "$@"\n')

describe('how the check meets the ENTRYPOINT', () => {
  it("takes a program named like an object's own property for what it is, not a wrapper", () => {
    for (const prog of ['constructor', 'toString', '__proto__'])
      expect(planInvocation(image([prog]), null)).toMatchObject({ how: 'try', form: 'args' })
  })

  it.each([
    [null, 'direct', 'args'],
    [[], 'direct', 'args'],
    [['tini', '--'], 'entrypoint', 'args'],
    [['/usr/bin/dumb-init', '--rewrite', '15:2', '--'], 'entrypoint', 'args'],
    [['gosu', 'app'], 'entrypoint', 'args'],
    [['su-exec', 'app:app'], 'entrypoint', 'args'],
    [['env', 'A=1', 'B=2'], 'entrypoint', 'args'],
    [['/bin/sh', '-c'], 'entrypoint', 'shell'],
    [['bash'], 'entrypoint', 'shell-c'],
    [['python3'], 'entrypoint', 'python'],
    [['python', '-u'], 'entrypoint', 'python'],
    [['python', 'app.py'], 'replaced', 'args'],
    [['python', '-m', 'mlapp.serve'], 'replaced', 'args'],
    [['/usr/local/bin/python3.11', '-W', 'ignore', 'serve.py'], 'replaced', 'args'],
    [['/usr/local/bin/docker-entrypoint.sh'], 'entrypoint', 'args'],
    [['tini', '--', '/usr/local/bin/docker-entrypoint.sh'], 'entrypoint', 'args'],
    [['/bin/bash', '/usr/local/bin/docker-entrypoint.sh'], 'entrypoint', 'args'],
    [['/srv/server'], 'try', 'args'],
    [['sh', '-c', 'exec python serve.py'], 'try', 'args'],
  ])('%j: %s (%s)', (ep, how, form) => {
    const plan = planInvocation(image(ep), {
      path: '/usr/local/bin/docker-entrypoint.sh',
      facts: ENTRY,
    })
    expect([plan.how, plan.form]).toEqual([how, form])
    expect(plan.reason).not.toBe('')
  })

  it('reads the script it can: one that never runs its arguments is replaced, one that reads them is tried', () => {
    const at = (text: string) =>
      planInvocation(image(['/e.sh']), { path: '/e.sh', facts: readScript(text) }).how
    expect(at('#!/bin/sh\nexec python serve.py\n')).toBe('replaced')
    expect(at('#!/bin/sh\nif [ "$1" = serve ]; then exec gunicorn app; fi\n')).toBe('try')
    expect(at('#!/bin/sh\nexec gosu app "$@"\n')).toBe('entrypoint')
    expect(at('#!/bin/bash\nsource /opt/venv/bin/activate\n"$@"\n')).toBe('entrypoint')
    // A script the plan cannot see (image mode, a file the base image brought): tried.
    expect(planInvocation(image(['/e.sh']), null).how).toBe('try')
  })

  it('lets the python input replace an interpreter ENTRYPOINT, and go through a wrapper', () => {
    expect(planInvocation(image(['python3']), null, '/opt/venv/bin/python').how).toBe('replaced')
    expect(planInvocation(image(['tini', '--']), null, '/opt/venv/bin/python').how).toBe(
      'entrypoint',
    )
  })
})

describe('what an ENTRYPOINT script does', () => {
  it('finds the venvs it activates or puts on PATH, its shell, and CRLF line endings', () => {
    const facts = readScript(
      '#!/usr/bin/env bash\r\n# . /not/this/bin/activate\r\nsource "/opt/venv/bin/activate"\r\nexport PATH=/srv/env/bin:$PATH\r\nexec "$@"\r\n',
    )
    expect(facts).toEqual({
      execsArgs: true,
      usesArgs: true,
      venvs: ['/opt/venv', '/srv/env'],
      shebang: 'bash',
      crlf: true,
    })
    expect(readScript('#!/bin/sh\nexec python serve.py\n')).toMatchObject({
      execsArgs: false,
      usesArgs: false,
      shebang: '/bin/sh',
    })
  })

  it('is found from the COPY that put it where the ENTRYPOINT points, relative paths made absolute', () => {
    const files: Record<string, string> = {
      'docker/entry.sh': '#!/bin/sh\n. .venv/bin/activate\nexec "$@"\n',
    }
    const model = parseDockerfile({
      dockerfile: [
        'FROM python:3.11-slim',
        'WORKDIR /app',
        'COPY docker/entry.sh ./',
        'ENTRYPOINT ["./entry.sh"]',
      ].join('\n'),
      file: 'Dockerfile',
      readContext: (p) => files[p] ?? null,
      showContext: (p) => p,
    })
    const script = entrypointScript(
      model,
      (p) => files[p] ?? null,
      (p) => p,
    )
    expect(script).toMatchObject({
      path: '/app/entry.sh',
      file: 'docker/entry.sh',
      copy: { line: 3 },
      facts: { execsArgs: true, venvs: ['/app/.venv'] },
    })
  })
})

describe('the command in each form', () => {
  const spec = { tag: 't', platform: 'linux/arm64', name: 'c1', runId: 'r1', train: true }
  const kept = (form: 'args' | 'shell' | 'shell-c' | 'python') => ({ keep: true, form })

  it('follows a kept ENTRYPOINT with the command, and gives it back what wrappers need to drop root', () => {
    const args = smokeCommand(spec, kept('args'))
    expect(args).not.toContain('--entrypoint')
    expect(args.slice(args.indexOf('t'))).toEqual([
      't',
      'sh',
      '-c',
      expect.any(String),
      'sh',
      'train',
    ])
    for (const cap of ENTRYPOINT_CAPS) expect(args.join(' ')).toContain(`--cap-add ${cap}`)
    expect(args).toContain('no-new-privileges')
    expect(smokeCommand(spec, kept('python')).slice(-3)).toEqual(['t', '-', 'train'])
    expect(smokeCommand(spec, kept('shell')).slice(-2)).toEqual(['t', findPythonLine(['train'])])
    expect(smokeCommand(spec, kept('shell-c')).slice(-3)).toEqual([
      't',
      '-c',
      findPythonLine(['train']),
    ])
    // Replaced: no capability back.
    expect(smokeCommand(spec).join(' ')).not.toContain('--cap-add')
  })

  it('runs the team command through the ENTRYPOINT as the import ran', () => {
    const c = { ...spec, command: 'pytest -q' }
    expect(runCommand(c, kept('args')).slice(-4)).toEqual(['t', 'sh', '-c', 'pytest -q'])
    expect(runCommand(c, kept('shell')).slice(-2)).toEqual(['t', 'pytest -q'])
    // An interpreter ENTRYPOINT takes scripts, not shell lines: the shell replaces it.
    expect(runCommand(c, kept('python')).slice(-5)).toEqual([
      '--entrypoint',
      'sh',
      't',
      '-c',
      'pytest -q',
    ])
    expect(
      through({ how: 'replaced', entrypoint: ['python', 'app.py'], reason: '', form: 'args' }).keep,
    ).toBe(false)
  })

  it('writes the arguments into the one-string form so that sh reads them back', () => {
    const line = findPythonLine(['train', "it's"])
    const out = execFileSync(
      'sh',
      ['-c', line.replace(/exec "\$p" (.*?); fi/, 'printf "%s|" "$p" $1; exit 0; fi'), 'sh'],
      {
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '' },
      },
    )
    expect(out).toMatch(/^python3?\|-\|train\|it's\|$/)
  })
})

describe('the two ways, compared', () => {
  const stages = (importStatus: 'passed' | 'failed') =>
    ({ import: { status: importStatus } }) as unknown as Stages
  const ep = ['/usr/local/bin/docker-entrypoint.sh']
  it('says when TensorFlow imports only through the ENTRYPOINT, or only without it', () => {
    const only = invocationNote({
      stages: stages('passed'),
      invocation: {
        how: 'entrypoint',
        entrypoint: ep,
        reason: 'r',
        bypassed: { imported: false, line: "No module named 'tensorflow'" },
      },
    })
    expect(only).toMatch(/imports only through the ENTRYPOINT .*No module named 'tensorflow'/)
    const breaks = invocationNote({
      stages: stages('failed'),
      invocation: {
        how: 'entrypoint',
        entrypoint: ep,
        reason: 'r',
        bypassed: { imported: true, line: null },
      },
    })
    expect(breaks).toMatch(/the ENTRYPOINT breaks it/)
    expect(
      invocationNote({
        stages: stages('passed'),
        invocation: {
          how: 'entrypoint',
          entrypoint: ep,
          reason: 'r',
          bypassed: { imported: true, line: null },
        },
      }),
    ).toBeNull()
  })
})

describe('the invocation in results, report mode and the comment', () => {
  const raw = () =>
    JSON.parse(readFileSync(fixturePath('results/tf-app.json'), 'utf8')) as Record<
      string,
      unknown
    > & {
      platforms: Record<string, unknown>[]
    }
  const kept = {
    how: 'entrypoint',
    entrypoint: ['/usr/local/bin/docker-entrypoint.sh'],
    reason: 'the ENTRYPOINT script ends by running its arguments (exec "$@")',
    bypassed: { imported: false, line: "ModuleNotFoundError: No module named 'tensorflow'" },
  }

  it('is kept by report mode as written, and shown with the way the two differ', () => {
    const doc = raw()
    doc.platforms[0]!.invocation = kept
    const r = validateResults(doc, 'results.json')
    expect(r.platforms[0]!.invocation).toEqual(kept)
    const body = renderReport(r)
    expect(body).toContain("checked through the image's ENTRYPOINT")
    expect(body).toContain('TensorFlow imports only through the ENTRYPOINT')
  })

  it('refuses a way it does not know, naming the field', () => {
    const doc = raw()
    doc.platforms[0]!.invocation = { ...kept, how: 'magic' }
    expect(() => validateResults(doc, 'results.json')).toThrow(/platforms\[0\]\.invocation\.how/)
  })
})
