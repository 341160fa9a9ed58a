/**
 * What `uses:` means for the local runner. A local action (`uses: ./dir`) runs exactly as the
 * runner runs a JavaScript action: `node <runs.main>` with `INPUT_*` variables and the command
 * files, then `runs.post` at the end of the job. The GitHub-provided actions the reusable workflows
 * use have local stand-ins: `actions/checkout` copies a directory (the caller's repository, or the
 * one mapped to `repository@ref`), `actions/upload-artifact` / `actions/download-artifact` keep
 * artifacts in a directory with v4's layout (one directory per artifact for a `pattern`).
 */
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { parse } from 'yaml'
import { interpolate, toText } from './expressions.js'
import { readCommandFile, runProcess } from './process.js'
import type { ActionResult, StepIO, UsesHandler } from './types.js'

export interface LocalActionsOptions {
  /** The directory a checkout without `repository` copies (the caller's repository). */
  caller: string
  /** Directories for checkouts of other repositories, keyed `owner/name@ref`. */
  repositories: Record<string, string>
  /** Where uploaded artifacts are kept, one directory per artifact name. */
  artifacts: string
  /** The node binary that runs JavaScript actions (the runner's own node, 24 for `node24`). */
  node: string
}

interface ActionYaml {
  inputs?: Record<string, { default?: unknown; required?: boolean }>
  runs: { using: string; main: string; post?: string; 'post-if'?: string }
}

