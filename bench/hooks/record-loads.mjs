// `node --import ./bench/hooks/record-loads.mjs …`: appends every module URL the run loads to
// $FS_BENCH_LOADS, so the bench can tell which bundle chunks a dry run parsed.
import { register } from 'node:module'

register('./record-loads-hooks.mjs', import.meta.url)
