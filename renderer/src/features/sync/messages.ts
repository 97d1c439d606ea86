// The sync screens' messages: export, import with its progress and report, gaps, pending
// devices, and the status strip's exchange times. One namespace, `sync`.
import { bilingual } from '../../i18n/bilingual.ts';

export const syncMessages = bilingual(
  {
    sync: {
      heading: 'Sync',
      intro:
        'Bundles carry your entries to your team lead and HQ, and their reviews back to you, on a USB stick or by e-mail.',
      introLead:
        'Bundles carry entries and reviews between this computer, the officers of your posts and HQ, on a USB stick or by e-mail.',
      introHq:
        'Bundles carry entries and reviews between HQ, the team leads and the officers of every post, on a USB stick or by e-mail.',
      busy: 'Working…',
      export: {
        heading: 'Send your entries',
        headingHq: 'Send to devices',
        hint: 'One file with every entry, new or edited, that HQ and your team lead do not have yet.',
        hintLead:
          'One file with your reviews and comments that HQ and the officers of your posts do not have yet.',
        nothingLead:
          'Nothing to send: HQ and the officers of your posts already have all your reviews and comments.',
        bundle: 'Export bundle',
        toFolder: 'Export to folder',
        changeFolder: 'Change folder…',
        folder: 'Export folder: {{label}}',
        noFolder: 'No export folder chosen yet.',
        nothing: 'Nothing to send: HQ and your team lead already have all your entries.',
        written: 'Saved “{{fileName}}”: {{entries}}.',
        detailToggle: 'Details',
        detail: 'In detail: {{changes}} to {{entries}} (numbers {{ranges}}).',
        changes_one: '{{count, number}} change',
        changes_other: '{{count, number}} changes',
        entries_one: '{{count, number}} entry',
        entries_other: '{{count, number}} entries',
        writtenFile: 'Saved “{{fileName}}”.',
        location: 'Location: {{location}}',
        unreadable_one:
          '{{count, number}} entry could not be read and was not sent (it is damaged on this computer). Its numbers count as sent, so nobody waits for it.',
        unreadable_other:
          '{{count, number}} entries could not be read and were not sent (they are damaged on this computer). Their numbers count as sent, so nobody waits for them.',
        cancelled: 'Export cancelled: nothing was written.',
        receiptsHeading: 'Receipts',
        receiptsHint:
          'A receipt tells officers which of their changes you hold, so their next bundles leave them out.',
        receiptPost: 'Receipt for',
        allPosts: 'All posts',
        exportReceipt: 'Export receipt',
        profileHeading: 'Network profile',
        profileHint: 'Devices import the profile to learn about newly approved devices and posts.',
        exportProfile: 'Export network profile',
        receiptWritten: 'Saved the receipt “{{fileName}}”.',
        profileWritten: 'Saved the network profile “{{fileName}}”.',
        receiptParts_one:
          'Receipt saved as {{count, number}} file (one file is for {{max, number}} devices at most). Give each device the file for its post:',
        receiptParts_other:
          'Receipt saved as {{count, number}} files (one file is for {{max, number}} devices at most). Give each device the file for its post:',
        receiptPart: 'Part {{index, number}} of {{count, number}}: “{{fileName}}”, for {{posts}}.',
        receiptPartAndNoPost:
          'Part {{index, number}} of {{count, number}}: “{{fileName}}”, for {{posts}} and the devices of no one post (team leads, HQ).',
        receiptPartNoPost:
          'Part {{index, number}} of {{count, number}}: “{{fileName}}”, for the devices of no one post (team leads, HQ).',
        receiptPartsCancelled_one:
          'Export cancelled after {{saved, number}} of {{count, number}} receipt file. The files saved are complete receipts for their devices and can be handed out; export the receipt again to write every part.',
        receiptPartsCancelled_other:
          'Export cancelled after {{saved, number}} of {{count, number}} receipt files. The files saved are complete receipts for their devices and can be handed out; export the receipt again to write every part.',
      },
      import: {
        heading: 'Import',
        hint: 'Bundles from officers and leads, receipts from HQ, profile updates and device cards.',
        choose: 'Choose files…',
        fromFolder: 'Import all from folder',
        chooseFolder: 'Choose import folder…',
        folder: 'Import folder: {{label}}',
        emptyFolder: 'The import folder holds no file to import.',
        dropZone: 'Drop files here to import them',
        dropHere: 'Release to import',
        fileTypes: 'Liaison Log files',
        running: 'Importing…',
        finished: 'Import finished. Its report is under “Last import”.',
        resuming:
          'An import was interrupted before it finished. It is being completed now; nothing is lost or duplicated.',
        resumed: 'An interrupted import was completed.',
        setAside_one:
          '{{name}} could not be imported and was set aside: its import stopped twice. The reason is under “Last import”.',
        setAside_other:
          '{{count, number}} files could not be imported and were set aside: their import stopped twice. The reasons are under “Last import”.',
        filesDone: 'Files done: {{done, number}} of {{count, number}}',
        progressText: 'Files done: {{done, number}} of {{count, number}}, {{percent, number}}%',
        fileProgress: 'File {{index, number}} of {{count, number}}: {{name}}',
        cancel: 'Cancel',
        cancelling: 'Stopping after this file…',
        busy: 'An import is already running. Add these files when it has finished.',
      },
      combined: {
        files: 'Files',
        officers: 'Officers',
        kind: {
          new: 'New',
          duplicate: 'Duplicates',
          waiting: 'Waiting for approval',
          refused: 'Refused',
        },
        entriesAdded: 'Entries added',
        nilReportsAdded: 'Of them, nil reports (not listed in the log)',
        entriesUpdated: 'Entries changed',
        changesRefused: 'Changes refused',
        caption: 'Per officer: files new, duplicate or refused, and entries added',
        officer: 'Officer',
        post: 'Post',
        unknownSender: 'Unknown sender',
        otherFiles_one:
          '{{count, number}} other file (receipt, profile or card): see its report below.',
        otherFiles_other:
          '{{count, number}} other files (receipts, profiles or cards): see their reports below.',
        reasonsHeading: 'Why files or changes were refused',
        refusedFile: '{{name}}: {{reason}}',
        refusedChanges_one: '{{count, number}} change refused: {{reason}}',
        refusedChanges_other: '{{count, number}} changes refused: {{reason}}',
        reasonUnlisted: 'further refusals, counted but not listed (each file lists 200 at most)',
        eachFile_one: 'The report of the file',
        eachFile_other: 'The report of each file ({{count, number}})',
      },
      report: {
        lastHeading: 'Last import',
        historyHeading: 'Past imports',
        noRuns: 'No import yet.',
        runTitle: '{{when}}',
        runFirstFile: '{{name}}',
        runMoreFiles_one: '{{name}} and {{count, number}} other',
        runMoreFiles_other: '{{name}} and {{count, number}} others',
        runFiles_one: '{{count, number}} file',
        runFiles_other: '{{count, number}} files',
        runProblems_one: '{{count, number}} not imported',
        runProblems_other: '{{count, number}} not imported',
        unfinished: 'Not finished: it resumes when the app opens again.',
        cancelled: 'Cancelled: the remaining files were not touched.',
        open: 'Show report',
        close: 'Hide report',
        file: 'File',
        from: 'From',
        device: 'Device code',
        sender: '{{officer}} ({{officerId}}) at {{post}}',
        senderIdOnly: '{{officerId}} at {{post}}',
        senderNoPost: '{{officer}} ({{officerId}})',
        role: {
          officer: 'officer',
          lead: 'team lead',
          hq: 'HQ',
          unknown: 'device not approved',
        },
        rangesLabel: 'Changes',
        entries: 'Entries: {{added, number}} new, {{updated, number}} changed.',
        entriesNil_one: 'Of the new, {{count, number}} nil report (not listed in the log).',
        entriesNil_other: 'Of the new, {{count, number}} nil reports (not listed in the log).',
        entriesNone: 'No entry changed: this computer already held everything it carries.',
        detail: 'Details: changes and their numbers',
        approveDevice: 'Approve this device…',
        noLongerWaiting: 'This device no longer waits: it was approved or rejected since.',
        runApproval: 'Device of {{officer}} approved',
        runRelay: 'Received through the relay',
        countsCaption_one: 'What became of its {{count, number}} change',
        countsCaption_other: 'What became of its {{count, number}} changes',
        counts: {
          inserted: 'New entries',
          updated: 'Applied',
          unchanged: 'Already held',
          stale: 'Older than held',
          refused: 'Refused',
        },
        deferred_one:
          '{{count, number}} change is kept until its entry arrives here, then applied.',
        deferred_other:
          '{{count, number}} changes are kept until their entry arrives here, then applied.',
        clockAhead_one:
          '{{count, number}} change is held, not applied: it is stamped more than a day ahead of this computer’s clock (the sender’s clock is probably wrong). It applies at an import once this clock reaches its time; ask the sender to fix their clock.',
        clockAhead_other:
          '{{count, number}} changes are held, not applied: they are stamped more than a day ahead of this computer’s clock (the sender’s clock is probably wrong). They apply at an import once this clock reaches their time; ask the sender to fix their clock.',
        retried_one: '{{count, number}} change kept from an earlier bundle could now be judged.',
        retried_other: '{{count, number}} changes kept from earlier bundles could now be judged.',
        refusedHeading: 'Refused changes',
        refusedRow: 'Entry {{record}}, field “{{field}}”: {{reason}}',
        refusedMore_one: '…and {{count, number}} more refused change.',
        refusedMore_other: '…and {{count, number}} more refused changes.',
        outcome: {
          applied: 'Imported.',
          setAside_one: 'Could not import: set aside after {{count, number}} try. {{reason}}',
          setAside_other: 'Could not import: set aside after {{count, number}} tries. {{reason}}',
          appliedRefused_one: 'Imported, but {{count, number}} change was refused.',
          appliedRefused_other: 'Imported, but {{count, number}} changes were refused.',
          alreadyImported: 'Already imported on {{when}}: nothing changed.',
          pendingDevice:
            'Waiting for approval: this device is not approved yet. Its bundle is kept and imported once the device is approved.',
          receipt: 'Receipt: {{sender}} holds your changes up to number {{upTo, number}}.',
          receiptNone: 'Receipt: {{sender}} holds none of your entries yet.',
          receiptAll: 'Receipt: {{sender}} holds all your entries.',
          receiptExcept_one:
            'Receipt: {{sender}} holds your entries except {{count, number}} saved or changed since; it travels in your next bundle.',
          receiptExcept_other:
            'Receipt: {{sender}} holds your entries except {{count, number}} saved or changed since; they travel in your next bundle.',
          receiptDetail: 'Your changes it holds: numbers 1–{{upTo, number}}.',
          profileUpdated: 'Network profile updated to version {{version, number}}.',
          profileSame: 'Network profile version {{version, number}}: this device has it already.',
          profilePending:
            'Network profile version {{version, number}} names new HQ keys: it waits until you type the new HQ code (at the top of this screen).',
          enrollment: 'Device card of {{sender}}: listed under devices waiting for approval.',
        },
      },
      refusal: {
        unknown: 'Refused (code {{code}}).',
      },
      gaps: {
        heading: 'Missing bundles',
        none: 'Nothing is missing: every bundle announced so far has arrived.',
        line: 'A bundle from {{officer}} at {{post}} is missing: some of their entries or edits have not arrived.',
        lineHq:
          'A bundle from {{officer}} (HQ) is missing: some of its reviews or profile updates have not arrived.',
        detail: 'Changes {{from, number}}–{{to, number}} are missing.',
        detailOne: 'Change {{from, number}} is missing.',
        hint: 'First export a receipt for the sender’s post (below), then ask the sender to import it and export a new bundle: it then carries everything you have not acknowledged.',
      },
      pending: {
        heading: 'Devices waiting for approval',
        none: 'No device is waiting for approval.',
        hint: 'A bundle from a device you have not approved is kept, not imported. Call the person and compare the device code before approving.',
        code: 'Device code',
        officer: 'Officer',
        post: 'Post',
        bundles: 'Bundles waiting',
        firstSeen: 'First seen',
        approve: 'Approve…',
        reject: 'Reject…',
        confirmTitle: 'Approve the device of {{officer}}?',
        confirmBody:
          'Call {{officer}} on a number you already know and ask them to read their device code (in their Liaison Log, under Settings › This device). Approve only if it is exactly:',
        confirmApprove: 'The codes match: approve',
        rejectTitle: 'Reject the device of {{officer}}?',
        rejectBody:
          'Its waiting bundles are deleted without being imported. If the device is genuine, it can send them again later.',
        confirmReject: 'Reject and delete its bundles',
        cancel: 'Cancel',
        approved: 'Device approved; its waiting bundles were imported.',
        rejected: 'Device rejected; its waiting bundles were deleted.',
        actionsFor: 'Actions for the device of {{officer}}',
      },
      approvals: {
        heading: 'Devices you approved',
        none: 'You have not approved any device yourself.',
        hint: 'Officer devices you approved here; HQ does not list them. If one is lost or stolen, withdraw your approval and tell HQ, which can revoke it for every device.',
        approvedAt: 'Approved',
        withdraw: 'Withdraw approval…',
        withdrawLabel: 'Withdraw your approval of the device of {{officer}}',
        confirmTitle: 'Withdraw your approval of the device of {{officer}}?',
        confirmBody:
          'Nothing will be sent to it any more, and its next bundle will wait here for a decision. What it sent before stays. Tell HQ: only HQ can revoke it for every device.',
        confirmWithdraw: 'Withdraw my approval',
        withdrawn: 'Approval withdrawn. Tell HQ so it can revoke the device everywhere.',
      },
      status: {
        lastExport: 'Last export: {{when}}',
        neverExported: 'Never exported',
        lastReceipt: 'Last receipt from HQ: {{when}}',
        noReceipt: 'No receipt from HQ yet',
        importing: 'Importing: {{percent, number}}%',
      },
      hqKeys: {
        heading: 'HQ’s keys have changed',
        notice:
          'HQ’s keys have changed. Type the new HQ code that HQ reads to you by phone to accept the new network profile.',
        typeCode: 'The new code HQ read to you',
        wrongCode:
          'This is not the code of HQ’s new key. Nothing was changed: the new profile still waits. Ask HQ to read it again; if it still differs, refuse it and tell HQ: someone else may hold HQ’s old key.',
        accept: 'Accept the new profile',
        refuse: 'Refuse',
        accepted:
          'New network profile accepted (version {{version, number}}): bundles now use HQ’s new keys.',
        refused: 'New network profile refused: this device keeps HQ’s keys as they were.',
      },
      error: {
        unexpected: 'Something went wrong. Nothing was changed; try again.',
      },
    },
  },
  {
    sync: {
      heading: 'Synchronisation',
      intro:
        'Les lots portent vos entrées à votre chef d’équipe et à l’AC, et leurs révisions jusqu’à vous, sur une clé USB ou par courriel.',
      introLead:
        'Les lots transportent les entrées et les révisions entre cet ordinateur, les agents de vos postes et l’AC, sur une clé USB ou par courriel.',
      introHq:
        'Les lots transportent les entrées et les révisions entre l’AC, les chefs d’équipe et les agents de tous les postes, sur une clé USB ou par courriel.',
      busy: 'En cours…',
      export: {
        heading: 'Envoyer vos entrées',
        headingHq: 'Envoyer aux appareils',
        hint: 'Un seul fichier avec toutes vos entrées, nouvelles ou modifiées, que l’AC et votre chef d’équipe n’ont pas encore.',
        hintLead:
          'Un seul fichier avec vos révisions et commentaires que l’AC et les agents de vos postes n’ont pas encore.',
        nothingLead:
          'Rien à envoyer : l’AC et les agents de vos postes ont déjà toutes vos révisions et tous vos commentaires.',
        bundle: 'Exporter un lot',
        toFolder: 'Exporter dans le dossier',
        changeFolder: 'Changer de dossier…',
        folder: 'Dossier d’exportation : {{label}}',
        noFolder: 'Aucun dossier d’exportation choisi.',
        nothing: 'Rien à envoyer : l’AC et votre chef d’équipe ont déjà toutes vos entrées.',
        written: '« {{fileName}} » enregistré : {{entries}}.',
        detailToggle: 'Détails',
        detail: 'En détail : {{changes}} touchant {{entries}} (numéros {{ranges}}).',
        changes_one: '{{count, number}} modification',
        changes_other: '{{count, number}} modifications',
        entries_one: '{{count, number}} entrée',
        entries_other: '{{count, number}} entrées',
        writtenFile: '« {{fileName}} » enregistré.',
        location: 'Emplacement : {{location}}',
        unreadable_one:
          '{{count, number}} entrée n’a pas pu être lue et n’a pas été envoyée (elle est endommagée sur cet ordinateur). Ses numéros comptent comme envoyés : personne ne l’attendra.',
        unreadable_other:
          '{{count, number}} entrées n’ont pas pu être lues et n’ont pas été envoyées (elles sont endommagées sur cet ordinateur). Leurs numéros comptent comme envoyés : personne ne les attendra.',
        cancelled: 'Exportation annulée : rien n’a été écrit.',
        receiptsHeading: 'Accusés de réception',
        receiptsHint:
          'Un accusé de réception indique aux agents quelles modifications vous avez déjà, pour que leurs prochains lots ne les contiennent plus.',
        receiptPost: 'Accusé de réception pour',
        allPosts: 'Tous les postes',
        exportReceipt: 'Exporter l’accusé de réception',
        profileHeading: 'Profil du réseau',
        profileHint:
          'Les appareils importent le profil pour connaître les appareils et les postes nouvellement approuvés.',
        exportProfile: 'Exporter le profil du réseau',
        receiptWritten: 'Accusé de réception « {{fileName}} » enregistré.',
        profileWritten: 'Profil du réseau « {{fileName}} » enregistré.',
        receiptParts_one:
          'Accusé de réception enregistré en {{count, number}} fichier (un fichier vaut pour {{max, number}} appareils au plus). Remettez à chaque appareil le fichier de son poste :',
        receiptParts_other:
          'Accusé de réception enregistré en {{count, number}} fichiers (un fichier vaut pour {{max, number}} appareils au plus). Remettez à chaque appareil le fichier de son poste :',
        receiptPart:
          'Partie {{index, number}} sur {{count, number}} : « {{fileName}} », pour {{posts}}.',
        receiptPartAndNoPost:
          'Partie {{index, number}} sur {{count, number}} : « {{fileName}} », pour {{posts}} et les appareils sans poste unique (chefs d’équipe, AC).',
        receiptPartNoPost:
          'Partie {{index, number}} sur {{count, number}} : « {{fileName}} », pour les appareils sans poste unique (chefs d’équipe, AC).',
        receiptPartsCancelled_one:
          'Exportation annulée après {{saved, number}} fichier d’accusé de réception sur {{count, number}}. Les fichiers enregistrés sont des accusés complets pour leurs appareils et peuvent être remis ; exportez de nouveau l’accusé pour écrire toutes les parties.',
        receiptPartsCancelled_other:
          'Exportation annulée après {{saved, number}} fichiers d’accusé de réception sur {{count, number}}. Les fichiers enregistrés sont des accusés complets pour leurs appareils et peuvent être remis ; exportez de nouveau l’accusé pour écrire toutes les parties.',
      },
      import: {
        heading: 'Importer',
        hint: 'Lots des agents et des chefs d’équipe, accusés de réception de l’AC, mises à jour du profil et fiches d’appareil.',
        choose: 'Choisir des fichiers…',
        fromFolder: 'Tout importer depuis le dossier',
        chooseFolder: 'Choisir le dossier d’importation…',
        folder: 'Dossier d’importation : {{label}}',
        emptyFolder: 'Le dossier d’importation ne contient aucun fichier à importer.',
        dropZone: 'Déposez des fichiers ici pour les importer',
        dropHere: 'Relâchez pour importer',
        fileTypes: 'Fichiers Liaison Log',
        running: 'Importation en cours…',
        finished: 'Importation terminée. Son rapport est sous « Dernière importation ».',
        resuming:
          'Une importation a été interrompue avant la fin. Elle est en train d’être terminée; rien n’est perdu ni dupliqué.',
        resumed: 'Une importation interrompue a été terminée.',
        setAside_one:
          '{{name}} n’a pas pu être importé et a été mis de côté : son importation s’est arrêtée deux fois. La raison figure sous « Dernière importation ».',
        setAside_other:
          '{{count, number}} fichiers n’ont pas pu être importés et ont été mis de côté : leur importation s’est arrêtée deux fois. Les raisons figurent sous « Dernière importation ».',
        filesDone: 'Fichiers terminés : {{done, number}} sur {{count, number}}',
        progressText:
          'Fichiers terminés : {{done, number}} sur {{count, number}}, {{percent, number}} %',
        fileProgress: 'Fichier {{index, number}} sur {{count, number}} : {{name}}',
        cancel: 'Annuler',
        cancelling: 'Arrêt après ce fichier…',
        busy: 'Une importation est déjà en cours. Ajoutez ces fichiers quand elle sera terminée.',
      },
      combined: {
        files: 'Fichiers',
        officers: 'Agents',
        kind: {
          new: 'Nouveaux',
          duplicate: 'Doublons',
          waiting: 'En attente d’approbation',
          refused: 'Refusés',
        },
        entriesAdded: 'Entrées ajoutées',
        nilReportsAdded: 'Dont déclarations «\u00a0rien à signaler\u00a0» (absentes du journal)',
        entriesUpdated: 'Entrées modifiées',
        changesRefused: 'Modifications refusées',
        caption: 'Par agent : fichiers nouveaux, en double ou refusés, et entrées ajoutées',
        officer: 'Agent',
        post: 'Poste',
        unknownSender: 'Expéditeur inconnu',
        otherFiles_one:
          '{{count, number}} autre fichier (accusé de réception, profil ou fiche) : voir son rapport plus bas.',
        otherFiles_other:
          '{{count, number}} autres fichiers (accusés de réception, profils ou fiches) : voir leurs rapports plus bas.',
        reasonsHeading: 'Pourquoi des fichiers ou des modifications ont été refusés',
        refusedFile: '{{name}} : {{reason}}',
        refusedChanges_one: '{{count, number}} modification refusée : {{reason}}',
        refusedChanges_other: '{{count, number}} modifications refusées : {{reason}}',
        reasonUnlisted:
          'autres refus, comptés mais non listés (chaque fichier en liste 200 au plus)',
        eachFile_one: 'Le rapport du fichier',
        eachFile_other: 'Le rapport de chaque fichier ({{count, number}})',
      },
      report: {
        lastHeading: 'Dernière importation',
        historyHeading: 'Importations précédentes',
        noRuns: 'Aucune importation pour l’instant.',
        runTitle: '{{when}}',
        runFirstFile: '{{name}}',
        runMoreFiles_one: '{{name}} et {{count, number}} autre',
        runMoreFiles_other: '{{name}} et {{count, number}} autres',
        runFiles_one: '{{count, number}} fichier',
        runFiles_other: '{{count, number}} fichiers',
        runProblems_one: '{{count, number}} non importé',
        runProblems_other: '{{count, number}} non importés',
        unfinished: 'Inachevée : elle reprendra à la prochaine ouverture de l’application.',
        cancelled: 'Annulée : les fichiers restants n’ont pas été touchés.',
        open: 'Afficher le rapport',
        close: 'Masquer le rapport',
        file: 'Fichier',
        from: 'Expéditeur',
        device: 'Code de l’appareil',
        sender: '{{officer}} ({{officerId}}) à {{post}}',
        senderIdOnly: '{{officerId}} à {{post}}',
        senderNoPost: '{{officer}} ({{officerId}})',
        role: {
          officer: 'agent',
          lead: 'chef d’équipe',
          hq: 'AC',
          unknown: 'appareil non approuvé',
        },
        rangesLabel: 'Modifications',
        entries: 'Entrées : {{added, number}} nouvelles, {{updated, number}} modifiées.',
        entriesNil_one:
          'Dont {{count, number}} déclaration «\u00a0rien à signaler\u00a0» (absente du journal).',
        entriesNil_other:
          'Dont {{count, number}} déclarations «\u00a0rien à signaler\u00a0» (absentes du journal).',
        entriesNone: 'Aucune entrée modifiée : cet ordinateur avait déjà tout ce qu’il contient.',
        detail: 'Détails : modifications et leurs numéros',
        approveDevice: 'Approuver cet appareil…',
        noLongerWaiting: 'Cet appareil n’attend plus : il a été approuvé ou refusé depuis.',
        runApproval: 'Appareil de {{officer}} approuvé',
        runRelay: 'Reçu par le relais',
        countsCaption_one: 'Ce qu’il est advenu de sa {{count, number}} modification',
        countsCaption_other: 'Ce qu’il est advenu de ses {{count, number}} modifications',
        counts: {
          inserted: 'Nouvelles entrées',
          updated: 'Appliquées',
          unchanged: 'Déjà présentes',
          stale: 'Plus anciennes',
          refused: 'Refusées',
        },
        deferred_one:
          '{{count, number}} modification est conservée jusqu’à l’arrivée de son entrée, puis appliquée.',
        deferred_other:
          '{{count, number}} modifications sont conservées jusqu’à l’arrivée de leur entrée, puis appliquées.',
        clockAhead_one:
          '{{count, number}} modification est retenue, non appliquée\u00a0: elle est datée de plus d’un jour après l’horloge de cet ordinateur (l’horloge de l’expéditeur est sans doute fausse). Elle sera appliquée lors d’une importation, une fois que cette horloge aura atteint sa date\u00a0; demandez à l’expéditeur de corriger son horloge.',
        clockAhead_other:
          '{{count, number}} modifications sont retenues, non appliquées\u00a0: elles sont datées de plus d’un jour après l’horloge de cet ordinateur (l’horloge de l’expéditeur est sans doute fausse). Elles seront appliquées lors d’une importation, une fois que cette horloge aura atteint leur date\u00a0; demandez à l’expéditeur de corriger son horloge.',
        retried_one:
          '{{count, number}} modification conservée d’un lot précédent a pu être traitée.',
        retried_other:
          '{{count, number}} modifications conservées de lots précédents ont pu être traitées.',
        refusedHeading: 'Modifications refusées',
        refusedRow: 'Entrée {{record}}, champ « {{field}} » : {{reason}}',
        refusedMore_one: '…et {{count, number}} autre modification refusée.',
        refusedMore_other: '…et {{count, number}} autres modifications refusées.',
        outcome: {
          applied: 'Importé.',
          setAside_one:
            'Importation impossible : mis de côté après {{count, number}} essai. {{reason}}',
          setAside_other:
            'Importation impossible : mis de côté après {{count, number}} essais. {{reason}}',
          appliedRefused_one: 'Importé, mais {{count, number}} modification a été refusée.',
          appliedRefused_other: 'Importé, mais {{count, number}} modifications ont été refusées.',
          alreadyImported: 'Déjà importé le {{when}} : rien n’a changé.',
          pendingDevice:
            'En attente d’approbation : cet appareil n’est pas encore approuvé. Son lot est conservé et sera importé une fois l’appareil approuvé.',
          receipt:
            'Accusé de réception : {{sender}} a vos modifications jusqu’au numéro {{upTo, number}}.',
          receiptNone: 'Accusé de réception : {{sender}} n’a encore aucune de vos entrées.',
          receiptAll: 'Accusé de réception : {{sender}} a toutes vos entrées.',
          receiptExcept_one:
            'Accusé de réception : {{sender}} a vos entrées, sauf {{count, number}} enregistrée ou modifiée depuis ; elle partira dans votre prochain lot.',
          receiptExcept_other:
            'Accusé de réception : {{sender}} a vos entrées, sauf {{count, number}} enregistrées ou modifiées depuis ; elles partiront dans votre prochain lot.',
          receiptDetail: 'Vos modifications qu’il détient : numéros 1 à {{upTo, number}}.',
          profileUpdated: 'Profil du réseau mis à jour à la version {{version, number}}.',
          profileSame: 'Profil du réseau, version {{version, number}} : cet appareil l’a déjà.',
          profilePending:
            'Le profil du réseau, version {{version, number}}, nomme de nouvelles clés de l’AC : il attend que vous saisissiez le nouveau code de l’AC (en haut de cet écran).',
          enrollment:
            'Fiche d’appareil de {{sender}} : ajoutée aux appareils en attente d’approbation.',
        },
      },
      refusal: {
        unknown: 'Refusée (code {{code}}).',
      },
      gaps: {
        heading: 'Lots manquants',
        none: 'Rien ne manque : tous les lots annoncés jusqu’ici sont arrivés.',
        line: 'Un lot de {{officer}} à {{post}} manque : certaines de ses entrées ou modifications ne sont pas arrivées.',
        lineHq:
          'Un lot de {{officer}} (AC) manque : certaines de ses révisions ou mises à jour du profil ne sont pas arrivées.',
        detail: 'Les modifications {{from, number}} à {{to, number}} manquent.',
        detailOne: 'La modification {{from, number}} manque.',
        hint: 'Exportez d’abord un accusé de réception pour le poste de l’expéditeur (plus bas), puis demandez à l’expéditeur de l’importer et d’exporter un nouveau lot : il contiendra alors tout ce dont vous n’avez pas accusé réception.',
      },
      pending: {
        heading: 'Appareils en attente d’approbation',
        none: 'Aucun appareil n’attend d’approbation.',
        hint: 'Le lot d’un appareil que vous n’avez pas approuvé est conservé, pas importé. Appelez la personne et comparez le code de l’appareil avant d’approuver.',
        code: 'Code de l’appareil',
        officer: 'Agent',
        post: 'Poste',
        bundles: 'Lots en attente',
        firstSeen: 'Vu la première fois',
        approve: 'Approuver…',
        reject: 'Refuser…',
        confirmTitle: 'Approuver l’appareil de {{officer}}?',
        confirmBody:
          'Appelez {{officer}} à un numéro que vous connaissez déjà et demandez-lui de lire son code de l’appareil (dans son Liaison Log, sous Paramètres › Cet appareil). N’approuvez que s’il est exactement :',
        confirmApprove: 'Les codes correspondent : approuver',
        rejectTitle: 'Refuser l’appareil de {{officer}}?',
        rejectBody:
          'Ses lots en attente sont supprimés sans être importés. Si l’appareil est authentique, il pourra les renvoyer plus tard.',
        confirmReject: 'Refuser et supprimer ses lots',
        cancel: 'Annuler',
        approved: 'Appareil approuvé; ses lots en attente ont été importés.',
        rejected: 'Appareil refusé; ses lots en attente ont été supprimés.',
        actionsFor: 'Actions pour l’appareil de {{officer}}',
      },
      approvals: {
        heading: 'Appareils que vous avez approuvés',
        none: 'Vous n’avez approuvé vous-même aucun appareil.',
        hint: 'Les appareils d’agents que vous avez approuvés ici; l’AC ne les répertorie pas. Si l’un est perdu ou volé, retirez votre approbation et prévenez l’AC, qui peut le révoquer pour tous les appareils.',
        approvedAt: 'Approuvé le',
        withdraw: 'Retirer l’approbation…',
        withdrawLabel: 'Retirer votre approbation de l’appareil de {{officer}}',
        confirmTitle: 'Retirer votre approbation de l’appareil de {{officer}}?',
        confirmBody:
          'Plus rien ne lui sera envoyé, et son prochain lot attendra ici une décision. Ce qu’il a envoyé avant reste. Prévenez l’AC : seule l’AC peut le révoquer pour tous les appareils.',
        confirmWithdraw: 'Retirer mon approbation',
        withdrawn: 'Approbation retirée. Prévenez l’AC pour qu’elle révoque l’appareil partout.',
      },
      status: {
        lastExport: 'Dernière exportation : {{when}}',
        neverExported: 'Jamais exporté',
        lastReceipt: 'Dernier accusé de l’AC : {{when}}',
        noReceipt: 'Aucun accusé de l’AC',
        importing: 'Importation : {{percent, number}} %',
      },
      hqKeys: {
        heading: 'Les clés de l’AC ont changé',
        notice:
          'Les clés de l’AC ont changé. Saisissez le nouveau code de l’AC, qu’elle vous lit au téléphone, pour accepter le nouveau profil du réseau.',
        typeCode: 'Le nouveau code que l’AC vous a lu',
        wrongCode:
          'Ce n’est pas le code de la nouvelle clé de l’AC. Rien n’a été modifié : le nouveau profil attend toujours. Demandez à l’AC de le relire; s’il diffère encore, refusez-le et prévenez l’AC : quelqu’un d’autre détient peut-être l’ancienne clé de l’AC.',
        accept: 'Accepter le nouveau profil',
        refuse: 'Refuser',
        accepted:
          'Nouveau profil du réseau accepté (version {{version, number}}) : les lots utilisent désormais les nouvelles clés de l’AC.',
        refused:
          'Nouveau profil du réseau refusé : cet appareil garde les clés de l’AC telles qu’elles étaient.',
      },
      error: {
        unexpected: 'Une erreur s’est produite. Rien n’a été modifié; réessayez.',
      },
    },
  },
);
