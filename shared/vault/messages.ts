// What a person reads when the vault refuses something, in both languages. The app merges
// these into its i18next resources; keys are vault.error.<code> (see errors.ts).
import { type VaultErrorCode } from './errors.ts';

type ErrorMessages = { readonly [C in VaultErrorCode]: string };

export interface VaultMessages {
  readonly vault: { readonly error: ErrorMessages };
}

const en: VaultMessages = {
  vault: {
    error: {
      'wrong-passphrase':
        'That passphrase is not correct. Check the keyboard language and Caps Lock, then try again.',
      corrupt:
        'Protected information on this device is damaged or was altered, and cannot be opened. Nothing stored was changed. If this keeps happening, contact HQ.',
      'unsupported-version':
        'This protected information was made by a newer version of Liaison Log (version {{version}}). Update the app, then try again.',
      'wrong-context':
        'This protected information belongs to another record or field, so it is not shown. It may have been copied or altered. Nothing stored was changed.',
      'wrong-key':
        'This recovery key does not open this device’s information. Use the HQ key the device was set up with.',
      'no-escrow':
        'This device has no HQ recovery copy of its key, so HQ cannot reset its passphrase. Only the current passphrase can open it.',
      'weak-kdf':
        'The passphrase protection settings are weaker than Liaison Log allows. Nothing was saved.',
      'not-a-recovery-file':
        'This file is not a Liaison Log passphrase recovery file. Nothing was changed.',
      'other-device':
        'This recovery answer was made for another device. Nothing was changed. Ask HQ for the answer to this device’s request.',
      'unknown-device':
        'This request comes from a device that is not in your network profile. Nothing was made. Approve the device first, or check who sent the file.',
      'unsigned-request':
        'This request is not signed by the key your network profile holds for that device, so it was refused. Nothing was made. It may be forged, or made by an older version of Liaison Log.',
      'revoked-device':
        'This request comes from a device that HQ has revoked. Nothing was made. A replaced laptop is set up again as a new device.',
      'old-escrow':
        'This device’s recovery copy was made by an older version of Liaison Log and can no longer be opened safely. Nothing was made. The device gets a new copy the next time it is unlocked with its passphrase.',
    },
  },
};

// Canadian French typography: a non-breaking space (U+00A0) before the colon.
const fr: VaultMessages = {
  vault: {
    error: {
      'wrong-passphrase':
        'Cette phrase de passe est incorrecte. Vérifiez la langue du clavier et la touche Verr. maj., puis réessayez.',
      corrupt:
        'Des renseignements protégés sur cet appareil sont endommagés ou ont été modifiés, et ne peuvent pas être ouverts. Rien n’a été changé dans les données enregistrées. Si le problème persiste, communiquez avec l’AC.',
      'unsupported-version':
        'Ces renseignements protégés ont été créés par une version plus récente de Liaison Log (version {{version}}). Mettez l’application à jour, puis réessayez.',
      'wrong-context':
        'Ces renseignements protégés appartiennent à une autre fiche ou à un autre champ\u00a0: ils ne sont donc pas affichés. Ils ont peut-être été copiés ou modifiés. Rien n’a été changé dans les données enregistrées.',
      'wrong-key':
        'Cette clé de récupération n’ouvre pas les renseignements de cet appareil. Utilisez la clé de l’AC avec laquelle l’appareil a été configuré.',
      'no-escrow':
        'Cet appareil n’a pas de copie de récupération de sa clé auprès de l’AC\u00a0: l’AC ne peut donc pas réinitialiser sa phrase de passe. Seule la phrase de passe actuelle permet de l’ouvrir.',
      'weak-kdf':
        'Les paramètres de protection de la phrase de passe sont plus faibles que ce que Liaison Log permet. Rien n’a été enregistré.',
      'not-a-recovery-file':
        'Ce fichier n’est pas un fichier de récupération de phrase de passe de Liaison Log. Rien n’a été changé.',
      'other-device':
        'Cette réponse de récupération a été faite pour un autre appareil. Rien n’a été changé. Demandez à l’AC la réponse à la demande de cet appareil.',
      'unknown-device':
        'Cette demande vient d’un appareil qui ne figure pas dans votre profil de réseau. Rien n’a été produit. Approuvez d’abord l’appareil, ou vérifiez qui a envoyé le fichier.',
      'unsigned-request':
        'Cette demande n’est pas signée par la clé que votre profil de réseau détient pour cet appareil : elle a été refusée. Rien n’a été produit. Elle est peut-être falsifiée, ou faite par une version antérieure de Liaison Log.',
      'revoked-device':
        'Cette demande vient d’un appareil que l’AC a révoqué. Rien n’a été produit. Un ordinateur remplacé est configuré de nouveau comme un nouvel appareil.',
      'old-escrow':
        'La copie de récupération de cet appareil a été faite par une version antérieure de Liaison Log et ne peut plus être ouverte en toute sécurité. Rien n’a été produit. L’appareil en recevra une nouvelle la prochaine fois qu’il sera déverrouillé avec sa phrase de passe.',
    },
  },
};

/** i18next resources for the vault errors, to merge into the app's `en` and `fr` resources. */
export const vaultMessages: { readonly en: VaultMessages; readonly fr: VaultMessages } = {
  en,
  fr,
};
