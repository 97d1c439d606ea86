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
  upgrade: {
    title: 'Mise à jour de votre journal pour cette version',
    body: 'Cela se fait une seule fois après la mise à jour de Liaison Log. Avec beaucoup d’entrées, cela peut prendre quelques minutes.',
    keepOpen:
      'Gardez l’application ouverte. Si elle se ferme, rien n’est perdu\u00a0: la mise à jour reprendra au prochain démarrage.',
    progress: 'Mise à jour en cours',
    blocked:
      'La mise à jour attend une autre fenêtre de Liaison Log qui garde votre journal ouvert avec l’ancienne version. Fermez cette fenêtre\u00a0: la mise à jour se poursuivra d’elle-même dès sa fermeture.',
  },
  dates: {
    reversed:
      'La date de début est après la date de fin\u00a0: aucune entrée ne peut correspondre. Changez l’une des deux.',
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
  notForRole: {
    title: 'Non disponible ici',
    body: 'Cet écran ne fait pas partie de votre rôle sur cet appareil.',
    back: 'Retour au journal',
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
  review: {
    pending: 'Non révisée',
    approved: 'Approuvée',
    issues: 'Problèmes relevés',
    returned: 'Renvoyée',
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
