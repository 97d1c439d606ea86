// Chaînes de l'interface en français. Mêmes clés que en.ts (le type Resources le vérifie).
import { type Resources } from './en.ts';

export const fr: Resources = {
  app: {
    title: 'Liaison Log',
    skipToContent: 'Aller au contenu principal',
    mainNav: 'Navigation principale',
    loading: 'Ouverture de votre journal…',
    demo: 'Démo',
    lockNow: 'Verrouiller',
  },
  nav: {
    log: 'Journal des activités',
    new: 'Nouvelle activité',
    settings: 'Paramètres',
    networkLog: 'Journal du réseau',
    review: 'Révision',
    summaries: 'Sommaires',
    network: 'Réseau',
    sync: 'Synchronisation',
  },
  later: {
    back: 'Retour au journal',
    reviewTitle: 'Révision',
    reviewBody:
      'La révision des entrées de vos postes arrive dans la prochaine version. Les entrées vous parviennent déjà par les lots importés.',
    summariesTitle: 'Sommaires',
    summariesBody:
      'Les totaux par type, mois, trimestre et exercice financier arrivent dans la prochaine version.',
    notForRoleTitle: 'Non disponible ici',
    notForRoleBody: 'Cet écran ne fait pas partie de votre rôle sur cet appareil.',
  },
  language: {
    label: 'Langue',
    switchTo: 'English',
    switchToLabel: 'Switch to English',
    en: 'English',
    fr: 'Français',
  },
  status: {
    region: 'État de la synchronisation',
    pendingActivities_one: '{{count, number}} activité en attente de synchronisation',
    pendingActivities_other: '{{count, number}} activités en attente de synchronisation',
    pendingChanges_one: '{{count, number}} modification en attente de synchronisation',
    pendingChanges_other: '{{count, number}} modifications en attente de synchronisation',
    allSynced: 'Rien en attente de synchronisation',
    online: 'En ligne',
    offline: 'Hors ligne : tout est enregistré sur cet ordinateur',
    signedInAs_officer: '{{name}} · {{post}}',
    signedInAs_lead: '{{name}} · chef d’équipe',
    signedInAs_hq: '{{name}} · AC',
  },
  list: {
    heading: 'Journal des activités',
    filters: 'Filtres',
    type: 'Type',
    allTypes: 'Tous les types',
    period: 'Période',
    status: 'Révision',
    allStatuses: 'Tous',
    search: 'Rechercher',
    searchPlaceholder: 'Rechercher transporteur, aéroport, sujet…',
    from: 'Du',
    to: 'Au',
    count_one: '{{count, number}} activité',
    count_other: '{{count, number}} activités',
    empty:
      'Aucune activité consignée. Appuyez sur « Nouvelle activité » pour consigner la première.',
    noMatch: 'Aucune activité ne correspond à ces filtres.',
    clearFilters: 'Effacer les filtres',
    waiting: 'En attente de synchronisation',
    countWithUnit: '{{unit}} : {{count}}',
    searching: 'Recherche en cours…',
    drafts_one: 'Vous avez une entrée inachevée :',
    drafts_other: 'Vous avez {{count}} entrées inachevées :',
    resumeNew: 'Reprendre : {{type}} (nouvelle)',
    resumeEdit: 'Reprendre la modification : {{type}}',
    rowsLabel: 'Activités, des plus récentes aux plus anciennes',
  },
  period: {
    all: 'Toutes les dates',
    thisFy: 'Exercice en cours',
    lastFy: 'Exercice précédent',
    thisQuarter: 'Trimestre en cours',
    thisMonth: 'Mois en cours',
    custom: 'Période personnalisée',
  },
  review: {
    pending: 'Non révisée',
    approved: 'Approuvée',
    issues: 'Problèmes relevés',
    returned: 'Renvoyée',
  },
  form: {
    chooseType: 'Qu’avez-vous fait?',
    chooseTypeHint: 'Appuyez sur 1 à 7, ou choisissez ci-dessous.',
    newHeading: 'Nouvelle activité : {{type}}',
    editHeading: 'Modifier l’activité : {{type}}',
    date: 'Date',
    dateHelp: 'Le jour où elle a eu lieu, dans le fuseau horaire du poste.',
    save: 'Enregistrer',
    saveAndNew: 'Enregistrer et consigner une autre',
    saveHint: 'Ctrl+Entrée enregistre.',
    cancel: 'Annuler',
    draftRestored: 'Votre brouillon non enregistré a été restauré.',
    discardDraft: 'Supprimer le brouillon',
    draftUnreadable:
      'Un brouillon enregistré pour ce formulaire n’a pas pu être ouvert : le formulaire commence donc vide. Le brouillon est conservé jusqu’à ce que vous tapiez ici ; ce que vous tapez le remplace alors.',
    draftDiskFull:
      'Le disque est plein : ce que vous avez saisi n’a pas pu être gardé comme brouillon. C’est toujours dans ce formulaire : libérez de l’espace avant de fermer cette fenêtre.',
    draftNotKept:
      'Ce que vous avez saisi n’a pas pu être gardé comme brouillon. C’est toujours dans ce formulaire : enregistrez-le avant de fermer cette fenêtre.',
    saved: 'Activité enregistrée.',
    updated: 'Modifications enregistrées.',
    nothingChanged: 'Aucune modification.',
    sensitive: 'Renseignement personnel',
    yes: 'Oui',
    no: 'Non',
    choose: 'Choisir…',
    fixErrors_one: 'Veuillez corriger {{count}} champ.',
    fixErrors_other: 'Veuillez corriger {{count}} champs.',
  },
  detail: {
    heading: '{{type}} le {{date}}',
    edit: 'Modifier',
    delete: 'Supprimer',
    back: 'Retour au journal',
    confirmDeleteTitle: 'Supprimer cette activité?',
    confirmDeleteBody:
      'Elle sera retirée de votre journal, et la suppression parviendra à l’AC lors de votre prochaine synchronisation.',
    confirmDelete: 'Supprimer',
    deleted: 'Activité supprimée.',
    history: 'Historique',
    historyEmpty: 'Aucune modification consignée.',
    historyWhen: 'Quand',
    historyWho: 'Qui',
    historyField: 'Champ',
    historyValue: 'Nouvelle valeur',
    deletedMarker: 'Supprimée',
    post: 'Poste',
    officer: 'Agent',
    reviewStatus: 'Révision',
    newerRecord:
      'Cette entrée a été rédigée par une version plus récente de Liaison Log. Vous pouvez la lire, mais mettez l’application à jour avant de la modifier.',
    notFound: 'Cette activité n’existe pas ou a été supprimée.',
    purged: 'Retiré de cet ordinateur après la confirmation de l’AC (l’AC le conserve).',
    unreadable: 'Affichage impossible : cette valeur protégée est endommagée ou a été modifiée.',
    empty: '—',
  },
  setup: {
    heading: 'Bienvenue dans Liaison Log',
    intro:
      'Indiquez qui vous êtes et votre poste d’affectation. Tout reste sur cet ordinateur jusqu’à la synchronisation.',
    name: 'Votre nom',
    officerId: 'Numéro d’agent',
    officerIdHelp: 'Lettres, chiffres et traits d’union, tel qu’attribué par l’AC.',
    post: 'Poste',
    choosePost: 'Choisissez votre poste…',
    start: 'Commencer',
  },
  settings: {
    heading: 'Paramètres',
    device: 'Cet appareil',
    app: 'À propos de l’application',
    deviceId: 'ID de l’appareil',
    appVersion: 'Version de l’application',
    runtime: 'Exécution dans',
    storage: 'Stockage sur cet ordinateur',
    storageChecking: 'Vérification…',
    storageState_persistent: 'Persistant.',
    storageMeaning_persistent:
      'Le navigateur garde les données de l’application jusqu’à ce que vous les supprimiez, même quand le disque se remplit.',
    'storageState_best-effort': 'Non persistant.',
    'storageMeaning_best-effort':
      'Le navigateur peut effacer de lui-même les données de l’application quand le disque se remplit. Exportez souvent, pour que l’AC ait une copie de votre travail.',
    storageState_unsupported: 'Inconnu.',
    storageMeaning_unsupported:
      'Ce navigateur n’indique pas s’il peut effacer les données de l’application. Exportez souvent, pour que l’AC ait une copie de votre travail.',
    role: 'Rôle',
    role_officer: 'Agent de liaison',
    role_lead: 'Chef d’équipe',
    role_hq: 'AC',
    name: 'Nom',
    officerId: 'ID de l’agent',
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
    exportFirst: 'Exporter un lot',
    resetConfirmTitle: 'Tout effacer sur cet appareil?',
    resetConfirmBody: 'Tout sera effacé sur cet ordinateur. L’AC détient déjà toutes vos entrées.',
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
  errors: {
    title: 'Un problème est survenu',
    openFailed:
      'Liaison Log n’a pas pu ouvrir sa base de données sur cet ordinateur. Rien n’a été supprimé. Fermez les autres fenêtres de Liaison Log et réessayez.',
    blocked:
      'Liaison Log a été mis à jour dans une autre fenêtre. Rechargez cette fenêtre pour continuer; votre travail enregistré est en sécurité.',
    otherWindowOpen:
      'Une autre fenêtre de Liaison Log est encore ouverte avec une version antérieure. Fermez-la, puis rechargez cette fenêtre; rien n’a été perdu.',
    versionTooNew:
      'Cet ordinateur contient des données d’une version plus récente de Liaison Log. Installez cette version pour les ouvrir; rien n’a été modifié.',
    quotaExceeded:
      'Le disque est plein : votre entrée n’a pas été enregistrée, mais elle reste dans le formulaire. Libérez de l’espace et enregistrez de nouveau.',
    writeFailed:
      'Votre entrée n’a pas pu être enregistrée. Elle reste dans le formulaire; réessayez.',
    notFound: 'Cette activité n’existe plus.',
    notYours:
      'Cette entrée appartient à un autre agent : lui seul peut la modifier ou la supprimer.',
    locked:
      'Liaison Log est verrouillé. Déverrouillez-le avec votre phrase de passe, puis réessayez.',
    newerRecord:
      'Cette entrée provient d’une version plus récente de Liaison Log et ne peut pas être modifiée ici.',
    unexpected:
      'Une erreur inattendue est survenue. Votre travail enregistré est en sécurité. Rechargez pour continuer.',
    reload: 'Recharger',
    dismiss: 'Fermer',
  },
};
