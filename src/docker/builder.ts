export interface BuilderInfo {
  name: string
  driver: string
  platforms: string[]
}

/** Parses `docker buildx inspect` (buildx 0.10 and later print the same key: value layout). */
export function parseBuilderInspect(text: string): BuilderInfo {
  const value = (key: string): string => {
    const line = text.split('\n').find((l) => l.startsWith(`${key}:`))
    return line ? line.slice(key.length + 1).trim() : ''
  }
  const platforms = new Set<string>()
  for (const line of text.split('\n')) {
    if (!line.startsWith('Platforms:')) continue
    for (const p of line.slice('Platforms:'.length).split(',')) {
      const t = p.trim().replace(/\*$/, '')
      if (t) platforms.add(t)
    }
  }
  return { name: value('Name'), driver: value('Driver'), platforms: [...platforms] }
}
