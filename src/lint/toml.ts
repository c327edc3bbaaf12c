import { type AST, getStaticTOMLValue, parseTOML } from 'toml-eslint-parser'

// A TOML file read with a real parser that keeps where each value is written: the values as
// plain data, and the line of a key or of each string of an array, by the key's full path. A
// path is that of the parsed document, so a commented-out line or another table cannot match.

export interface TomlDocument {
  data: Record<string, unknown>
  /** The strings of the array at a key path, each with its 1-based line; [] if none. */
  strings: (path: string[]) => { value: string; line: number }[]
  /** The 1-based line of a key (or of the [table] header that names it); null if none. */
  keyLine: (path: string[]) => number | null
  /** A line of the text, 1-based. */
  lineText: (line: number) => string | null
}

const keysOf = (k: AST.TOMLKey): string[] =>
  k.keys.map((x) => (x.type === 'TOMLBare' ? x.name : x.value))

/** The document, or null when the text is not TOML. */
export function tomlDocument(text: string): TomlDocument | null {
  let program: AST.TOMLProgram
  let data: unknown
  try {
    program = parseTOML(text)
    data = getStaticTOMLValue(program)
  } catch {
    return null
  }
  // Every key written, by its full path: dotted keys, [table] prefixes and inline tables.
  const keys = new Map<string, { line: number; value: AST.TOMLContentNode | null }>()
  const id = (path: (string | number)[]): string => JSON.stringify(path)
  const visit = (prefix: (string | number)[], kv: AST.TOMLKeyValue): void => {
    const path = [...prefix, ...keysOf(kv.key)]
    keys.set(id(path), { line: kv.key.loc.start.line, value: kv.value })
    if (kv.value.type === 'TOMLInlineTable') for (const c of kv.value.body) visit(path, c)
  }
  for (const node of program.body[0].body) {
    if (node.type === 'TOMLKeyValue') visit([], node)
    else {
      if (node.kind === 'standard' && !keys.has(id(node.resolvedKey)))
        keys.set(id(node.resolvedKey), { line: node.loc.start.line, value: null })
      for (const kv of node.body) visit(node.resolvedKey, kv)
    }
  }
  return {
    data: data as Record<string, unknown>,
    strings: (path) => {
      const node = keys.get(id(path))?.value
      if (node?.type !== 'TOMLArray') return []
      return node.elements.flatMap((e) =>
        e.type === 'TOMLValue' && e.kind === 'string'
          ? [{ value: e.value, line: e.loc.start.line }]
          : [],
      )
    },
    keyLine: (path) => keys.get(id(path))?.line ?? null,
    lineText: (line) => text.split(/\r?\n/)[line - 1] ?? null,
  }
}
