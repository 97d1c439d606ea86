// Online sync's messages: the relay settings and the status strip's relay state. Namespace `online`.
import { bilingual } from '../../i18n/bilingual.ts';

export const onlineMessages = bilingual(
  {
    online: {
      heading: 'Online sync',
      hint: 'When a link is up, bundles go to the network’s WebDAV relay and come back by themselves. Files stay the fallback.',
      url: 'Relay folder address',
      username: 'User name',
      password: 'Password or app token',
      save: 'Save and sync',
      remove: 'Stop online sync',
      saved: 'Saved. The password is kept encrypted on this device.',
      savedSession:
        'Saved. This computer has no secret store, so the password is kept only until the app closes; you will be asked for it again.',
      saveFailed: 'The relay settings could not be saved. Try again.',
      badUrl: 'Enter an http or https address, without a user name in it.',
      unavailable: 'This build cannot reach a relay yet; use files.',
      configured: 'Relay: {{url}} as {{username}}',
      syncNow: 'Sync now',
      state: {
        off: 'Relay: not set up',
        syncing: 'Relay: syncing…',
        synced: 'Relay: synced {{when}}',
        never: 'Relay: not reached yet',
      },
      progress: {
        upload: 'Relay: sending {{done}} of {{total}}…',
        download: 'Relay: receiving {{done}} of {{total}}…',
        import: 'Relay: importing {{done}} of {{total}}…',
      },
      failure: {
        offline: 'Relay unreachable; trying again soon',
        auth: 'Relay refused the user name or password; change them in Settings',
        full: 'Relay is full; tell HQ. Nothing was lost',
        busy: 'Relay was busy; trying again soon',
        missing: 'Relay folder not found; check the address in Settings',
        server: 'Relay had a fault; trying again soon',
        certificate: 'Relay’s certificate is not trusted on this computer; trying again soon',
        password: 'Relay password needed: enter it again in Settings',
        unexpected: 'Online sync failed; trying again soon',
      },
      setAside: 'Files set aside on the relay: {{names}}',
    },
  },
  {
    online: {
      heading: 'Synchronisation en ligne',
      hint: 'Quand une liaison existe, les paquets partent vers le relais WebDAV du réseau et reviennent d’eux-mêmes. Les fichiers restent la solution de repli.',
      url: 'Adresse du dossier relais',
      username: 'Nom d’utilisateur',
      password: 'Mot de passe ou jeton d’application',
      save: 'Enregistrer et synchroniser',
      remove: 'Arrêter la synchronisation en ligne',
      saved: 'Enregistré. Le mot de passe est conservé chiffré sur cet appareil.',
      savedSession:
        'Enregistré. Cet ordinateur n’a pas de coffre à secrets : le mot de passe n’est gardé que jusqu’à la fermeture de l’application, il vous sera redemandé.',
      saveFailed: 'Les réglages du relais n’ont pas pu être enregistrés. Réessayez.',
      badUrl: 'Saisissez une adresse http ou https, sans nom d’utilisateur.',
      unavailable: 'Cette version ne peut pas encore joindre de relais ; utilisez les fichiers.',
      configured: 'Relais : {{url}} en tant que {{username}}',
      syncNow: 'Synchroniser maintenant',
      state: {
        off: 'Relais : non configuré',
        syncing: 'Relais : synchronisation…',
        synced: 'Relais : synchronisé {{when}}',
        never: 'Relais : pas encore joint',
      },
      progress: {
        upload: 'Relais : envoi {{done}} sur {{total}}…',
        download: 'Relais : réception {{done}} sur {{total}}…',
        import: 'Relais : import {{done}} sur {{total}}…',
      },
      failure: {
        offline: 'Relais injoignable ; nouvel essai bientôt',
        auth: 'Le relais refuse le nom d’utilisateur ou le mot de passe ; changez-les dans Paramètres',
        full: 'Le relais est plein ; prévenez l’AC. Rien n’est perdu',
        busy: 'Le relais était occupé ; nouvel essai bientôt',
        missing: 'Dossier du relais introuvable ; vérifiez l’adresse dans Paramètres',
        server: 'Le relais a eu une panne ; nouvel essai bientôt',
        certificate:
          'Le certificat du relais n’est pas reconnu sur cet ordinateur ; nouvel essai bientôt',
        password: 'Mot de passe du relais requis : saisissez-le de nouveau dans Paramètres',
        unexpected: 'La synchronisation en ligne a échoué ; nouvel essai bientôt',
      },
      setAside: 'Fichiers mis de côté sur le relais : {{names}}',
    },
  },
);
