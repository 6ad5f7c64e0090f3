import { z } from 'zod';
import { optionalText, readSettings } from './settings';

/**
 * Who answers for the data, for the privacy notice the app serves at /privacy (and the manifest's privacyUrl). The
 * school or local authority that deploys the app is the data controller; these name it. Unset, the notice says so
 * in place of each (a loud placeholder), and the server warns at start-up outside local mode.
 */
export interface PrivacySettings {
  controllerName: string | null;
  controllerContact: string | null;
  dpoContact: string | null;
  /** The Azure region the data is kept in (infra/azure.bicep passes its `location`), e.g. uksouth. */
  dataRegion: string | null;
}

const contact = (name: string) =>
  optionalText.refine((text) => text === undefined || (text.length <= 300 && (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) || /^https:\/\/\S+$/.test(text) || /^(tel:)?\+?[\d\s().-]{6,24}$/.test(text))), {
    message: `${name} must be an email address, an https:// address or a telephone number (at most 300 characters)`,
  });

const privacyEnvironment = z.object({
  CLPL_CONTROLLER_NAME: optionalText.refine((text) => text === undefined || text.length <= 200, 'CLPL_CONTROLLER_NAME must be at most 200 characters'),
  CLPL_CONTROLLER_CONTACT: contact('CLPL_CONTROLLER_CONTACT'),
  CLPL_DPO_CONTACT: contact('CLPL_DPO_CONTACT'),
  CLPL_DATA_REGION: optionalText.refine((text) => text === undefined || /^[a-z][a-z0-9]{1,39}$/.test(text), 'CLPL_DATA_REGION must be an Azure region name such as uksouth'),
});

export function loadPrivacySettings(env: Record<string, string | undefined>, problems: string[]): PrivacySettings {
  const e = readSettings(privacyEnvironment, env, problems);
  return {
    controllerName: e?.CLPL_CONTROLLER_NAME ?? null,
    controllerContact: e?.CLPL_CONTROLLER_CONTACT ?? null,
    dpoContact: e?.CLPL_DPO_CONTACT ?? null,
    dataRegion: e?.CLPL_DATA_REGION ?? null,
  };
}

/** The settings a deployment has not filled in, for the start-up warning. */
export function missingPrivacySettings(settings: PrivacySettings): string[] {
  const names: Array<[keyof PrivacySettings, string]> = [
    ['controllerName', 'CLPL_CONTROLLER_NAME'],
    ['controllerContact', 'CLPL_CONTROLLER_CONTACT'],
    ['dpoContact', 'CLPL_DPO_CONTACT'],
    ['dataRegion', 'CLPL_DATA_REGION'],
  ];
  return names.filter(([key]) => settings[key] === null).map(([, name]) => name);
}