async function copyTree(from: string, to: string, sparse: string[]): Promise<void> {
  await fs.mkdir(to, { recursive: true })
  if (sparse.length === 0) {
    await fs.cp(from, to, { recursive: true, filter: (src) => path.basename(src) !== 'node_modules' })
    return
  }
  // Non-cone sparse patterns as the workflows write them: `/file` or `/dir/`.
  for (const pattern of sparse) {
    if (!/^\/[^*?[]+$/.test(pattern)) throw new Error(`sparse-checkout pattern \`${pattern}\` is not supported by the local runner`)
    const rel = pattern.replace(/^\/|\/$/g, '')
    await fs.cp(path.join(from, rel), path.join(to, rel), { recursive: true })
  }
}

async function checkout(o: LocalActionsOptions, w: Record<string, string>, io: StepIO): Promise<ActionResult> {
  const github = io.scope.contexts.github as Record<string, string>
  const repository = w.repository || github.repository!
  const ref = w.ref || github.sha!
  const own = !w.repository || w.repository === github.repository
  const from = own ? o.caller : o.repositories[`${repository}@${ref}`]
  if (!from) {
    io.log(`::error::no local copy of ${repository}@${ref} (known: ${Object.keys(o.repositories).join(', ') || 'none'})`)
    return { code: 1, outputs: {} }
  }
  const dest = path.resolve(io.dirs.workspace, w.path ?? '')
  const sparse = (w['sparse-checkout'] ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
  await copyTree(from, dest, sparse)
  io.log(`checked out ${repository}@${ref} (${from}) into ${dest}`)
  return { code: 0, outputs: { ref, commit: '' } }
}

async function upload(o: LocalActionsOptions, w: Record<string, string>, io: StepIO): Promise<ActionResult> {
  const name = w.name || 'artifact'
  const paths = (w.path ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
  if (paths.length !== 1 || /[*?[]/.test(paths[0]!)) throw new Error('the local upload-artifact takes one path without wildcards')
  const src = path.resolve(io.dirs.workspace, paths[0]!)
  const dest = path.join(o.artifacts, name)
  const exists = await fs.stat(src).then(
    () => true,
    () => false
  )
  if (!exists) {
    const level = w['if-no-files-found'] || 'warn'
    io.log(`::${level === 'error' ? 'error' : 'warning'}::No files were found with the provided path: ${paths[0]}`)
    return { code: level === 'error' ? 1 : 0, outputs: {} }
  }
  if (await fs.stat(dest).catch(() => null)) {
    io.log(`::error::an artifact named ${name} already exists in this run`)
    return { code: 1, outputs: {} }
  }
  await fs.mkdir(dest, { recursive: true })
  // A single file is stored at its base name; a directory's contents at the artifact root.
  const stat = await fs.stat(src)
  await fs.cp(src, stat.isDirectory() ? dest : path.join(dest, path.basename(src)), { recursive: true })
  io.log(`uploaded ${name}`)
  return { code: 0, outputs: { 'artifact-id': name } }
}

async function download(o: LocalActionsOptions, w: Record<string, string>, io: StepIO): Promise<ActionResult> {
  const dest = path.resolve(io.dirs.workspace, w.path || '.')
  const all = await fs.readdir(o.artifacts).catch(() => [] as string[])
  if (w.name) {
    if (!all.includes(w.name)) {
      io.log(`::error::Unable to download artifact(s): Artifact not found for name: ${w.name}`)
      return { code: 1, outputs: {} }
    }
    await fs.cp(path.join(o.artifacts, w.name), dest, { recursive: true })
    return { code: 0, outputs: { 'download-path': dest } }
  }
  const glob = new RegExp(
    `^${(w.pattern || '*')
      .replace(/[.+^${}()|\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`
  )
  const merge = w['merge-multiple'] === 'true'
  for (const name of all.filter((n) => glob.test(n)).sort()) {
    await fs.cp(path.join(o.artifacts, name), merge ? dest : path.join(dest, name), { recursive: true })
    io.log(`downloaded ${name}`)
  }
  await fs.mkdir(dest, { recursive: true })
  return { code: 0, outputs: { 'download-path': dest } }
}

/** A JavaScript action in the workspace (`uses: ./dir`), run as the runner runs it. */
async function localAction(o: LocalActionsOptions, uses: string, w: Record<string, string>, io: StepIO): Promise<ActionResult> {
  const dir = path.resolve(io.dirs.workspace, uses)
  const action = parse(await fs.readFile(path.join(dir, 'action.yml'), 'utf8')) as ActionYaml
  if (!/^node\d+$/.test(action.runs.using)) throw new Error(`${uses}: runs.using ${action.runs.using} is not supported by the local runner`)
  for (const name of Object.keys(w)) if (!(name in (action.inputs ?? {}))) io.log(`::warning::Unexpected input(s) '${name}'`)
  const inputEnv: Record<string, string> = {}
  for (const [name, def] of Object.entries(action.inputs ?? {})) {
    const value = name in w ? w[name]! : toText(interpolate(def.default ?? '', io.scope))
    inputEnv[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  }
  const env = { ...io.env, ...inputEnv }
  const code = await runProcess(o.node, [path.join(dir, action.runs.main)], { cwd: io.dirs.workspace, env, log: io.log })
  const outputs = await readCommandFile(io.env.GITHUB_OUTPUT!)
  const state = await readCommandFile(io.env.GITHUB_STATE!)
  if (action.runs.post) {
    const post = action.runs.post
    io.addPost(uses, async () => {
      const stateEnv: Record<string, string> = {}
      for (const [k, v] of Object.entries(state)) stateEnv[`STATE_${k}`] = v
      return runProcess(o.node, [path.join(dir, post)], { cwd: io.dirs.workspace, env: { ...env, ...stateEnv }, log: io.log })
    })
  }
  return { code, outputs }
}

export function localActions(o: LocalActionsOptions): UsesHandler {
  return async (uses, w, io) => {
    if (uses.startsWith('./')) return localAction(o, uses, w, io)
    const [name] = uses.split('@')
    if (name === 'actions/checkout') return checkout(o, w, io)
    if (name === 'actions/upload-artifact') return upload(o, w, io)
    if (name === 'actions/download-artifact') return download(o, w, io)
    throw new Error(`the local runner has no stand-in for \`${uses}\``)
  }
}
