import type { Git } from './git.js'

/** What a revision resolved to before fetching. */
export interface Target {
  /** Fully qualified ref the revision names (`refs/heads/main`), '' for a SHA. */
  ref: string
  /** The object to ask the server for: a branch tip, a tag object, or the SHA given. */
  want?: string
  /** The commit that will be checked out, when known before fetching (tags peeled). */
  commit?: string
  /** Local ref to store the fetched object under, so the checkout has a name. */
  localRef?: string
  /** A branch name: checked out as a local branch, as `git clone` does. */
  branch?: string
  /** An abbreviated SHA: only resolvable after fetching history. */
  abbreviated?: string
}

const FULL_SHA = /^([0-9a-f]{40}|[0-9a-f]{64})$/i
const SHORT_SHA = /^[0-9a-f]{4,39}$/i

export function isFullSha(revision: string | undefined): boolean {
  return revision !== undefined && FULL_SHA.test(revision)
}

/** Parses `git ls-remote` output into ref → oid, with `^{}` peeled lines under `ref^{}`. */
export function parseLsRemote(text: string): { refs: Map<string, string>; symrefs: Map<string, string> } {
  const refs = new Map<string, string>()
  const symrefs = new Map<string, string>()
  for (const line of text.split('\n')) {
    const sym = /^ref: (\S+)\t(\S+)$/.exec(line)
    if (sym) {
      symrefs.set(sym[2]!, sym[1]!)
      continue
    }
    const m = /^([0-9a-f]{40,64})\t(\S+)$/.exec(line)
    if (m) refs.set(m[2]!, m[1]!)
  }
  return { refs, symrefs }
}

function localRefFor(ref: string): string {
  if (ref.startsWith('refs/heads/')) return `refs/remotes/origin/${ref.slice('refs/heads/'.length)}`
  return ref
}

function targetFor(ref: string, refs: Map<string, string>): Target {
  const want = refs.get(ref)!
  return {
    ref,
    want,
    // A tag without a peeled line is lightweight: it names the commit itself.
    commit: refs.get(`${ref}^{}`) ?? want,
    localRef: localRefFor(ref),
    ...(ref.startsWith('refs/heads/') ? { branch: ref.slice('refs/heads/'.length) } : {})
  }
}

/** Thrown when no ref matches; the caller turns it into a source error. */
export class RevisionNotFound extends Error {
  override name = 'RevisionNotFound'
}

/**
 * Resolves a revision with at most one `ls-remote` (none for a full SHA). Branches win over tags
 * of the same name, as `git clone --branch` does.
 */
export async function resolveRevision(git: Git, cwd: string, revision: string | undefined, env: Record<string, string>): Promise<Target> {
  if (revision !== undefined && FULL_SHA.test(revision)) return { ref: '', want: revision.toLowerCase(), commit: revision.toLowerCase() }
  if (revision === undefined) {
    const out = await git.exec(['ls-remote', '--symref', 'origin', 'HEAD'], { cwd, env })
    const { refs, symrefs } = parseLsRemote(out.stdout)
    const head = symrefs.get('HEAD')
    const oid = refs.get('HEAD')
    if (!oid) throw new RevisionNotFound('the remote has no default branch (HEAD): it is empty, or set `revision`')
    if (!head) return { ref: '', want: oid, commit: oid }
    return targetFor(head, new Map([[head, oid]]))
  }
  const candidates = revision.startsWith('refs/') ? [revision] : [`refs/heads/${revision}`, `refs/tags/${revision}`]
  // Protocol v2 only reports a tag's peeled commit when `TAG^{}` is asked for by name.
  const patterns = candidates.flatMap((c) => (c.startsWith('refs/tags/') ? [c, `${c}^{}`] : [c]))
  const out = await git.exec(['ls-remote', 'origin', ...patterns], { cwd, env })
  const { refs } = parseLsRemote(out.stdout)
  const found = candidates.find((c) => refs.has(c))
  if (found) return targetFor(found, refs)
  if (SHORT_SHA.test(revision)) return { ref: '', abbreviated: revision.toLowerCase() }
  throw new RevisionNotFound(
    revision.startsWith('refs/') ? `the remote has no ref ${revision}` : `the remote has no branch or tag named "${revision}" (and it is not a SHA)`
  )
}
