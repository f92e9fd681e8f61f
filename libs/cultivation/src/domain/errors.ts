// Typed refusals of the domain. Each names the rule it enforces and the input field it concerns; the base
// (@cl/refusals) is shared with every other refusal, so the GraphQL layer maps them all alike.
import { Refusal } from '@cl/refusals';
import type { DomainRuleName } from '@cl/refusals';

export type DomainErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'RULE_VIOLATION';

/** Base of every refusal the domain raises. */
export abstract class DomainError extends Refusal {
  abstract override readonly code: DomainErrorCode;
  declare readonly rule: DomainRuleName;
  declare readonly field: string;
  constructor(
    rule: DomainRuleName,
    field: string,
    message: string,
    /** Facts a client can act on (e.g. the overlapping grant), passed on in the error's extensions. */
    details?: Readonly<Record<string, unknown>>,
  ) {
    super(rule, field, message, details);
  }
}

/** The input itself is malformed or outside a catalogue (BAD_USER_INPUT). */
export class InvalidInput extends DomainError {
  readonly code = 'BAD_USER_INPUT' as const;
}

/** The enterprise or event referred to does not exist (NOT_FOUND). */
export class NotFound extends DomainError {
  readonly code = 'NOT_FOUND' as const;
}

/** The command collides with what already exists (CONFLICT). */
export class Conflict extends DomainError {
  readonly code = 'CONFLICT' as const;
}

/** The command breaks a rule of the domain given the enterprise's history (RULE_VIOLATION). */
export class RuleViolation extends DomainError {
  readonly code = 'RULE_VIOLATION' as const;
}
