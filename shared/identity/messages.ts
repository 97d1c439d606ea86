// What a person reads when a profile, enrollment or approval is refused, in en and fr, for
// the app's i18next resources (identity.error.<code>, identity.issue.<code>).
import { type IdentityErrorCode, type ProfileIssueCode } from './errors.ts';

export interface IdentityMessages {
  readonly identity: {
    readonly error: { readonly [C in IdentityErrorCode]: string };
    readonly issue: { readonly [C in ProfileIssueCode]: string };
  };
}

const en: IdentityMessages = {
  identity: {
    error: {
      'not-a-profile': 'This file is not a Liaison Log network profile, or it is damaged.',
      'newer-format':
        'This file was made by a newer version of Liaison Log. Update the app, then try again.',
      'bad-signature':
        'This network profile was refused: its signature does not match its contents. It was changed or damaged after HQ issued it.',
      'hq-key-changed':
        'This network profile was refused: it is signed with a different HQ key than the one this device trusts. Call HQ before going further.',
      'other-network':
        'This network profile belongs to another network. Nothing was changed on this device. To move this device to that network: export your changes first (Sync), then reset this device (Settings) and set it up with that network’s profile.',
      'older-version':
        'This network profile is older than the one this device already uses. Nothing was changed.',
      'same-version-different-content':
        'This network profile has the same version as the one in use but different contents. Nothing was changed; ask HQ for a newer profile.',
      invalid:
        'This network profile or device card is not valid: {{count}} problem(s) found. Nothing was changed.',
      'not-an-enrollment': 'This file is not a Liaison Log device enrollment, or it is damaged.',
      'bad-enrollment-signature':
        'This enrollment was refused: it is not signed by the key it contains, so it was changed or damaged after the device made it.',
      'key-changed':
        'This device was already approved with other keys. Remove the old entry on purpose before approving new keys for it.',
      'device-revoked':
        'This device was revoked by HQ. It cannot be approved again; a replacement laptop enrolls as a new device under the same officer.',
      'unknown-device': 'This device is not in the network profile.',
    },
    issue: {
      schema: 'A value is missing or in the wrong form ({{path}}).',
      'duplicate-post': 'Post {{value}} is listed more than once.',
      'duplicate-lead': 'Team lead {{value}} is listed more than once.',
      'duplicate-device': 'Device {{value}} is listed more than once.',
      'duplicate-key': 'Two devices have the same key.',
      'unknown-post': 'Post {{value}} is not in the list of posts.',
      'retired-post': 'Post {{value}} is retired and takes no new devices.',
      'post-not-led': 'Post {{value}} is not one of this team lead’s posts.',
      'lead-not-listed': '{{value}} is not in the list of team leads.',
      'role-conflict': '{{value}} has another role on another device or in the list of team leads.',
      'role-fields':
        'The post fields do not match the role: an officer has one post, a team lead a list of posts, HQ none.',
      'hq-device-missing': 'HQ’s own device ({{value}}) is not in the list of devices.',
      'hq-device-mismatch': 'HQ’s device entry does not have the HQ role or HQ’s keys.',
      'demo-key':
        'A device holds a key of the public demo network: anyone could sign or read with it.',
      'revoked-key': 'A device holds keys HQ has revoked ({{value}}).',
      'dates-order': 'The end date of {{value}} is before its start date.',
      'relay-not-https':
        'The relay address ({{value}}) is not https: plain http is allowed in the demo network only.',
    },
  },
};

