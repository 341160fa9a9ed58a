/**
 * GitHub Actions expressions (`${{ … }}`), evaluated the way the runner does, for running the
 * reusable workflows locally: literals, context property access (`a.b-c`, `a['b']`, `a[0]`), `!`,
 * comparisons, `==`/`!=` with GitHub's loose equality (case-insensitive strings, numeric coercion
 * across types), `&&`/`||` returning an operand, and the documented functions except `hashFiles`.
 * Anything else is an error, so a workflow that uses more than this fails loudly, not silently.
 */

export type Value = null | boolean | number | string | Value[] | { [key: string]: Value }

/** Job status for the status functions: `success()`, `failure()`, `cancelled()`, `always()`. */
export type Status = 'success' | 'failure' | 'cancelled'

export interface Scope {
  contexts: Record<string, Value>
  status: Status
}

type Token = { t: 'num'; v: number } | { t: 'str'; v: string } | { t: 'id'; v: string } | { t: 'op'; v: string }

function tokenize(src: string): Token[] {
  const out: Token[] = []
  let i = 0
  while (i < src.length) {
    const c = src[i]!
    if (/\s/.test(c)) i++
    else if (c === "'") {
      let s = ''
      for (i++; ; i++) {
        if (i >= src.length) throw new Error(`unterminated string in \`${src}\``)
        if (src[i] === "'" && src[i + 1] === "'") {
          s += "'"
          i++
        } else if (src[i] === "'") break
        else s += src[i]
      }
      i++
      out.push({ t: 'str', v: s })
    } else if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^-?(0x[0-9a-f]+|[0-9]*\.?[0-9]+(e[+-]?[0-9]+)?)/i.exec(src.slice(i))!
      out.push({ t: 'num', v: Number(m[0]) })
      i += m[0].length
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(src.slice(i))!
      out.push({ t: 'id', v: m[0] })
      i += m[0].length
    } else {
      const op = ['<=', '>=', '==', '!=', '&&', '||'].find((o) => src.startsWith(o, i)) ?? c
      if (!['<=', '>=', '==', '!=', '&&', '||', '<', '>', '!', '(', ')', '[', ']', '.', ',', '*'].includes(op)) {
        throw new Error(`unexpected \`${c}\` in \`${src}\``)
      }
      out.push({ t: 'op', v: op })
      i += op.length
    }
  }
  return out
}

export function truthy(v: Value): boolean {
  return !(v === null || v === false || v === 0 || v === '' || Number.isNaN(v))
}

function toNumber(v: Value): number {
  if (v === null) return 0
  if (typeof v === 'boolean') return v ? 1 : 0
  if (typeof v === 'number') return v
  if (typeof v === 'string') return v.trim() === '' ? 0 : Number(v)
  return NaN
}

export function toText(v: Value): string {
  if (v === null) return ''
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  return Array.isArray(v) ? 'Array' : 'Object'
}

function equal(a: Value, b: Value): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase()
  const object = (v: Value): boolean => v !== null && typeof v === 'object'
  if (object(a) || object(b)) return a === b
  if (typeof a === typeof b) return a === b
  return toNumber(a) === toNumber(b)
}

function compare(a: Value, b: Value): number {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0
  const x = toNumber(a)
  const y = toNumber(b)
  return Number.isNaN(x) || Number.isNaN(y) ? NaN : x - y
}

function member(obj: Value, key: Value): Value {
  if (Array.isArray(obj)) return typeof key === 'number' ? (obj[key] ?? null) : null
  if (obj === null || typeof obj !== 'object') return null
  const k = toText(key)
  if (k in obj) return obj[k] ?? null
  const found = Object.keys(obj).find((p) => p.toLowerCase() === k.toLowerCase())
  return found === undefined ? null : (obj[found] ?? null)
}

function format(template: string, args: Value[]): string {
  return template.replace(/\{\{|\}\}|\{(\d+)\}/g, (m, n: string | undefined) => (m === '{{' ? '{' : m === '}}' ? '}' : toText(args[Number(n)] ?? null)))
}

const FUNCTIONS: Record<string, (scope: Scope, args: Value[]) => Value> = {
  contains: (_, [hay = null, needle = null]) =>
    Array.isArray(hay) ? hay.some((v) => equal(v, needle)) : toText(hay).toLowerCase().includes(toText(needle).toLowerCase()),
  startswith: (_, [a = null, b = null]) => toText(a).toLowerCase().startsWith(toText(b).toLowerCase()),
  endswith: (_, [a = null, b = null]) => toText(a).toLowerCase().endsWith(toText(b).toLowerCase()),
  format: (_, [t = null, ...rest]) => format(toText(t), rest),
  join: (_, [a = null, sep = ',']) => (Array.isArray(a) ? a.map(toText).join(toText(sep)) : toText(a)),
  tojson: (_, [v = null]) => JSON.stringify(v, null, 2),
  fromjson: (_, [v = null]) => JSON.parse(toText(v)) as Value,
  success: (s) => s.status === 'success',
  failure: (s) => s.status === 'failure',
  cancelled: (s) => s.status === 'cancelled',
  always: () => true
}

