/**
 * A small JSON Schema validator for the keywords trace.schema.json uses, so a
 * test can check a trace against the schema without a dependency. A keyword it
 * does not know is an error, not a pass: the schema cannot quietly outgrow it.
 */
type Schema = { readonly [k: string]: unknown };

const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description']);
const KNOWN = new Set([
  ...ANNOTATIONS, '$defs', '$ref', 'type', 'const', 'enum', 'required', 'properties', 'additionalProperties',
  'propertyNames', 'items', 'minimum', 'pattern', 'oneOf',
]);

/** Problems with `value` against `schema` (empty: it is valid). `root` resolves `#/$defs/...` references. */
export function validate(value: unknown, schema: Schema, root: Schema = schema, path = '$'): string[] {
  for (const k of Object.keys(schema)) if (!KNOWN.has(k)) throw new Error(`jsonSchema: unsupported keyword ${k} at ${path}`);
  const out: string[] = [];
  const fail = (why: string): void => void out.push(`${path}: ${why}`);
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace(/^#\/\$defs\//, '');
    const target = (root.$defs as Record<string, Schema> | undefined)?.[name];
    if (target === undefined) throw new Error(`jsonSchema: unresolved ${schema.$ref}`);
    out.push(...validate(value, target, root, path));
  }
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => isType(value, t as string))) fail(`expected ${types.join(' or ')}, got ${JSON.stringify(value)}`);
  }
  if ('const' in schema && JSON.stringify(value) !== JSON.stringify(schema.const)) fail(`expected ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.some((x) => JSON.stringify(x) === JSON.stringify(value))) fail(`${JSON.stringify(value)} is not one of the enum`);
  if (typeof schema.minimum === 'number' && typeof value === 'number' && value < schema.minimum) fail(`${value} < ${schema.minimum}`);
  if (typeof schema.pattern === 'string' && typeof value === 'string' && !new RegExp(schema.pattern, 'u').test(value)) fail(`${value} does not match ${schema.pattern}`);
  if (Array.isArray(schema.oneOf)) {
    const passing = schema.oneOf.filter((s) => validate(value, s as Schema, root, path).length === 0).length;
    if (passing !== 1) fail(`matches ${passing} of oneOf, not exactly 1`);
  }
  if (Array.isArray(value) && schema.items !== undefined) value.forEach((x, i) => out.push(...validate(x, schema.items as Schema, root, `${path}[${i}]`)));
  if (isType(value, 'object')) {
    const obj = value as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const k of (schema.required ?? []) as string[]) if (!(k in obj)) fail(`missing ${k}`);
    for (const [k, v] of Object.entries(obj)) {
      if (schema.propertyNames !== undefined) out.push(...validate(k, schema.propertyNames as Schema, root, `${path}{${k}}`));
      if (k in props) out.push(...validate(v, props[k], root, `${path}.${k}`));
      else if (schema.additionalProperties === false) fail(`unexpected ${k}`);
      else if (typeof schema.additionalProperties === 'object') out.push(...validate(v, schema.additionalProperties as Schema, root, `${path}.${k}`));
    }
  }
  return out;
}

function isType(v: unknown, t: string): boolean {
  switch (t) {
    case 'object':
      return typeof v === 'object' && v !== null && !Array.isArray(v);
    case 'array':
      return Array.isArray(v);
    case 'integer':
      return Number.isInteger(v);
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'null':
      return v === null;
    default:
      return typeof v === t;
  }
}
