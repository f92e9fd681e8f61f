// The Enterprise decider: decide(command, state, context) → events; a refusal throws a DomainError
// and writes nothing.
import type { Decider } from '../decider';
import type { EnterpriseEvent } from '../events/enterprise-events';
import type { DecisionContext, EnterpriseCommand } from './commands';
import { decideDeregister, decideRegister, decideRelocate, decideRename } from './decide-enterprise';
import { decideGrant } from './decide-grant';
import { decideRenew, decideRevoke } from './decide-renew-revoke';
import { decideLapses, decideRetract } from './decide-retract-lapse';
import { decideAnnualUpdate } from './decide-annual-update';
import { evolve, evolveOwned } from './evolve';
import { initialState, type EnterpriseState } from './state';

/** The events a command produces from the current state, or a thrown DomainError. */
export function decide(
  command: EnterpriseCommand,
  state: EnterpriseState,
  context: DecisionContext,
): EnterpriseEvent[] {
  switch (command.type) {
    case 'RegisterEnterprise':
      return decideRegister(command, state);
    case 'RenameEnterprise':
      return decideRename(command, state, context);
    case 'RelocateEnterprise':
      return decideRelocate(command, state, context);
    case 'DeregisterEnterprise':
      return decideDeregister(command, state, context);
    case 'GrantCertification':
      return decideGrant(command, state, context);
    case 'RenewCertification':
      return decideRenew(command, state, context);
    case 'RevokeCertification':
      return decideRevoke(command, state, context);
    case 'RetractCertification':
      return decideRetract(command, state);
    case 'RecordLapses':
      return decideLapses(command, state, context);
    case 'RecordAnnualUpdate':
      return decideAnnualUpdate(command, state, context);
    default: {
      const _never: never = command;
      return _never;
    }
  }
}

/** The decider as one value, for generic runners (command handlers, given/when/then specs). */
export const enterpriseDecider: Decider<EnterpriseState, EnterpriseCommand, EnterpriseEvent, DecisionContext> = {
  decide,
  evolve,
  evolveOwned,
  initialState,
};