class Parser {
  private pos = 0
  constructor(
    private readonly tokens: Token[],
    private readonly scope: Scope,
    private readonly src: string
  ) {}

  parse(): Value {
    const v = this.or()
    if (this.pos < this.tokens.length) throw new Error(`unexpected \`${this.tokens[this.pos]!.v}\` in \`${this.src}\``)
    return v
  }

  private peek(op: string): boolean {
    const t = this.tokens[this.pos]
    return t?.t === 'op' && t.v === op
  }

  private expect(op: string): void {
    if (!this.peek(op)) throw new Error(`expected \`${op}\` in \`${this.src}\``)
    this.pos++
  }

  private or(): Value {
    let left = this.and()
    while (this.peek('||')) {
      this.pos++
      const right = this.and()
      left = truthy(left) ? left : right
    }
    return left
  }

  private and(): Value {
    let left = this.equality()
    while (this.peek('&&')) {
      this.pos++
      const right = this.equality()
      left = truthy(left) ? right : left
    }
    return left
  }

  private equality(): Value {
    let left = this.comparison()
    while (this.peek('==') || this.peek('!=')) {
      const op = this.tokens[this.pos++]!.v
      const eq = equal(left, this.comparison())
      left = op === '==' ? eq : !eq
    }
    return left
  }

  private comparison(): Value {
    let left = this.unary()
    while (['<', '<=', '>', '>='].some((o) => this.peek(o))) {
      const op = this.tokens[this.pos++]!.v
      const c = compare(left, this.unary())
      left = op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0
    }
    return left
  }

  private unary(): Value {
    if (this.peek('!')) {
      this.pos++
      return !truthy(this.unary())
    }
    return this.postfix(this.primary())
  }

  private postfix(base: Value): Value {
    let v = base
    for (;;) {
      if (this.peek('.')) {
        this.pos++
        const t = this.tokens[this.pos++]
        if (t?.t !== 'id') throw new Error(`expected a property name after \`.\` in \`${this.src}\``)
        v = member(v, t.v)
      } else if (this.peek('[')) {
        this.pos++
        const key = this.or()
        this.expect(']')
        v = member(v, key)
      } else return v
    }
  }

  private primary(): Value {
    const t = this.tokens[this.pos++]
    if (!t) throw new Error(`incomplete expression \`${this.src}\``)
    if (t.t === 'num' || t.t === 'str') return t.v
    if (t.t === 'op' && t.v === '(') {
      const v = this.or()
      this.expect(')')
      return v
    }
    if (t.t !== 'id') throw new Error(`unexpected \`${t.v}\` in \`${this.src}\``)
    if (t.v === 'true' || t.v === 'false') return t.v === 'true'
    if (t.v === 'null') return null
    if (this.peek('(')) {
      const fn = FUNCTIONS[t.v.toLowerCase()]
      if (!fn) throw new Error(`function ${t.v}() is not supported by the local runner (in \`${this.src}\`)`)
      this.pos++
      const args: Value[] = []
      while (!this.peek(')')) {
        args.push(this.or())
        if (!this.peek(')')) this.expect(',')
      }
      this.pos++
      return fn(this.scope, args)
    }
    if (!(t.v in this.scope.contexts)) throw new Error(`unknown context \`${t.v}\` in \`${this.src}\``)
    return this.scope.contexts[t.v] ?? null
  }
}

/** Evaluates one expression (the text between `${{` and `}}`). */
export function evaluate(expression: string, scope: Scope): Value {
  return new Parser(tokenize(expression), scope, expression.trim()).parse()
}

const TEMPLATE = /\$\{\{([\s\S]*?)\}\}/g

/**
 * A workflow value: a lone `${{ … }}` keeps the expression's type (a list for a matrix, a number),
 * anything else is text with each expression substituted.
 */
export function interpolate(value: unknown, scope: Scope): Value {
  if (typeof value !== 'string') return (value ?? null) as Value
  const lone = /^\s*\$\{\{([\s\S]*?)\}\}\s*$/.exec(value)
  if (lone && !lone[1]!.includes('}}')) return evaluate(lone[1]!, scope)
  return value.replace(TEMPLATE, (_, expr: string) => toText(evaluate(expr, scope)))
}

/** An `if:`: a bare expression or one `${{ }}`, with an implicit `success() &&` unless it calls a status function. */
export function condition(value: unknown, scope: Scope): boolean {
  if (value === undefined || value === null || value === '') return scope.status === 'success'
  if (typeof value === 'boolean') return value && scope.status === 'success'
  const text = String(value).trim()
  const expr = /^\$\{\{([\s\S]*)\}\}$/.exec(text)?.[1] ?? text
  const result = truthy(evaluate(expr, scope))
  return /\b(success|failure|always|cancelled)\s*\(/i.test(expr) ? result : result && scope.status === 'success'
}
