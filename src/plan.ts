import { createHash } from 'node:crypto'
import { kindOfUrl, kinds } from './fetchers/registry.js'
import type { Settings } from './inputs.js'
import { SPEC_EQUIVALENT } from './runspec/checkout-inputs.js'
import { checkoutTranslation, quickTranslation, type SingleSourceInputs } from './runspec/checkout.js'
import type { Connection, Plan, SourceBase } from './runspec/model.js'
import { earliestOverlaps } from './runspec/overlaps.js'
import { INSIDE_PATH } from './runspec/patterns.js'
import { buildSource, type SecretResolver } from './runspec/sources.js'
import type { Located, Translation } from './runspec/translation.js'
import { SpecError, SpecErrors } from './util/errors.js'
import { didYouMean } from './util/suggest.js'

/**
 * Spec + catalog + secrets → a fully checked plan. Collects every spec problem it can before
 * failing, so one run shows them all.
 */
export async function buildPlan(settings: Settings, secrets: SecretResolver, warn: (e: SpecError) => void): Promise<Plan> {
  const errors: SpecError[] = []
  let translation: Translation | undefined
  let specText: string
  let specFile: string | undefined
  const single: SingleSourceInputs = { checkout: settings.checkout, path: settings.path, serverUrl: settings.serverUrl, env: settings.env, secrets }
  if (settings.url) {
    if (settings.spec) throw new SpecError('give either the `spec` input or the `url` input (quick mode), not both')
    ;({ translation, text: specText } = quickTranslation({
      ...single,
      url: settings.url,
      revision: settings.revision,
      isGit: kindOfUrl(settings.url) === 'git'
    }))
  } else if (!settings.spec) {
    if (settings.revision) throw new SpecError('input `revision` is for quick mode (`url`); checkout mode takes `ref`')
    ;({ translation, text: specText } = checkoutTranslation(single))
  } else {
    refuseSourceInputs(settings)
    // Loaded for a spec only: checkout and quick mode (most runs of one repository) skip parsing yaml and the dialects.
    const [{ loadDocument }, { translate }] = await Promise.all([import('./runspec/load.js'), import('./runspec/dialects/index.js')])
    const doc = await loadDocument(settings.spec, settings.workspace, 'spec')
    specText = doc.text
    specFile = doc.file
    translation = translate(
      doc,
      errors,
      kinds.list.map((k) => k.kind)
    )
  }

  let catalogText = ''
  let inputCatalog: { connections: Array<Located<unknown>>; artifactsStore?: Located<unknown> } = { connections: [] }
  // Validating connections is what needs the schema library: loaded only when there are some.
  const validation = () => import('./connections/catalog.js')
  if (settings.connections) {
    const [{ loadDocument }, { catalogEntries }] = await Promise.all([import('./runspec/load.js'), validation()])
    const doc = await loadDocument(settings.connections, settings.workspace, 'connections')
    catalogText = doc.text
    inputCatalog = catalogEntries(doc)
  }
  if (!translation) throw errors.length === 1 ? errors[0]! : new SpecErrors(errors)
  for (const w of translation.warnings) warn(w)

  const storeEntry: Located<unknown> | undefined = translation.artifactsStore ?? inputCatalog.artifactsStore
  let catalog = new Map<string, Connection>()
  let artifactsStore: string | undefined
  if (translation.connections.length || inputCatalog.connections.length || storeEntry) {
    const { buildCatalog, parseConnection } = await validation()
    catalog = buildCatalog(translation.connections, inputCatalog.connections, kinds, errors)
    if (storeEntry) {
      const store = parseConnection(storeEntry, kinds, errors)
      if (store) {
        artifactsStore = store.name
        if (!catalog.has(store.name)) catalog.set(store.name, store)
      }
    }
  }

  const sources: SourceBase[] = []
  for (const draft of translation.sources) {
    try {
      sources.push(buildSource(draft, { catalog, workspace: settings.workspace, secrets, kinds, ...(artifactsStore ? { artifactsStore } : {}) }))
    } catch (e) {
      if (e instanceof SpecError) errors.push(e)
      else throw e
    }
  }
  checkSources(sources, errors)

  for (const name of translation.exposeConnections) {
    if (!catalog.has(name))
      errors.push(
        new SpecError(`run.connections names unknown connection "${name}"${didYouMean(name, catalog.keys())}`, specFile ? { file: specFile } : undefined)
      )
  }
  if (errors.length) throw errors.length === 1 ? errors[0]! : new SpecErrors(errors)

  const selected = selectOnly(sources, settings.only)
  const plan: Plan = {
    dialect: translation.dialect,
    detectedBy: translation.detectedBy,
    specDigest: 'sha256:' + createHash('sha256').update(specText).update('\0').update(catalogText).digest('hex'),
    sources: selected,
    exposeConnections: translation.exposeConnections,
    connections: [...catalog.values()]
  }
  if (specFile) plan.specFile = specFile
  if (translation.entrypoint) {
    const { value, doc, path } = translation.entrypoint
    // The native schema refuses it already; this holds for what every dialect translates.
    if (!INSIDE_PATH.test(value))
      throw new SpecError(`entry point "${value}" is not a path inside its source: relative, without ".." segments`, doc.locate(path))
    const primary = primaryOf(sources)
    if (!primary) throw new SpecError('`entrypoint` needs a source to be inside', doc.locate(path))
    plan.entrypoint = { source: primary.name, path: value }
  }
  return plan
}

