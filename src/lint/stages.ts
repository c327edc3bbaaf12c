import type { BaseImage, DockerfileModel } from './model.js'

// Walking a parsed Dockerfile's stages: what a stage builds on, and what COPY --from names.

/**
 * The stage an index names, and the stages it builds on, final first (at most 50 hops). A FROM
 * names a stage only when that alias was defined earlier, so the chain always ends at an image.
 */
export function stageChain(
  model: DockerfileModel,
  stageIndex: number,
): DockerfileModel['stages'][number][] {
  const out: DockerfileModel['stages'][number][] = []
  let s = model.stages[stageIndex]
  for (let hops = 0; s && hops <= 50; hops++) {
    out.push(s)
    if (!s.from.stage) break
    const alias = s.from.stage.toLowerCase()
    s = model.stages.find((x) => x.from.alias?.toLowerCase() === alias)
  }
  return out
}

/** The stage that `COPY --from=<name>` reads: an alias or an index; null for an image. */
export function stageNamed(model: DockerfileModel, name: string): number | null {
  const byAlias = model.stages.find((x) => x.from.alias?.toLowerCase() === name.toLowerCase())
  if (byAlias) return byAlias.index
  return /^\d+$/.test(name) && Number(name) < model.stages.length ? Number(name) : null
}

/** The stage chain ends at an image: FROM builder AS runtime resolves to builder's base. */
export function baseOf(model: DockerfileModel, stageIndex: number): BaseImage | null {
  return stageChain(model, stageIndex).at(-1)?.from ?? null
}
