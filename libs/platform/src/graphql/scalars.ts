import { CustomScalar, Scalar } from '@nestjs/graphql';
import { GraphQLError, GraphQLScalarType, Kind, ValueNode } from 'graphql';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written YYYY-MM-DD (2027-02-30 is not). */
export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isCalendarDate(value)) {
    throw new GraphQLError(`Date must be a calendar date written YYYY-MM-DD (got ${JSON.stringify(value)})`, {
      extensions: { code: 'BAD_USER_INPUT', rule: 'date-format' },
    });
  }
  return value;
}

/** Effective dates travel as plain 'YYYY-MM-DD' strings: no time zone can shift them. */
@Scalar('Date')
export class DateScalar implements CustomScalar<string, string> {
  description = 'ISO calendar date, YYYY-MM-DD (effective dates).';
  parseValue = parseDate;
  serialize = (value: unknown) => parseDate(value);
  parseLiteral(ast: ValueNode): string {
    return parseDate(ast.kind === Kind.STRING ? ast.value : undefined);
  }
}

function parseDateTime(value: unknown): Date {
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw new GraphQLError(`DateTime must be an ISO 8601 instant with time zone (got ${JSON.stringify(value)})`, {
      extensions: { code: 'BAD_USER_INPUT', rule: 'datetime-format' },
    });
  }
  return date;
}

/** Recorded times: ISO 8601 instants. */
@Scalar('DateTime', () => Date)
export class DateTimeScalar implements CustomScalar<string, Date> {
  description = 'ISO 8601 instant with time zone (recorded times).';
  parseValue = parseDateTime;
  serialize = (value: unknown) => (value instanceof Date ? value : parseDateTime(value)).toISOString();
  parseLiteral(ast: ValueNode): Date {
    return parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined);
  }
}

function literalToJson(ast: ValueNode): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, literalToJson(f.value)]));
    case Kind.LIST:
      return ast.values.map(literalToJson);
    default:
      return null;
  }
}

/** Event payloads, as they are stored. */
export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Arbitrary JSON (event payloads).',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: literalToJson,
});
