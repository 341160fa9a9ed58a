import { LineCounter, parseDocument, isMap, isSeq, isScalar, isPair, type Document, type Node } from 'yaml'
import { SpecError, type SourceLocation } from '../util/errors.js'

export type DocPath = ReadonlyArray<string | number>

/** `sources[1].git.revision` */
export function formatPath(path: DocPath): string {
  let out = ''
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg
  return out
}

/**
 * A parsed YAML document that can say where any path inside it is, so every error names the file,
 * line and column the user has to edit.
 */
export class SpecDocument {
  private constructor(
    readonly file: string,
    readonly text: string,
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter
  ) {}

  static parse(text: string, file: string): SpecDocument {
    const lines = new LineCounter()
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true, version: '1.2' })
    const problem = doc.errors[0]
    if (problem) {
      const pos = problem.linePos?.[0]
      throw new SpecError(`invalid YAML: ${problem.message.split('\n')[0]}`, {
        file,
        line: pos?.line,
        column: pos?.col
      })
    }
    return new SpecDocument(file, text, doc, lines)
  }

  /** Plain JS value of the document (`null` for an empty document). */
  toJS(): unknown {
    try {
      return this.doc.toJS({ maxAliasCount: 100 }) ?? null
    } catch (e) {
      // Unresolved aliases and alias bombs only surface here, not as parse errors.
      throw new SpecError(`invalid YAML: ${(e as Error).message}`, { file: this.file, line: 1, column: 1 })
    }
  }

  /**
   * Location of the node at `path`; with `key`, the location of that key inside the map at `path`
   * (for "unknown key" errors). Falls back to the nearest ancestor that exists.
   */
  locate(path: DocPath, key?: string): SourceLocation {
    let node: unknown = this.doc.contents
    let found: Node | undefined = this.doc.contents ?? undefined
    for (const seg of path) {
      const next = isMap(node) || isSeq(node) ? node.get(seg as never, true) : undefined
      if (next === undefined) break
      node = next
      found = next as Node
    }
    if (key !== undefined && isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key)
      if (pair && isScalar(pair.key)) found = pair.key
    }
    const offset = found?.range?.[0]
    const pos = offset === undefined ? undefined : this.lines.linePos(offset)
    const full = key !== undefined ? [...path, key] : path
    return { file: this.file, line: pos?.line, column: pos?.col, path: formatPath(full) || undefined }
  }

  error(message: string, path: DocPath, key?: string): SpecError {
    return new SpecError(message, this.locate(path, key))
  }
}
