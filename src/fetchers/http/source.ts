import type { SourceBase } from '../../runspec/model.js'

export interface HttpSource extends SourceBase {
  kind: 'http'
  url: string
  unpack: boolean
  sha256?: string
  headers?: Record<string, string>
}
