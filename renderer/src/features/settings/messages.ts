// The Settings screen's messages, English and French (`settings`): this device's card, its
// storage, the passphrase, resetting the device, and HQ's answer to a recovery request. And
// the device card's words (`deviceCard`): the one code a person reads over the phone is
// called "the device code" here, in Sync's approval dialog and on the set-up card.
// Canadian French typography: a non-breaking space (U+00A0) before a colon.
import { bilingual } from '../../i18n/bilingual.ts';

export const settingsMessages = bilingual(
  {
    settings: {
      heading: 'Settings',
      device: 'This device',
      app: 'About this app',
      deviceId: 'Device ID',
      appVersion: 'App version',
      runtime: 'Running in',
      runtimeBrowser: 'A web browser',
      runtimeDesktop: 'The desktop app ({{details}})',
      storage: 'Storage on this computer',
      storageChecking: 'Checking…',
      storageState_persistent: 'Persistent.',
      storageMeaning_persistent:
        'The browser keeps the app’s data until you remove it, even when the disk runs low.',
      'storageState_best-effort': 'Not persistent.',
      'storageMeaning_best-effort':
        'The browser may clear the app’s data on its own when the disk runs low.',
      storageState_unsupported: 'Unknown.',
      storageMeaning_unsupported: 'This browser does not say whether it may clear the app’s data.',
      storageAdvice: 'Export often, so HQ holds a copy of your work.',
      role: 'Role',
      role_officer: 'Liaison officer',
      role_lead: 'Team lead',
      role_hq: 'HQ',
      name: 'Name',
      officerId: 'Officer ID',
      userId: 'User ID',
      posts_one: 'Post',
      posts_other: 'Posts',
      network: 'Network',
      networkValue: '{{name}}, profile version {{version}}',
      signingKey: 'Signing key',
      encryptionKey: 'Encryption key',
      hqKey: 'HQ’s key',
      passphraseHeading: 'Passphrase',
      currentPassphrase: 'Current passphrase',
      newPassphrase: 'New passphrase',
      repeatPassphrase: 'New passphrase again',
      changePassphrase: 'Change passphrase',
      changingPassphrase: 'Changing…',
      passphraseChanged: 'Passphrase changed. Use the new one from now on.',
      passphraseTooShort: 'Use at least {{min}} characters.',
      passphraseMismatch: 'The two new passphrases are not the same.',
      mustChangePassphrase: 'HQ set a temporary passphrase for this device. Choose your own now.',
      resetHeading: 'Reset this device',
      resetIntro:
        'Erases everything on this computer: entries, drafts, keys and settings. Use it to hand the laptop over or to join another network.',
      resetIntroHq:
        'Erases everything on this computer, including HQ’s keys: without them no device can send HQ a bundle until a new network is set up.',
      reset: 'Reset this device…',
      resetRefused_one:
        '{{count, number}} change has not reached HQ yet. Export a bundle first, so nothing is lost.',
      resetRefused_other:
        '{{count, number}} changes have not reached HQ yet. Export a bundle first, so nothing is lost.',
      resetWaiting_one:
        '{{count, number}} change is not acknowledged yet: export a bundle before resetting.',
      resetWaiting_other:
        '{{count, number}} changes are not acknowledged yet: export a bundle before resetting.',
      resetRefusedEntries:
        'Changes to {{what}} have not reached HQ yet. Export a bundle first, so nothing is lost.',
      resetWaitingEntries:
        'Changes to {{what}} are not acknowledged yet: export a bundle before resetting.',
      resetConfirmBodyExportedEntries:
        'Changes to {{what}} are not acknowledged yet but are in your last exported bundle. Make sure that file reaches HQ. Erase everything?',
      entriesWhat_one: '{{count, number}} activity',
      entriesWhat_other: '{{count, number}} activities',
      exportFirst: 'Export a bundle',
      resetConfirmTitle: 'Erase everything on this device?',
      resetConfirmBody:
        'Everything on this computer will be erased. HQ already holds all your entries.',
      resetConfirmBodyHq:
        'Everything on this computer will be erased: every entry HQ holds here and HQ’s keys. Without the keys no device can send HQ a bundle until a new network is set up.',
      resetConfirmBodyExported_one:
        '{{count, number}} change is not acknowledged yet but is in your last exported bundle. Make sure that file reaches HQ. Erase everything?',
      resetConfirmBodyExported_other:
        '{{count, number}} changes are not acknowledged yet but are in your last exported bundle. Make sure that file reaches HQ. Erase everything?',
      resetConfirm: 'Erase everything',
      cancel: 'Cancel',
      recoverHeading: 'Recover a device’s passphrase',
      recoverIntro:
        'An officer or team lead who forgot their passphrase sends you a recovery request. Call them first on a number you know, to be sure who asks.',
      openRequest: 'Open a recovery request…',
      requestFrom: 'Request for {{name}}, device {{deviceId}} (as your network profile lists it).',
      readTemporary:
        'Read this temporary passphrase to them by phone. It is not in the answer file, and it is not kept here:',
      saveAnswer: 'Save the answer file',
      answerSaved: 'Answer saved. Send it to them; they will be asked to choose a new passphrase.',
    },
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
    settings: {
      heading: 'Paramètres',
      device: 'Cet appareil',
      app: 'À propos de l’application',
      deviceId: 'ID de l’appareil',
      appVersion: 'Version de l’application',
      runtime: 'Exécution dans',
      runtimeBrowser: 'Un navigateur Web',
      runtimeDesktop: 'L’application de bureau ({{details}})',
      storage: 'Stockage sur cet ordinateur',
      storageChecking: 'Vérification…',
      storageState_persistent: 'Persistant.',
      storageMeaning_persistent:
        'Le navigateur garde les données de l’application jusqu’à ce que vous les supprimiez, même quand le disque se remplit.',
      'storageState_best-effort': 'Non persistant.',
      'storageMeaning_best-effort':
        'Le navigateur peut effacer de lui-même les données de l’application quand le disque se remplit.',
      storageState_unsupported: 'Inconnu.',
      storageMeaning_unsupported:
        'Ce navigateur n’indique pas s’il peut effacer les données de l’application.',
      storageAdvice: 'Exportez souvent, pour que l’AC ait une copie de votre travail.',
      role: 'Rôle',
      role_officer: 'Agent de liaison',
      role_lead: 'Chef d’équipe',
      role_hq: 'AC',
      name: 'Nom',
      officerId: 'Numéro d’agent',
      userId: 'Identifiant de l’utilisateur',
      posts_one: 'Poste',
      posts_other: 'Postes',
      network: 'Réseau',
      networkValue: '{{name}}, version {{version}} du profil',
      signingKey: 'Clé de signature',
      encryptionKey: 'Clé de chiffrement',
      hqKey: 'Clé de l’AC',
      passphraseHeading: 'Phrase de passe',
      currentPassphrase: 'Phrase de passe actuelle',
      newPassphrase: 'Nouvelle phrase de passe',
      repeatPassphrase: 'Nouvelle phrase de passe (encore)',
      changePassphrase: 'Changer la phrase de passe',
      changingPassphrase: 'Changement…',
      passphraseChanged: 'Phrase de passe changée. Utilisez la nouvelle dorénavant.',
      passphraseTooShort: 'Utilisez au moins {{min}} caractères.',
      passphraseMismatch: 'Les deux nouvelles phrases de passe ne sont pas identiques.',
      mustChangePassphrase:
        'L’AC a fixé une phrase de passe temporaire pour cet appareil. Choisissez la vôtre maintenant.',
      resetHeading: 'Réinitialiser cet appareil',
      resetIntro:
        'Efface tout sur cet ordinateur : entrées, brouillons, clés et paramètres. Servez-vous-en pour remettre l’ordinateur ou joindre un autre réseau.',
      resetIntroHq:
        'Efface tout sur cet ordinateur, y compris les clés de l’AC : sans elles, aucun appareil ne peut envoyer de lot à l’AC tant qu’un nouveau réseau n’est pas configuré.',
      reset: 'Réinitialiser cet appareil…',
      resetRefused_one:
        '{{count, number}} modification n’est pas encore parvenue à l’AC. Exportez d’abord un lot, pour ne rien perdre.',
      resetRefused_other:
        '{{count, number}} modifications ne sont pas encore parvenues à l’AC. Exportez d’abord un lot, pour ne rien perdre.',
      resetWaiting_one:
        '{{count, number}} modification n’est pas encore confirmée : exportez un lot avant de réinitialiser.',
      resetWaiting_other:
        '{{count, number}} modifications ne sont pas encore confirmées : exportez un lot avant de réinitialiser.',
      resetRefusedEntries:
        'Des modifications de {{what}} ne sont pas encore parvenues à l’AC. Exportez d’abord un lot, pour ne rien perdre.',
      resetWaitingEntries:
        'Des modifications de {{what}} ne sont pas encore confirmées : exportez un lot avant de réinitialiser.',
      resetConfirmBodyExportedEntries:
        'Des modifications de {{what}} ne sont pas encore confirmées, mais elles sont dans votre dernier lot exporté. Assurez-vous que ce fichier parvienne à l’AC. Tout effacer?',
      entriesWhat_one: '{{count, number}} activité',
      entriesWhat_other: '{{count, number}} activités',
      exportFirst: 'Exporter un lot',
      resetConfirmTitle: 'Tout effacer sur cet appareil?',
      resetConfirmBody:
        'Tout sera effacé sur cet ordinateur. L’AC détient déjà toutes vos entrées.',
      resetConfirmBodyHq:
        'Tout sera effacé sur cet ordinateur : toutes les entrées que l’AC détient ici et les clés de l’AC. Sans ces clés, aucun appareil ne peut envoyer de lot à l’AC tant qu’un nouveau réseau n’est pas configuré.',
      resetConfirmBodyExported_one:
        '{{count, number}} modification n’est pas encore confirmée, mais elle est dans votre dernier lot exporté. Assurez-vous que ce fichier parvienne à l’AC. Tout effacer?',
      resetConfirmBodyExported_other:
        '{{count, number}} modifications ne sont pas encore confirmées, mais elles sont dans votre dernier lot exporté. Assurez-vous que ce fichier parvienne à l’AC. Tout effacer?',
      resetConfirm: 'Tout effacer',
      cancel: 'Annuler',
      recoverHeading: 'Récupérer la phrase de passe d’un appareil',
      recoverIntro:
        'Un agent ou un chef d’équipe qui a oublié sa phrase de passe vous envoie une demande de récupération. Appelez-le d’abord à un numéro que vous connaissez, pour être sûr de son identité.',
      openRequest: 'Ouvrir une demande de récupération…',
      requestFrom: 'Demande pour {{name}}, appareil {{deviceId}} (selon votre profil de réseau).',
      readTemporary:
        'Lisez-lui cette phrase de passe temporaire au téléphone. Elle n’est pas dans le fichier de réponse et n’est pas conservée ici :',
      saveAnswer: 'Enregistrer le fichier de réponse',
      answerSaved:
        'Réponse enregistrée. Envoyez-la-lui ; on lui demandera de choisir une nouvelle phrase de passe.',
    },
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
