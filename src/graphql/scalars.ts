import { Kind } from 'graphql';
import { wardenError } from '../errors/index.js';
import type { WardenBuilder } from './builder.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function defineScalars(builder: WardenBuilder): void {
  builder.scalarType('DateTime', {
    description: 'A point in time, as an ISO 8601 string in UTC.',
    serialize: (value) => value.toISOString(),
    parseValue: (value) => parseDateTime(value),
    parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
  });
  builder.scalarType('Date', {
    description: 'A calendar date, `YYYY-MM-DD`, with no time zone.',
    serialize: (value) => value,
    parseValue: (value) => parseDate(value),
    parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
  });
}

// Messages never echo the value: a scalar error must not become a way to reflect data back.
function parseDateTime(value: unknown): Date {
  const date = typeof value === 'string' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw wardenError('BAD_USER_INPUT', 'DateTime values are ISO 8601 strings, e.g. "2026-11-21T14:30:00Z".');
  }
  return date;
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !ISO_DATE.test(value) || Number.isNaN(Date.parse(value))) {
    throw wardenError('BAD_USER_INPUT', 'Date values are strings of the form YYYY-MM-DD, e.g. "2026-11-21".');
  }
  return value;
}
