import { createSecret, valueOf } from '../../src/connections/secret.js'
import type { SecretHandle } from '../../src/runspec/model.js'

/** A secret as the store makes it (found in the `secrets` input), for unit tests of the readers. */
export function secretOf(raw: string, name = 'secret'): SecretHandle {
  return createSecret(name, 'secrets input', raw)
}

/** What a handle holds, for assertions: the raw value and its keys. */
export function rawOf(secret: SecretHandle | undefined): string | undefined {
  return secret ? valueOf(secret).raw : undefined
}

export function fieldsOf(secret: SecretHandle | undefined): Record<string, string> | undefined {
  return secret ? valueOf(secret).fields : undefined
}