const fr: IdentityMessages = {
  identity: {
    error: {
      'not-a-profile': 'Ce fichier n’est pas un profil de réseau Liaison Log, ou il est endommagé.',
      'newer-format':
        'Ce fichier a été créé par une version plus récente de Liaison Log. Mettez l’application à jour, puis réessayez.',
      'bad-signature':
        'Ce profil de réseau a été refusé : sa signature ne correspond pas à son contenu. Il a été modifié ou endommagé après son émission par l’AC.',
      'hq-key-changed':
        'Ce profil de réseau a été refusé : il est signé avec une autre clé de l’AC que celle à laquelle cet appareil se fie. Appelez l’AC avant d’aller plus loin.',
      'other-network':
        'Ce profil de réseau appartient à un autre réseau. Rien n’a été modifié sur cet appareil. Pour faire passer cet appareil à cet autre réseau : exportez d’abord vos modifications (Synchronisation), puis réinitialisez l’appareil (Paramètres) et configurez-le avec le profil de ce réseau.',
      'older-version':
        'Ce profil de réseau est plus ancien que celui qu’utilise déjà cet appareil. Rien n’a été modifié.',
      'same-version-different-content':
        'Ce profil de réseau porte le même numéro de version que celui en usage, mais son contenu diffère. Rien n’a été modifié; demandez un profil plus récent à l’AC.',
      invalid:
        'Ce profil de réseau ou cette fiche d’appareil n’est pas valide : {{count}} problème(s) relevé(s). Rien n’a été modifié.',
      'not-an-enrollment':
        'Ce fichier n’est pas une inscription d’appareil Liaison Log, ou il est endommagé.',
      'bad-enrollment-signature':
        'Cette inscription a été refusée : elle n’est pas signée par la clé qu’elle contient; elle a donc été modifiée ou endommagée après sa création.',
      'key-changed':
        'Cet appareil a déjà été approuvé avec d’autres clés. Retirez délibérément l’ancienne entrée avant d’approuver de nouvelles clés pour lui.',
      'device-revoked':
        'Cet appareil a été révoqué par l’AC. Il ne peut pas être approuvé de nouveau; un ordinateur de remplacement s’inscrit comme nouvel appareil sous le même agent.',
      'unknown-device': 'Cet appareil ne figure pas dans le profil de réseau.',
    },
    issue: {
      schema: 'Une valeur manque ou n’a pas la forme attendue ({{path}}).',
      'duplicate-post': 'Le poste {{value}} figure plus d’une fois.',
      'duplicate-lead': 'Le chef d’équipe {{value}} figure plus d’une fois.',
      'duplicate-device': 'L’appareil {{value}} figure plus d’une fois.',
      'duplicate-key': 'Deux appareils ont la même clé.',
      'unknown-post': 'Le poste {{value}} ne figure pas dans la liste des postes.',
      'retired-post': 'Le poste {{value}} est retiré et n’accepte plus de nouvel appareil.',
      'post-not-led': 'Le poste {{value}} n’est pas l’un des postes de ce chef d’équipe.',
      'lead-not-listed': '{{value}} ne figure pas dans la liste des chefs d’équipe.',
      'role-conflict':
        '{{value}} a un autre rôle sur un autre appareil ou dans la liste des chefs d’équipe.',
      'role-fields':
        'Les postes indiqués ne correspondent pas au rôle : un agent a un poste, un chef d’équipe une liste de postes, l’AC aucun.',
      'hq-device-missing':
        'L’appareil de l’AC ({{value}}) ne figure pas dans la liste des appareils.',
      'hq-device-mismatch': 'L’entrée de l’appareil de l’AC n’a pas le rôle ni les clés de l’AC.',
      'demo-key':
        'Un appareil détient une clé du réseau de démonstration public : n’importe qui pourrait signer ou lire avec elle.',
      'revoked-key': 'Un appareil détient des clés que l’AC a révoquées ({{value}}).',
      'dates-order': 'La date de fin de {{value}} précède sa date de début.',
      'relay-not-https':
        'L’adresse du relais ({{value}}) n’est pas en https : le http simple n’est permis que dans le réseau de démonstration.',
    },
  },
};

/** i18next resources for the identity errors, to merge into the app's `en` and `fr` resources. */
export const identityMessages: { readonly en: IdentityMessages; readonly fr: IdentityMessages } = {
  en,
  fr,
};
