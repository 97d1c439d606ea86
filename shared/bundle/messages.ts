// What a person reads when a bundle is refused, in both languages. The app merges these
// objects into its i18next resources; keys are bundle.error.<code> (see errors.ts).
import { type BundleErrorCode } from './errors.ts';

type ErrorMessages = { readonly [C in BundleErrorCode]: string };

export interface BundleMessages {
  readonly bundle: { readonly error: ErrorMessages };
}

const en: BundleMessages = {
  bundle: {
    error: {
      'not-a-bundle': 'This file is not a Liaison Log bundle, or it is damaged.',
      'unsupported-version':
        'This bundle was made by a newer version of Liaison Log (format {{version}}). Update the app, then import it again.',
      truncated:
        'This bundle is incomplete: the file ends too early. Copy it again from the source and retry.',
      'header-too-large': 'This bundle was refused: its header is larger than allowed.',
      'too-many-recipients':
        'This bundle was refused: it is addressed to more devices than allowed.',
      'not-addressed-to-me':
        'This bundle was not made for this device, or it was made for keys this device no longer uses. Ask the sender to make a new one.',
      'bad-signature':
        'This bundle was refused: its signature does not match its contents. It was changed or damaged after it was made.',
      'signer-mismatch':
        'This bundle was refused: it was not signed by the device it claims to come from. Check with the sender before trying again.',
      'payload-altered':
        'This bundle was refused: its encrypted contents were changed, reordered or cut after it was made.',
      'too-large-when-inflated':
        'This bundle was refused: once unpacked it would be larger than allowed ({{limit, number}} bytes).',
      'too-many-changes':
        'This bundle was refused: it carries {{count, number}} changes, more than the {{limit, number}} one bundle may carry.',
      'too-many-ranges':
        'This bundle was refused: it declares {{count, number}} sequence ranges, more than the {{limit, number}} allowed for this kind of bundle.',
      'too-many-chunks':
        'This bundle was refused: it is cut into {{count, number}} encrypted pieces, more than the {{limit, number}} allowed for this kind of bundle.',
      'too-large':
        'This bundle was refused: its contents are {{count, number}} bytes, more than the {{limit, number}} allowed for this kind of bundle.',
      'inflation-ratio':
        'This bundle was refused: it would unpack to {{count, number}} times its packed size, more than the {{limit, number}} times real bundles reach. It may be a “compression bomb”.',
      'invalid-change':
        'This bundle was refused: change {{index}} in it is not valid. Nothing from it was imported.',
      'invalid-payload':
        'This bundle was refused: its contents are not in the expected form. Nothing from it was imported.',
    },
  },
};

const fr: BundleMessages = {
  bundle: {
    error: {
      'not-a-bundle': 'Ce fichier n’est pas un lot Liaison Log, ou il est endommagé.',
      'unsupported-version':
        'Ce lot a été créé par une version plus récente de Liaison Log (format {{version}}). Mettez l’application à jour, puis importez-le de nouveau.',
      truncated:
        'Ce lot est incomplet : le fichier s’arrête trop tôt. Copiez-le de nouveau depuis la source et réessayez.',
      'header-too-large': 'Ce lot a été refusé : son en-tête dépasse la taille autorisée.',
      'too-many-recipients':
        'Ce lot a été refusé : il est adressé à plus d’appareils que le nombre autorisé.',
      'not-addressed-to-me':
        'Ce lot n’a pas été créé pour cet appareil, ou il l’a été pour des clés que cet appareil n’utilise plus. Demandez à l’expéditeur d’en créer un nouveau.',
      'bad-signature':
        'Ce lot a été refusé : sa signature ne correspond pas à son contenu. Il a été modifié ou endommagé après sa création.',
      'signer-mismatch':
        'Ce lot a été refusé : il n’a pas été signé par l’appareil dont il dit provenir. Vérifiez auprès de l’expéditeur avant de réessayer.',
      'payload-altered':
        'Ce lot a été refusé : son contenu chiffré a été modifié, réordonné ou tronqué après sa création.',
      'too-large-when-inflated':
        'Ce lot a été refusé : une fois décompressé, il dépasserait la taille autorisée ({{limit, number}} octets).',
      'too-many-changes':
        'Ce lot a été refusé : il contient {{count, number}} modifications, plus que les {{limit, number}} qu’un lot peut contenir.',
      'too-many-ranges':
        'Ce lot a été refusé : il déclare {{count, number}} plages de numéros, plus que les {{limit, number}} autorisées pour ce type de lot.',
      'too-many-chunks':
        'Ce lot a été refusé : il est découpé en {{count, number}} morceaux chiffrés, plus que les {{limit, number}} autorisés pour ce type de lot.',
      'too-large':
        'Ce lot a été refusé : son contenu fait {{count, number}} octets, plus que les {{limit, number}} autorisés pour ce type de lot.',
      'inflation-ratio':
        'Ce lot a été refusé : une fois décompressé, il serait {{count, number}} fois plus gros, plus que les {{limit, number}} fois qu’atteignent les vrais lots. Il s’agit peut-être d’une « bombe de décompression ».',
      'invalid-change':
        'Ce lot a été refusé : la modification n° {{index}} qu’il contient n’est pas valide. Rien n’en a été importé.',
      'invalid-payload':
        'Ce lot a été refusé : son contenu n’a pas la forme attendue. Rien n’en a été importé.',
    },
  },
};

/** i18next resources for the bundle errors, to merge into the app's `en` and `fr` resources. */
export const bundleMessages: { readonly en: BundleMessages; readonly fr: BundleMessages } = {
  en,
  fr,
};
