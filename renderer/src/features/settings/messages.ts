// The device card's words (namespace `deviceCard`): the one code a person reads over the
// phone is called "the device code" here, in Sync's approval dialog and on the set-up card.
// Canadian French typography: a non-breaking space (U+00A0) before a colon.
import { bilingual } from '../../i18n/bilingual.ts';

export const settingsMessages = bilingual(
  {
    deviceCard: {
      deviceCode: 'Device code',
      deviceCodeHint_officer:
        'When HQ or your team lead calls to approve this computer, read them this code.',
      deviceCodeHint_lead: 'When HQ calls to approve this computer, read them this code.',
      deviceCodeHint_hq:
        'This is also HQ’s code: read it to officers and team leads who call to check their network profile.',
      hqCode: 'HQ’s code',
      technical: 'Technical details (never read by phone)',
      deviceId: 'Device ID',
      encryptionCode: 'Encryption key code',
    },
  },
  {
    deviceCard: {
      deviceCode: 'Code de l’appareil',
      deviceCodeHint_officer:
        'Quand l’AC ou votre chef d’équipe appelle pour approuver cet ordinateur, lisez-lui ce code.',
      deviceCodeHint_lead: 'Quand l’AC appelle pour approuver cet ordinateur, lisez-lui ce code.',
      deviceCodeHint_hq:
        'C’est aussi le code de l’AC\u00a0: lisez-le aux agents et aux chefs d’équipe qui appellent pour vérifier leur profil de réseau.',
      hqCode: 'Code de l’AC',
      technical: 'Détails techniques (jamais lus au téléphone)',
      deviceId: 'ID de l’appareil',
      encryptionCode: 'Code de la clé de chiffrement',
    },
  },
);
