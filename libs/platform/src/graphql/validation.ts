import { type ValidationError, ValidationPipe } from '@nestjs/common';
import { GraphQLError } from 'graphql';

function firstFailure(
  errors: ValidationError[],
  path: string[] = [],
): { field: string; message: string; rule: string } | undefined {
  for (const error of errors) {
    const [rule, message] = Object.entries(error.constraints ?? {})[0] ?? [];
    if (rule && message) return { field: [...path, error.property].join('.'), message, rule };
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
      const failure = firstFailure(errors) ?? { field: 'input', message: 'input is not valid', rule: 'invalid' };
      return new GraphQLError(failure.message, {
        extensions: { code: 'BAD_USER_INPUT', field: failure.field, rule: failure.rule },
      });
    },
  });
}
