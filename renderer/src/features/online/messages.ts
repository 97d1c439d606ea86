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
      badUrl: 'Enter an https address (http only for this computer), without a user name in it.',
      setByHq_one:
        'Set by HQ in the network profile: every device uses this address and syncs every minute. Only your user name and password are kept here.',
      setByHq_other:
        'Set by HQ in the network profile: every device uses this address and syncs every {{count}} minutes. Only your user name and password are kept here.',
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
      hq: {
        heading: 'Online sync relay',
        intro:
          'Set the WebDAV relay here and every device takes its address and timer from the profile; each person still enters their own user name and password. Left unset, each device’s Settings decide.',
        enabled: 'Every device syncs through this relay',
        urlHelp:
          'The relay folder, e.g. https://relay.example.org/dav/liaison/. Plain http only for this computer (127.0.0.1 or localhost), in the demo network only.',
        interval: 'Sync interval (minutes)',
        intervalHelp:
          'From {{min}} to {{max}}. Devices also sync when a link comes back and soon after a change.',
        badUrl:
          'Enter an https folder address (http only for 127.0.0.1 or localhost), without a user name, query or fragment.',
        httpsOnly:
          'Enter an https address: plain http to this computer is allowed in the demo network only.',
        range: 'Enter a whole number of minutes from {{min}} to {{max}}.',
        apply: 'Apply relay settings',
        applied: 'Relay settings updated in the next version.',
      },
    },
  },
  {
    online: {
      heading: 'Synchronisation en ligne',
      hint: 'Quand une liaison existe, les lots partent vers le relais WebDAV du réseau et reviennent d’eux-mêmes. Les fichiers restent la solution de repli.',
      url: 'Adresse du dossier relais',
      username: 'Nom d’utilisateur',
      password: 'Mot de passe ou jeton d’application',
      save: 'Enregistrer et synchroniser',
      remove: 'Arrêter la synchronisation en ligne',
      saved: 'Enregistré. Le mot de passe est conservé chiffré sur cet appareil.',
      savedSession:
        'Enregistré. Cet ordinateur n’a pas de coffre à secrets : le mot de passe n’est gardé que jusqu’à la fermeture de l’application, il vous sera redemandé.',
      saveFailed: 'Les réglages du relais n’ont pas pu être enregistrés. Réessayez.',
      badUrl:
        'Saisissez une adresse https (http seulement pour cet ordinateur), sans nom d’utilisateur.',
      setByHq_one:
        'Défini par l’AC dans le profil du réseau : chaque appareil utilise cette adresse et se synchronise chaque minute. Seuls votre nom d’utilisateur et votre mot de passe sont gardés ici.',
      setByHq_other:
        'Défini par l’AC dans le profil du réseau : chaque appareil utilise cette adresse et se synchronise toutes les {{count}} minutes. Seuls votre nom d’utilisateur et votre mot de passe sont gardés ici.',
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
        import: 'Relais : importation {{done}} sur {{total}}…',
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
      hq: {
        heading: 'Relais de synchronisation en ligne',
        intro:
          'Définissez ici le relais WebDAV : chaque appareil en prend l’adresse et la fréquence dans le profil; chaque personne saisit toujours son propre nom d’utilisateur et son mot de passe. Sans relais ici, les Paramètres de chaque appareil décident.',
        enabled: 'Tous les appareils se synchronisent par ce relais',
        urlHelp:
          'Le dossier du relais, p. ex. https://relais.exemple.org/dav/liaison/. http simple seulement pour cet ordinateur (127.0.0.1 ou localhost), dans le réseau de démonstration seulement.',
        interval: 'Intervalle de synchronisation (minutes)',
        intervalHelp:
          'De {{min}} à {{max}}. Les appareils se synchronisent aussi au retour d’une liaison et peu après une modification.',
        badUrl:
          'Saisissez l’adresse https d’un dossier (http seulement pour 127.0.0.1 ou localhost), sans nom d’utilisateur, requête ni fragment.',
        httpsOnly:
          'Saisissez une adresse https : le http simple vers cet ordinateur n’est permis que dans le réseau de démonstration.',
        range: 'Saisissez un nombre entier de minutes de {{min}} à {{max}}.',
        apply: 'Appliquer les réglages du relais',
        applied: 'Réglages du relais mis à jour dans la prochaine version.',
      },
    },
  },
);
