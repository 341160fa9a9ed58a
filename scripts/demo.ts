/**
 * `npm run demo`: builds a small local world (a directory used as a host_path "bucket" and a git
 * repository), then runs the built CLI (the same bundle the action runs) on examples/demo.yaml
 * and prints its outputs. Everything lives in .demo/ (git-ignored); nothing leaves the machine.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const demo = path.join(root, '.demo')
const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'demo',
      GIT_AUTHOR_EMAIL: 'demo@example.invalid',
      GIT_COMMITTER_NAME: 'demo',
      GIT_COMMITTER_EMAIL: 'demo@example.invalid'
    }
  }).trim()

fs.rmSync(demo, { recursive: true, force: true })
fs.mkdirSync(path.join(demo, 'bucket', 'images'), { recursive: true })
fs.mkdirSync(path.join(demo, 'workspace'), { recursive: true })
fs.writeFileSync(path.join(demo, 'bucket', 'labels.csv'), 'id,label\n1,cat\n2,dog\n')
fs.writeFileSync(path.join(demo, 'bucket', 'images', 'cat.png'), 'not really a png\n')
fs.writeFileSync(path.join(demo, 'bucket', 'README.txt'), 'not selected by the spec\n')

const repo = path.join(demo, 'repo')
fs.mkdirSync(repo)
git(repo, 'init', '-q', '-b', 'main')
fs.writeFileSync(path.join(repo, 'train.py'), 'print("training on data/labels.csv")\n')
git(repo, 'add', '.')
git(repo, 'commit', '-q', '-m', 'first')
fs.writeFileSync(path.join(repo, 'model.py'), 'LAYERS = 3\n')
git(repo, 'add', '.')
git(repo, 'commit', '-q', '-m', 'second')
const head = git(repo, 'rev-parse', 'HEAD')

const catalog = `- name: demo-repo\n  kind: git\n  schema: {url: "file://${repo.split(path.sep).join('/')}"}\n`
const cli = path.join(root, 'bin', 'fetch-sources.js')
const args = [
  cli,
  '--spec',
  path.join(root, 'examples', 'demo.yaml'),
  `--connections=${catalog}`,
  '--workspace',
  path.join(demo, 'workspace'),
  '--lock-file',
  path.join(demo, 'sources.lock.json')
]
console.error(`$ fetch-sources --spec examples/demo.yaml --workspace .demo/workspace  (repo HEAD ${head.slice(0, 12)})\n`)
const run = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' })
process.stdout.write(run.stdout)
if (run.status !== 0) process.exit(run.status ?? 1)
const outputs = JSON.parse(run.stdout) as { commit?: string }
console.error(outputs.commit === head ? `\n✓ commit output equals the repository's HEAD (${head})` : `\n✗ commit ${outputs.commit} is not HEAD ${head}`)
process.exit(outputs.commit === head ? 0 : 1)
