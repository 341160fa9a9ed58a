/**
 * The patterns the spec's schema and the kinds both check, without the schema library: a kind
 * checks what other dialects' drafts say, and a run of one repository never loads zod.
 */

/**
 * A path inside a source (an entry point, a sparse directory, a subdirectory): relative, with no
 * `..` segment, `/` or `\` separated — a spec shared between runners must not name a path
 * outside what it fetches on any OS. A pattern, not a refinement, so the JSON Schema has it too.
 */
export const INSIDE_PATH = /^(?![\\/])(?![A-Za-z]:)(?!(?:.*[\\/])?\.\.(?:[\\/]|$)).+$/

/** The contract's allow-listed git flags; each is mapped to an option, anything else is refused. */
export const GIT_FLAG_PATTERN = /^(--depth[ =]\d+|--recurse-submodules|--shallow-submodules|--single-branch|--no-tags|--filter=\S+|--experimental-fetch)$/
