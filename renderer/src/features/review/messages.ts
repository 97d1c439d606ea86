// The review queue, the comment thread and the officer's correction loop (namespaces `queue`,
// `thread`, `returned`), and a time in two zones (`when`).
// Canadian French typography: a non-breaking space (U+00A0) before a colon. One French word
// for review everywhere: « révision ».
import { bilingual } from '../../i18n/bilingual.ts';

export const reviewMessages = bilingual(
  {
    queue: {
      heading: 'Review queue',
      labelled: '{{label}}:',
      counts: 'Entries by state',
      filters: 'Filter the queue',
      post: 'Post',
      officer: 'Officer',
      type: 'Type',
      state: 'State',
      from: 'From',
      to: 'To',
      any: 'All',
      date: 'Date',
      summary: 'Summary',
      selectEntry: 'Select: {{type}}, {{date}}, {{officer}}',
      selectAll: 'Select all shown',
      sortBy: 'Sort by {{column}}',
      keys: 'Keys: j or ↓ next, k or ↑ previous, a approve, i has issues, r write a comment to return, x select.',
      approve: 'Approve',
      issues: 'Has issues',
      returnWith: 'Return with this comment',
      bulkApprove_one: 'Approve the {{count}} selected entry',
      bulkApprove_other: 'Approve the {{count}} selected entries',
      bulkApproving: 'Approving…',
      loading: 'Reading the queue…',
      bulkDone_one: '{{count}} entry approved.',
      bulkDone_other: '{{count}} entries approved.',
      countLine: '{{state}}: {{n, number}}',
      limited:
        'The newest {{n, number}} entries that match are listed, and sorting orders those. Narrow the filters (post, officer, type, dates) to reach the others.',
      bulkPartly:
        '{{done}} approved; {{left}} changed since you read them or may not be approved here: read them again.',
      emptyNothing:
        'Nothing to review yet: entries arrive here when you import your officers’ bundles in Sync.',
      emptyAllReviewed: 'All reviewed: no entry waits in this state for these filters.',
      emptyNoMatch: 'No entry matches these filters.',
      pickOne: 'Choose an entry in the list to read it and review it.',
      entry: 'Entry',
      openFull: 'Open the full entry',
      done: {
        approved: 'Approved.',
        issues: 'Marked as having issues.',
        returned: 'Returned to the officer with your comment.',
      },
      refused: {
        'changed-since-read':
          'This entry changed since you read it. Read the new version below, then review it again.',
        'comment-required':
          'Write a comment to return an entry: the officer needs to know what to correct.',
        'comment-too-long': 'A comment holds at most {{max}} characters.',
        'officer-cannot-review': 'Officers do not review entries.',
        'not-your-post': 'You review only the entries of the posts you lead.',
        'not-your-entry': 'This entry is not yours.',
        'nothing-to-correct': 'There is nothing to correct on this entry.',
        'same-state': 'The entry is already in that state.',
        'pending-by-edit-only': 'An entry waits for review again only when its officer edits it.',
      },
    },
    thread: {
      heading: 'Comments',
      empty: 'No comment yet.',
      comment: 'Comment',
      limit: 'At most {{max}} characters ({{used}} used).',
      by_lead: '{{name}}, team lead',
      by_hq: '{{name}}, HQ',
      by_officer: '{{name}}, officer',
      gave: 'gave: {{state}}',
    },
    returned: {
      heading_one: 'Returned to you: {{count}} entry to correct',
      heading_other: 'Returned to you: {{count}} entries to correct',
      intro:
        'Your team lead or HQ sent these back. Open one, read the comments and edit it: it then waits for review again.',
      strip_one: '{{count}} returned to you',
      strip_other: '{{count}} returned to you',
      reason: {
        new: 'Not reviewed yet',
        corrected: 'Corrected: waits for review again',
        'edited-after-approval': 'Edited after approval: waits for review again',
      },
      correcting:
        'This entry was returned for correction. Saving your edit sends it back for review.',
    },
    when: {
      yours: '(your time: {{time}})',
    },
  },
  {
    queue: {
      heading: 'File de révision',
      labelled: '{{label}}\u00a0:',
      counts: 'Entrées par état',
      filters: 'Filtrer la file',
      post: 'Poste',
      officer: 'Agent',
      type: 'Type',
      state: 'État',
      from: 'Du',
      to: 'Au',
      any: 'Tous',
      date: 'Date',
      summary: 'Résumé',
      selectEntry: 'Sélectionner : {{type}}, {{date}}, {{officer}}',
      selectAll: 'Tout sélectionner',
      sortBy: 'Trier par {{column}}',
      keys: 'Touches\u00a0: j ou ↓ suivante, k ou ↑ précédente, a approuver, i problèmes relevés, r écrire un commentaire pour renvoyer, x sélectionner.',
      approve: 'Approuver',
      issues: 'Problèmes relevés',
      returnWith: 'Renvoyer avec ce commentaire',
      bulkApproving: 'Approbation en cours…',
      loading: 'Lecture de la file…',
      bulkApprove_one: 'Approuver l’entrée sélectionnée ({{count}})',
      bulkApprove_other: 'Approuver les {{count}} entrées sélectionnées',
      bulkDone_one: '{{count}} entrée approuvée.',
      bulkDone_other: '{{count}} entrées approuvées.',
      countLine: '{{state}}\u00a0: {{n, number}}',
      limited:
        'Les {{n, number}} entrées les plus récentes qui correspondent sont listées, et le tri ordonne celles-ci. Précisez les filtres (poste, agent, type, dates) pour atteindre les autres.',
      bulkPartly:
        '{{done}} approuvées; {{left}} ont changé depuis votre lecture ou ne peuvent être approuvées ici\u00a0: relisez-les.',
      emptyNothing:
        'Rien à réviser pour l’instant\u00a0: les entrées arrivent ici quand vous importez les lots de vos agents dans Synchronisation.',
      emptyAllReviewed:
        'Tout est révisé\u00a0: aucune entrée n’attend dans cet état pour ces filtres.',
      emptyNoMatch: 'Aucune entrée ne correspond à ces filtres.',
      pickOne: 'Choisissez une entrée dans la liste pour la lire et la réviser.',
      entry: 'Entrée',
      openFull: 'Ouvrir l’entrée complète',
      done: {
        approved: 'Approuvée.',
        issues: 'Marquée «\u00a0problèmes relevés\u00a0».',
        returned: 'Renvoyée à l’agent avec votre commentaire.',
      },
      refused: {
        'changed-since-read':
          'Cette entrée a changé depuis votre lecture. Lisez la nouvelle version ci-dessous, puis révisez-la de nouveau.',
        'comment-required':
          'Écrivez un commentaire pour renvoyer une entrée\u00a0: l’agent doit savoir quoi corriger.',
        'comment-too-long': 'Un commentaire compte au plus {{max}} caractères.',
        'officer-cannot-review': 'Les agents ne révisent pas les entrées.',
        'not-your-post': 'Vous révisez seulement les entrées des postes que vous dirigez.',
        'not-your-entry': 'Cette entrée n’est pas la vôtre.',
        'nothing-to-correct': 'Il n’y a rien à corriger dans cette entrée.',
        'same-state': 'L’entrée est déjà dans cet état.',
        'pending-by-edit-only':
          'Une entrée attend de nouveau la révision seulement quand son agent la modifie.',
      },
    },
    thread: {
      heading: 'Commentaires',
      empty: 'Aucun commentaire pour l’instant.',
      comment: 'Commentaire',
      limit: 'Au plus {{max}} caractères ({{used}} utilisés).',
      by_lead: '{{name}}, chef d’équipe',
      by_hq: '{{name}}, AC',
      by_officer: '{{name}}, agent',
      gave: 'a donné\u00a0: {{state}}',
    },
    returned: {
      heading_one: 'Renvoyée à vous\u00a0: {{count}} entrée à corriger',
      heading_other: 'Renvoyées à vous\u00a0: {{count}} entrées à corriger',
      intro:
        'Votre chef d’équipe ou l’AC vous les a renvoyées. Ouvrez-en une, lisez les commentaires et modifiez-la\u00a0: elle attend ensuite de nouveau la révision.',
      strip_one: '{{count}} renvoyée à vous',
      strip_other: '{{count}} renvoyées à vous',
      reason: {
        new: 'Pas encore révisée',
        corrected: 'Corrigée\u00a0: attend de nouveau la révision',
        'edited-after-approval': 'Modifiée après approbation\u00a0: attend de nouveau la révision',
      },
      correcting:
        'Cette entrée vous a été renvoyée pour correction. Enregistrer votre modification la renvoie à la révision.',
    },
    when: {
      yours: '(chez vous\u00a0: {{time}})',
    },
  },
);
