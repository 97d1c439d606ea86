// Nil reports ("nothing to report this month"), namespace `nilReports`. Canadian French
// typography: a non-breaking space (U+00A0) before a colon.
import { bilingual } from '../../i18n/bilingual.ts';

export const nilReportsMessages = bilingual(
  {
    nilReports: {
      heading: 'Nothing to report for a month?',
      intro:
        'When you had no activity to log in a month, file a nil report: your team lead and HQ then see that month as reported, not as missing. It travels in your next bundle like an entry.',
      month: 'Month',
      file: 'File “nothing to report” for {{month}}',
      filed: 'Nil report filed for {{month}}. It will reach HQ with your next bundle.',
      withdrawn: 'Nil report for {{month}} withdrawn.',
      listHeading: 'Nil reports you filed',
      none: 'You have not filed any nil report.',
      waiting: 'waiting to reach HQ',
      withdraw: 'Withdraw',
      withdrawLabel: 'Withdraw the nil report for {{month}}',
      problem: {
        'not-a-month': 'Choose a month.',
        future: '{{month}} has not begun yet: a nil report covers a past or the current month.',
        'already-filed': 'You already filed a nil report for {{month}}.',
        'has-entries':
          'You have entries dated in {{month}}: that month is already reported, no nil report is needed.',
      },
      failed: 'The nil report could not be saved. Try again.',
    },
  },
  {
    nilReports: {
      heading: 'Rien à signaler pour un mois\u00a0?',
      intro:
        'Si vous n’avez eu aucune activité à consigner pendant un mois, déclarez «\u00a0rien à signaler\u00a0»\u00a0: votre chef d’équipe et l’AC voient alors ce mois comme déclaré, et non comme manquant. La déclaration part dans votre prochain lot, comme une entrée.',
      month: 'Mois',
      file: 'Déclarer «\u00a0rien à signaler\u00a0» pour {{month}}',
      filed:
        'Déclaration «\u00a0rien à signaler\u00a0» enregistrée pour {{month}}. Elle parviendra à l’AC avec votre prochain lot.',
      withdrawn: 'Déclaration «\u00a0rien à signaler\u00a0» de {{month}} retirée.',
      listHeading: 'Vos déclarations «\u00a0rien à signaler\u00a0»',
      none: 'Vous n’avez fait aucune déclaration «\u00a0rien à signaler\u00a0».',
      waiting: 'en attente d’envoi à l’AC',
      withdraw: 'Retirer',
      withdrawLabel: 'Retirer la déclaration «\u00a0rien à signaler\u00a0» de {{month}}',
      problem: {
        'not-a-month': 'Choisissez un mois.',
        future:
          '{{month}} n’a pas encore commencé\u00a0: une déclaration porte sur un mois passé ou le mois en cours.',
        'already-filed':
          'Vous avez déjà fait une déclaration «\u00a0rien à signaler\u00a0» pour {{month}}.',
        'has-entries':
          'Vous avez des entrées datées de {{month}}\u00a0: ce mois est déjà déclaré, aucune déclaration «\u00a0rien à signaler\u00a0» n’est nécessaire.',
      },
      failed: 'La déclaration n’a pas pu être enregistrée. Réessayez.',
    },
  },
);