/** The primary source: `primary: true`, else the first git source, else the first source. */
export function primaryOf<S extends SourceBase>(sources: S[]): S | undefined {
  return sources.find((s) => s.primary) ?? sources.find((s) => s.kind === 'git') ?? sources[0]
}

/** A spec says per source what checkout's source-level inputs say for checkout and quick mode. */
function refuseSourceInputs(settings: Settings): void {
  const set = [...settings.checkout.set, ...(settings.path ? ['path'] : []), ...(settings.revision ? ['revision'] : [])]
  if (!set.length) return
  const equivalent = (n: string) => SPEC_EQUIVALENT[n] ?? (n === 'path' ? "the source's `path`" : '`git: {revision: …}`')
  throw new SpecError(
    `input${set.length > 1 ? 's' : ''} ${set.map((n) => `\`${n}\``).join(', ')} shape${set.length > 1 ? '' : 's'} the one source of checkout or quick mode, not a spec's sources: ` +
      set.map((n) => `for \`${n}\` write ${equivalent(n)}`).join('; ')
  )
}

function checkSources(sources: SourceBase[], errors: SpecError[]): void {
  const names = new Map<string, SourceBase>()
  for (const s of sources) {
    const other = names.get(s.name)
    if (other) errors.push(new SpecError(`source name "${s.name}" is used twice (also at line ${other.origin.line}): give one a different \`name:\``, s.origin))
    else names.set(s.name, s)
  }
  const roots = checkRoot(sources, errors)
  // Each source that overlaps earlier ones is reported once, naming the earliest of them.
  const overlaps = earliestOverlaps(sources.map((s) => s.dest))
  for (const [i, j] of [...overlaps].sort((x, y) => x[0] - y[0])) {
    if (roots.has(sources[i]!) || roots.has(sources[j]!)) continue
    const [a, b] = [sources[i]!, sources[j]!]
    errors.push(
      new SpecError(
        `destination "${a.relPath}" of source "${a.name}" overlaps "${b.relPath}" of source "${b.name}": each source lands whole in its own directory`,
        a.origin
      )
    )
  }
  const primaries = sources.filter((s) => s.primary)
  if (primaries.length > 1)
    errors.push(new SpecError(`only one source can be \`primary: true\`; found ${primaries.map((s) => `"${s.name}"`).join(', ')}`, primaries[1]!.origin))
}

/**
 * The workspace root holds one git checkout, as actions/checkout's default path does: it is
 * updated in place or replaced entry by entry (the workspace itself cannot be renamed), and its
 * clean on a re-run removes whatever is not tracked, so nothing else may land inside it.
 */
function checkRoot(sources: SourceBase[], errors: SpecError[]): Set<SourceBase> {
  const roots = new Set(sources.filter((s) => s.relPath === '.'))
  for (const root of roots) {
    if (root.kind !== 'git')
      errors.push(
        new SpecError(
          `destination "." of source "${root.name}" is the workspace root, which only a git source may use (a checkout, as actions/checkout's): a ${root.kind} source lands whole by renaming its directory, so give it a subdirectory \`path:\``,
          root.origin
        )
      )
  }
  const [first] = roots
  if (!first) return roots
  for (const other of sources) {
    if (other === first) continue
    const inside = roots.has(other) ? 'also the workspace root' : `inside the workspace root`
    errors.push(
      new SpecError(
        `destination "${other.relPath}" of source "${other.name}" is ${inside}, where source "${first.name}" checks out its repository: a checkout at the root holds that repository alone (a re-run cleans what it does not track, as actions/checkout does). Give "${first.name}" a \`path:\` of its own, or fetch "${other.name}" in another step`,
        other.origin
      )
    )
  }
  return roots
}

function selectOnly(sources: SourceBase[], only: string[]): SourceBase[] {
  if (only.length === 0) return sources
  const names = sources.map((s) => s.name)
  const known = new Set(names)
  const unknown = only.filter((n) => !known.has(n))
  if (unknown.length) {
    throw new SpecError(
      `input \`only\` names unknown source${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `"${n}"${didYouMean(n, names)}`).join(', ')}; sources are: ${names.length > 20 ? `${names.slice(0, 20).join(', ')}, … (${names.length} in all)` : names.join(', ')}`
    )
  }
  const wanted = new Set(only)
  return sources.filter((s) => wanted.has(s.name))
}
