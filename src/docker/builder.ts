export interface BuilderNode {
  /** The node's name (a docker-container builder's container is buildx_buildkit_<name>). */
  name: string
  /** running, inactive (not booted yet), stopped, error ... as buildx says it. */
  status: string
  /** The node's BuildKit version (0.25.2); null when it does not say (not booted, a dev build). */
  buildkit: string | null
  /** What buildx could not ask the node, in its words (a paused container: "... is paused ..."). */
  error: string | null
}

export interface BuilderInfo {
  name: string
  driver: string
  platforms: string[]
  nodes: BuilderNode[]
}

/** `v0.25.2` -> 0.25.2; a build without a release version (`v0.0.0+unknown`, `v0.8+unknown`) says nothing. */
function buildkitVersion(text: string): string | null {
  const v = /^v?(\d+\.\d+\.\d+)/.exec(text.trim())?.[1] ?? null
  return v === '0.0.0' ? null : v
}

/** One line's value, by its key (`Status:  running` -> running). */
function valueOf(lines: string[], ...keys: string[]): string {
  for (const line of lines)
    for (const key of keys) if (line.startsWith(`${key}:`)) return line.slice(key.length + 1).trim()
  return ''
}

/**
 * Parses `docker buildx inspect` (buildx 0.10 and later print the same key: value layout; the
 * BuildKit version is `BuildKit version:` since 0.11, `Buildkit:` before).
 */
export function parseBuilderInspect(text: string): BuilderInfo {
  const lines = text.split('\n')
  const nodesAt = lines.findIndex((l) => l.trim() === 'Nodes:')
  const head = nodesAt < 0 ? lines : lines.slice(0, nodesAt)
  const blocks: string[][] = []
  for (const line of nodesAt < 0 ? [] : lines.slice(nodesAt + 1)) {
    if (line.startsWith('Name:')) blocks.push([])
    blocks[blocks.length - 1]?.push(line)
  }
  const platforms = new Set<string>()
  for (const line of lines) {
    if (!line.startsWith('Platforms:')) continue
    for (const p of line.slice('Platforms:'.length).split(',')) {
      const t = p.trim().replace(/\*$/, '')
      if (t) platforms.add(t)
    }
  }
  return {
    name: valueOf(head, 'Name'),
    driver: valueOf(head, 'Driver'),
    platforms: [...platforms],
    nodes: blocks.map((b) => ({
      name: valueOf(b, 'Name'),
      status: valueOf(b, 'Status'),
      buildkit: buildkitVersion(valueOf(b, 'BuildKit version', 'Buildkit')),
      error: valueOf(b, 'Error') || null,
    })),
  }
}

/** The builder's BuildKit version: its first node's that says one. */
export function builderBuildkit(b: Pick<BuilderInfo, 'nodes'>): string | null {
  return b.nodes.find((n) => n.buildkit)?.buildkit ?? null
}

/** The container a docker-container builder's node runs BuildKit in; null for other drivers. */
export function buildkitContainer(b: Pick<BuilderInfo, 'driver' | 'nodes'>): string | null {
  const node = b.nodes[0]
  return b.driver === 'docker-container' && node ? `buildx_buildkit_${node.name}` : null
}
