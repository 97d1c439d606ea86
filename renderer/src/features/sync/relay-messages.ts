// What the Sync screen says of the relay's own sync (namespace `relaySync`): the bar while it
// imports, and HQ's notice when a device's inbox refused the new profile's copy. A table of
// its own beside `sync`'s, which is long enough already.
import { bilingual } from '../../i18n/bilingual.ts';

export const relaySyncMessages = bilingual(
  {
    relaySync: {
      importing: 'Importing what arrived through the relay',
      profileNotSent: {
        heading_one:
          'Network profile version {{version, number}} could not be put in one device’s relay inbox',
        heading_other:
          'Network profile version {{version, number}} could not be put in {{count, number}} devices’ relay inboxes',
        deviceCode: 'device code {{code}}',
        meaning:
          'Until it arrives, these devices keep the version they have and do not know what this one changes (approvals, revocations, posts, the relay). It will be tried again at the next sync; nothing else waits for it. If this stays, check their folders on the relay or send them the profile file.',
      },
    },
  },
  {
    relaySync: {
      importing: 'Importation de ce qui est arrivé par le relais',
      profileNotSent: {
        heading_one:
          'La version {{version, number}} du profil du réseau n’a pas pu être déposée dans la boîte de réception d’un appareil sur le relais',
        heading_other:
          'La version {{version, number}} du profil du réseau n’a pas pu être déposée dans la boîte de réception de {{count, number}} appareils sur le relais',
        deviceCode: 'code d’appareil {{code}}',
        meaning:
          'D’ici là, ces appareils gardent la version qu’ils ont et ignorent ce que celle-ci change (approbations, révocations, postes, relais). Un nouvel essai aura lieu à la prochaine synchronisation\u00a0; rien d’autre ne l’attend. Si cela persiste, vérifiez leurs dossiers sur le relais ou envoyez-leur le fichier de profil.',
      },
    },
  },
);
