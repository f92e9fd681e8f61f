// Text the service cannot store or show faithfully is refused before anything runs: NUL and the other C0 control
// characters (tab, line feed and carriage return are text) and DEL, and UTF-16 halves without their other half
// (PostgreSQL's jsonb refuses both NUL and lone surrogates, which would otherwise surface as a 500).
import { GraphQLError, visit, type DocumentNode } from 'graphql';

const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Longest text a variable may hold, except the fields named in LONG_TEXT_FIELDS (an import's file, base64). */
export const MAX_TEXT_LENGTH = 10_000;
const LONG_TEXT_FIELDS = new Set(['contentBase64']);

interface Problem {
  readonly field: string;
  readonly rule: 'CONTROL_CHARACTER' | 'TEXT_TOO_LONG';
}

/** The first string in `value` holding an unsafe character or too long, or null. */
function firstUnsafe(value: unknown, path: string): Problem | null {
  if (typeof value === 'string') {
    const key = path.slice(path.lastIndexOf('.') + 1);
    if (value.length > MAX_TEXT_LENGTH && !LONG_TEXT_FIELDS.has(key)) return { field: path, rule: 'TEXT_TOO_LONG' };
    return UNSAFE.test(value) ? { field: path, rule: 'CONTROL_CHARACTER' } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = firstUnsafe(value[i], `${path}.${i}`);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      const found = firstUnsafe(inner, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/** The argument name of the first string literal in the document holding an unsafe character, or null. */
function unsafeLiteral(document: DocumentNode): string | null {
  let found: string | null = null;
  visit(document, {
    Argument(node) {
      if (found) return false;
      visit(node.value, {
        StringValue(s) {
          if (!found && UNSAFE.test(s.value)) found = node.name.value;
        },
      });
      return false;
    },
  });
  return found;
}

/**
 * The refusal of control characters and broken UTF-16 in variables and string literals, and of variables holding
 * more text than any field needs (BAD_USER_INPUT, HTTP 400); undefined when the request is clean.
 */
export function inputHygieneRefusal(
  document: DocumentNode,
  variables: Record<string, unknown>,
): GraphQLError | undefined {
  const literal = unsafeLiteral(document);
  const problem =
    firstUnsafe(variables, '') ?? (literal === null ? null : { field: literal, rule: 'CONTROL_CHARACTER' as const });
  if (problem === null) return undefined;
  const message =
    problem.rule === 'TEXT_TOO_LONG'
      ? `${problem.field} holds more than ${MAX_TEXT_LENGTH} characters`
      : `${problem.field} holds a control character or broken UTF-16 text; send plain text (tab and line breaks are fine)`;
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', field: problem.field, rule: problem.rule, http: { status: 400 } },
  });
}
