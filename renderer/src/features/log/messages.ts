// The log's messages for entries the database cannot read (damaged on disk, or stored in a
// shape this version does not know), namespace `unreadable`; and the words of an entry's
// history that the imported saves brought (`trail`).
import { bilingual } from '../../i18n/bilingual.ts';

export const logMessages = bilingual(
  {
    unreadable: {
      row: 'Unreadable entry',
      reason: {
        'missing-field': 'the stored entry lacks “{{field}}”',
        'wrong-field': 'the stored “{{field}}” is not what this version can read',
      },
      heading: 'Unreadable entry',
      body: 'This entry is stored on this computer but cannot be read: {{reason}}. The other entries are not affected. Nothing was changed; an update from its author will replace it.',
      id: 'Entry id: {{id}}',
    },
    trail: {
      fromBundle: 'arrived in a bundle',
      comment: 'Comment',
      replaced: 'not kept here (changed again since)',
    },
  },
  {
    unreadable: {
      row: 'Entrée illisible',
      reason: {
        'missing-field': 'il manque « {{field}} » à l’entrée enregistrée',
        'wrong-field': 'la valeur « {{field}} » enregistrée n’est pas lisible par cette version',
      },
      heading: 'Entrée illisible',
      body: 'Cette entrée est enregistrée sur cet ordinateur mais ne peut pas être lue : {{reason}}. Les autres entrées ne sont pas touchées. Rien n’a été modifié ; une mise à jour de son auteur la remplacera.',
      id: 'Identifiant de l’entrée : {{id}}',
    },
    trail: {
      fromBundle: 'arrivée dans un lot',
      comment: 'Commentaire',
      replaced: 'non conservée ici (modifiée de nouveau depuis)',
    },
  },
);
