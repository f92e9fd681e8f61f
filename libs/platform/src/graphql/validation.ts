import { type ValidationError, ValidationPipe } from '@nestjs/common';
import type { RuleName } from '@cl/refusals';
import { GraphQLError } from 'graphql';

/** class-validator's constraint as a rule of the catalogue: a length limit is TEXT_TOO_LONG, any other INPUT_INVALID. */
const ruleOf = (constraint: string): RuleName => (constraint === 'maxLength' ? 'TEXT_TOO_LONG' : 'INPUT_INVALID');

function firstFailure(
  errors: ValidationError[],
  path: string[] = [],
): { field: string; message: string; rule: RuleName } | undefined {
  for (const error of errors) {
    const [constraint, message] = Object.entries(error.constraints ?? {})[0] ?? [];
    if (constraint && message) return { field: [...path, error.property].join('.'), message, rule: ruleOf(constraint) };
    const nested = firstFailure(error.children ?? [], [...path, error.property]);
    if (nested) return nested;
  }
  return undefined;
}

/** class-validator on every input; a failure is BAD_USER_INPUT naming the field and the rule. */
export function inputValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    forbidUnknownValues: false,
    exceptionFactory: (errors) => {
      const failure = firstFailure(errors) ?? {
        field: 'input',
        message: 'input is not valid',
        rule: 'INPUT_INVALID' as const,
      };
      return new GraphQLError(failure.message, {
        extensions: { code: 'BAD_USER_INPUT', field: failure.field, rule: failure.rule },
      });
    },
  });
}
