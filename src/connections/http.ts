import type { SecretHandle } from '../runspec/model.js'
import { FetchError } from '../util/errors.js'
import { passwordHalf, secretField, valueOf } from './secret.js'

/**
 * `Authorization` for an http source from its secret: `user:password` (or USERNAME/PASSWORD keys)
 * for basic auth, else a bearer token (the raw value or TOKEN). The header's new forms are masked.
 */
export function httpAuthorization(source: string, secret: SecretHandle | undefined): string | undefined {
  if (!secret) return undefined
  const { raw, fields, mask } = valueOf(secret)
  const user = secretField(secret, 'USERNAME', 'user')
  const password = secretField(secret, 'PASSWORD', 'password')
  const token = secretField(secret, 'TOKEN', 'BEARER_TOKEN', 'token')
  let basic: string | undefined
  if (user && password) basic = `${user}:${password}`
  else if (!fields && passwordHalf(raw)) basic = raw.trim()
  if (basic) {
    const encoded = Buffer.from(basic).toString('base64')
    // The secret and its password half are masked already (store.ts); the base64 form is new.
    mask(encoded)
    return `Basic ${encoded}`
  }
  const bearer = token ?? (fields ? undefined : raw.trim())
  if (!bearer) throw new FetchError(source, `secret "${secret.name}" has no TOKEN or USERNAME/PASSWORD for http`, { permanent: true })
  return `Bearer ${bearer}`
}
