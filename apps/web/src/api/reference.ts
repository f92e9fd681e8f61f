import { computed, ref } from 'vue';
import { districtName, tierName } from '../i18n';
import { gql } from './graphql';
import { REFERENCE, SERVICE_INFO, type District, type ServiceInfo, type TierInfo } from './queries';

/** Tiers, districts and the service's sign-in settings: public, loaded once per page. */
export const reference = {
  tiers: ref<(TierInfo & { grantable?: boolean })[]>([]),
  districts: ref<District[]>([]),
  serviceInfo: ref<ServiceInfo>(),
  loaded: ref(false),
};

export const grantableTiers = computed(() => reference.tiers.value.filter((t) => t.grantable !== false));

let loading: Promise<void> | undefined;

export function loadReference(): Promise<void> {
  loading ??= Promise.all([gql(REFERENCE), gql(SERVICE_INFO)]).then(([ref1, info]) => {
    reference.tiers.value = ref1.tiers;
    reference.districts.value = ref1.districts;
    reference.serviceInfo.value = info.serviceInfo;
    reference.loaded.value = true;
  });
  return loading;
}

export function tierOf(code: string | null | undefined): TierInfo | undefined {
  return reference.tiers.value.find((t) => t.tier === code);
}

export function districtOf(code: string | null | undefined): District | undefined {
  return reference.districts.value.find((d) => d.code === code);
}

/** The districts as choices, named in the page's language. */
export const districtOptions = computed(() =>
  reference.districts.value.map((d) => ({ value: d.code, label: districtName(d) })),
);

/** The tiers (only those granted, or with the groups) as choices. */
export function tierOptions(grantableOnly: boolean) {
  return reference.tiers.value
    .filter((tier) => !grantableOnly || tier.grantable !== false)
    .map((tier) => ({ value: tier.tier, label: tierName(tier) }));
}
