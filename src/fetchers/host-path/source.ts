import type { Selection, SourceBase } from '../../runspec/model.js'

export interface HostPathSource extends SourceBase {
  kind: 'host_path'
  /** Absolute directory or file to copy from. */
  hostPath: string
  selection: Selection
  sync: boolean
}
