import { AccessDenied, hasRole, type Actor } from '@cl/platform';
import { currentDistrict, type EnterpriseCommand, type EnterpriseState } from '../../domain';

/**
 * DOMAIN.md "Who may do what": a municipal official acts everywhere; a district official registers
 * in their district and acts on enterprises located there (relocating one out included).
 */
export function authorizeEnterpriseCommand(actor: Actor, command: EnterpriseCommand, state: EnterpriseState): void {
  if (hasRole(actor, 'MUNICIPAL_OFFICIAL')) return;
  if (command.type === 'RecordLapses' || !hasRole(actor, 'DISTRICT_OFFICIAL')) {
    throw new AccessDenied(
      'FORBIDDEN',
      `${command.type} needs the role MUNICIPAL_OFFICIAL${command.type === 'RecordLapses' ? '' : ' or DISTRICT_OFFICIAL'}`,
    );
  }
  // Both sides trimmed, as the decider trims the input: " 120116" is district 120116 everywhere.
  const district = actor.district?.trim();
  if (!district) throw new AccessDenied('FORBIDDEN', 'A district official token must carry the claim district');
  if (command.type === 'RegisterEnterprise') {
    if (String(command.data.district ?? '').trim() !== district) {
      throw new AccessDenied(
        'FORBIDDEN',
        `A district official of ${district} may register enterprises only in that district`,
      );
    }
    return;
  }
  if (state.status !== 'UNREGISTERED' && currentDistrict(state) !== district) {
    throw new AccessDenied(
      'FORBIDDEN',
      `The enterprise is located in district ${currentDistrict(state)}, not ${district}`,
    );
  }
}
