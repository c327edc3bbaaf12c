import { diagnosis, type Finding } from '../diagnosis.js'
import { execFormShell as execFormFix, venvOnPath } from '../advice.js'
import type { DockerfileModel } from './model.js'
import { isTensorFlow } from './requirements.js'
import { everywhere, type LintContext } from './rule.js'

// How the built image runs: a CMD/ENTRYPOINT that needs a shell it does not get, and a venv that
// the image's python never uses.

/** Exec-form CMD / ENTRYPOINT with shell syntax. */
export function execFormShell(model: DockerfileModel): Finding[] {
  const out: Finding[] = []
  for (const c of model.cmds) {
    const first = c.args?.[0]
    if (!c.args || first === undefined) continue
    const joined = c.args.join(' ')
    if (
      /^(\.|source)(\s|$)/.test(first) ||
      /&&|\|\||(^|\s)(\.|source)\s+\S*activate/.test(joined) ||
      /\$\{?[A-Za-z_]/.test(joined)
    ) {
      out.push(
        everywhere(
          diagnosis(
            'exec-form-shell',
            `${c.keyword} ${JSON.stringify(c.args)} is exec form: Docker runs "${first}" as a program, with no shell to understand ". activate", "&&" or "$VARS"; the container fails with exec: "${first.split(' ')[0]}": executable file not found.`,
            execFormFix(c.keyword),
            c,
          ),
        ),
      )
    }
  }
  return out
}

/** Venvs that the image's python never uses: TensorFlow's, and activations that end their RUN. */
export function venvsOffPath(model: DockerfileModel, { entrypoint }: LintContext): Finding[] {
  const out: Finding[] = []
  // A venv the ENTRYPOINT script activates is the one every command run through it uses.
  const pathHas = (venv: string): boolean =>
    model.paths.some((p) =>
      p.value.split(':').some((x) => x.replace(/\/+$/, '') === `${venv}/bin`),
    ) ||
    (entrypoint?.facts.execsArgs === true && entrypoint.facts.venvs.includes(venv))
  const cmdUses = (venv: string): boolean =>
    model.cmds.some((c) => (c.args?.[0] ?? '').startsWith(`${venv}/bin/`))
  const reported = new Set<string>()
  // TensorFlow's venvs before the activations, because they share `reported`: a venv is reported
  // once, where TensorFlow goes into it, and not again where a RUN activates it.
  for (const r of model.requirements.filter((x) => isTensorFlow(x) && x.venv)) {
    const venv = r.venv!
    if (reported.has(venv) || pathHas(venv)) continue
    reported.add(venv)
    const viaCmd = cmdUses(venv)
      ? ` (the ${model.cmds.at(-1)?.keyword} calls ${venv}/bin/python, but docker run, tests and other entrypoints do not)`
      : ''
    out.push(
      everywhere(
        diagnosis(
          'venv-not-on-path',
          `TensorFlow is installed into the venv ${venv} (${r.file}:${r.line}), but PATH never includes ${venv}/bin, so the image's python is the system one and import tensorflow fails${viaCmd}.`,
          venvOnPath(venv),
          r.file === model.file
            ? r
            : (model.pipInstalls.find((x) => x.venv === venv) ??
                model.venvs.find((v) => v.path === venv) ??
                r),
        ),
      ),
    )
  }
  for (const a of model.danglingActivations) {
    if (reported.has(a.path) || pathHas(a.path)) continue
    reported.add(a.path)
    out.push(
      everywhere(
        diagnosis(
          'venv-not-on-path',
          `RUN . ${a.path}/bin/activate at line ${a.line} ends its RUN: the activation lasts only for that shell and does not carry over to later RUNs or to the container.`,
          `Replace it with ENV PATH="${a.path}/bin:$PATH".`,
          a,
        ),
      ),
    )
  }
  return out
}
