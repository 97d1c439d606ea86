// The first-run wizard's words, in English and French (namespace `wizard`).
// Canadian French typography: a non-breaking space (U+00A0) before a colon.
import { bilingual } from '../../i18n/bilingual.ts';

export const wizardMessages = bilingual(
  {
    wizard: {
      back: 'Back',
      next: 'Next',
      working: 'Setting up this device… This takes a few seconds.',
      stepOf: 'Step {{step}} of {{count}}',
      welcome: {
        heading: 'Welcome to Liaison Log',
        intro:
          'Liaison Log keeps your activity log on this computer, protected by a passphrase, and syncs it with your team lead and HQ.',
        language: 'Language',
        choose: 'How will you use Liaison Log on this computer?',
        member: 'Set up for my post',
        memberHelp: 'You are an officer or a team lead, and HQ gave you a network profile file.',
        hq: 'Set up HQ',
        hqHelp: 'You run the network: create its posts, team leads and rules.',
        demo: 'Try the demo',
        demoHelp: 'A ready-made example network with invented data. Nothing real.',
      },
      demo: {
        heading: 'Try the demo',
        warning:
          'This is a demo. Its keys are public, so it protects nothing: never type real information into it.',
        passphrase: 'The demo passphrase is: {{passphrase}}',
        passphraseHelp: 'You need it when Liaison Log locks itself after a few idle minutes.',
        quick: 'Start at once',
        asOfficerAt: 'As an officer at {{city}}',
        who: 'Or choose who to be',
        officer: 'Demo officer',
        startOfficer: 'Start as this officer',
        lead: 'Demo team lead',
        startLead: 'Start as this team lead',
        hq: 'Demo HQ',
        hqHelp: 'Sees the whole network and issues its profile.',
        startHq: 'Start as the demo HQ',
        withData:
          'Fill a team lead or HQ with the demo network’s four years of entries (about 73,000; HQ takes about a minute)',
        seeding: 'Storing the demo network’s entries: {{done}} of {{total}}',
        officerOption: '{{name}}, {{city}}',
        leadOption: '{{name}}, {{region}} ({{count}} posts)',
      },
      import: {
        heading: 'Import your network profile',
        intro:
          'HQ sends you a network profile file (ending in .llprofile), on a USB stick or by e-mail. It lists the posts, the team leads and HQ’s key.',
        choose: 'Choose the profile file…',
        fileFilter: 'Liaison Log network profile',
        reading: 'Checking the file…',
      },
      verify: {
        heading: 'Check HQ’s code',
        intro:
          'Call HQ and ask them to read you their code: HQ sees it on its Network screen. Only the HQ that signed this file has this code, so a code that does not match means the file did not come from your HQ.',
        network: 'Network',
        version: 'Profile version',
        issued: 'Issued',
        demoProfile: 'This is the demo network: it protects nothing.',
        typeCode: 'The code HQ read to you',
        typeCodeHint: '16 letters and digits. Spaces, dashes and capitals do not matter.',
        codeRequired: 'Type the code HQ reads to you on the phone.',
        codeMismatch:
          'This is not the code of the HQ that signed this file. Ask HQ to read it again. If it still differs, stop here: the file did not come from your HQ.',
      },
      who: {
        heading: 'Who are you?',
        role: 'Your role',
        officer: 'Officer at a post',
        lead: 'Team lead',
        name: 'Your name',
        officerId: 'Officer ID',
        officerIdHelp: 'Letters, digits and dashes, as issued by HQ.',
        post: 'Post',
        choosePost: 'Choose your post…',
        whichLead: 'Which team lead are you?',
        chooseLead: 'Choose your name…',
        leadPosts: 'Your posts: {{posts}}',
        nameRequired: 'Enter your name.',
        officerIdInvalid: 'Use 2 to 32 letters, digits or dashes.',
        officerIdTaken:
          'HQ gave this ID another role. If you are a team lead, choose “Team lead” above.',
        postRequired: 'Choose your post.',
        leadRequired: 'Choose your name in the list.',
      },
      passphrase: {
        heading: 'Choose a passphrase',
        intro:
          'It protects the personal information in your log if this computer is lost. Liaison Log asks for it when it starts and after {{minutes}} idle minutes.',
        introHq: 'It protects HQ’s key and the personal information on this computer.',
        passphrase: 'Passphrase',
        help: 'At least {{min}} characters. A few unrelated words are easy to remember and hard to guess.',
        confirm: 'Type it again',
        recovery:
          'If you forget it, HQ can give you access again: HQ holds a recovery copy of your key that only HQ’s own key opens.',
        tooShort: 'Use at least {{min}} characters.',
        mismatch: 'The two passphrases are not the same.',
        submit: 'Set up this device',
      },
      card: {
        heading: 'Your device card',
        intro:
          'HQ approves this computer after comparing these codes with you by phone. Your first sync bundle carries this card too, so saving it as a file is optional.',
        name: 'Name',
        officerId: 'Officer ID',
        role: 'Role',
        post: 'Post',
        posts: 'Posts',
        device: 'Device ID',
        signingCode: 'Device code',
        encryptionCode: 'Encryption key code',
        save: 'Also save my device card as an enrollment file',
        saveHelp:
          'Optional: your first sync bundle carries the card too. The file is saved once this computer is set up.',
        fileFilter: 'Liaison Log device enrollment',
        saved: 'Device card saved as {{name}}.',
        notSaved:
          'The enrollment file was not saved. Nothing is lost: your first sync bundle carries your device card.',
        start: 'Start logging',
        role_officer: 'Officer',
        role_lead: 'Team lead',
        role_hq: 'HQ',
      },
      hq: {
        networkHeading: 'Create your network',
        networkIntro:
          'You are setting up HQ. This computer will hold the network’s signing key: officers trust only profiles it signs.',
        networkNameEn: 'Network name (English)',
        networkNameFr: 'Network name (French)',
        yourName: 'Your name',
        userId: 'Your HQ user ID',
        userIdHelp: 'Letters, digits and dashes. It signs HQ’s reviews.',
        networkNameRequired: 'Enter the network’s name.',
        postsHeading: 'Posts',
        postsIntro:
          'The example list of 49 posts is a starting point: edit, retire or add posts. Officers pick their post from the open ones.',
        leadsHeading: 'Team leads',
        leadsIntro:
          'Each team lead reviews the entries of their posts. You can add team leads later and issue an updated profile.',
        policyHeading: 'Rules for every device',
        exportHeading: 'Hand out the network profile',
        exportIntro:
          'Officers and team leads import this file on their computers. When they call, read them HQ’s code so they can check it.',
        code: 'HQ’s code',
        save: 'Also save the network profile file',
        saveHelp:
          'The file is saved once HQ’s keys are stored on this computer. The Network screen can save it again at any time.',
        fileFilter: 'Liaison Log network profile',
        saved: 'Saved as {{name}}. Send it to your officers and team leads.',
        notSaved:
          'The network profile file was not saved. Save it from the Network screen to hand it out.',
        start: 'Open Liaison Log',
      },
    },
  },
  {
    wizard: {
      back: 'Retour',
      next: 'Suivant',
      working: 'Configuration de cet appareil… Cela prend quelques secondes.',
      stepOf: 'Étape {{step}} sur {{count}}',
      welcome: {
        heading: 'Bienvenue dans Liaison Log',
        intro:
          'Liaison Log conserve votre journal d’activités sur cet ordinateur, protégé par une phrase de passe, et le synchronise avec votre chef d’équipe et l’AC.',
        language: 'Langue',
        choose: 'Comment utiliserez-vous Liaison Log sur cet ordinateur?',
        member: 'Configurer pour mon poste',
        memberHelp:
          'Vous êtes agent ou chef d’équipe, et l’AC vous a remis un fichier de profil de réseau.',
        hq: 'Configurer l’AC',
        hqHelp: 'Vous gérez le réseau\u00a0: créez ses postes, ses chefs d’équipe et ses règles.',
        demo: 'Essayer la démo',
        demoHelp: 'Un réseau d’exemple tout prêt, aux données inventées. Rien de réel.',
      },
      demo: {
        heading: 'Essayer la démo',
        warning:
          'Ceci est une démo. Ses clés sont publiques, elle ne protège donc rien\u00a0: n’y saisissez jamais de vrais renseignements.',
        passphrase: 'La phrase de passe de la démo est\u00a0: {{passphrase}}',
        passphraseHelp:
          'Elle vous sera demandée quand Liaison Log se verrouillera après quelques minutes d’inactivité.',
        quick: 'Commencer tout de suite',
        asOfficerAt: 'Comme agent à {{city}}',
        who: 'Ou choisissez qui incarner',
        officer: 'Agent de démo',
        startOfficer: 'Commencer comme cet agent',
        lead: 'Chef d’équipe de démo',
        startLead: 'Commencer comme ce chef d’équipe',
        hq: 'AC de démo',
        hqHelp: 'Voit tout le réseau et émet son profil.',
        startHq: 'Commencer comme l’AC de démo',
        withData:
          'Remplir un chef d’équipe ou l’AC avec les quatre années d’entrées du réseau de démo (environ 73\u00a0000\u00a0; environ une minute pour l’AC)',
        seeding: 'Enregistrement des entrées du réseau de démo\u00a0: {{done}} sur {{total}}',
        officerOption: '{{name}}, {{city}}',
        leadOption: '{{name}}, {{region}} ({{count}} postes)',
      },
      import: {
        heading: 'Importer votre profil de réseau',
        intro:
          'L’AC vous remet un fichier de profil de réseau (se terminant par .llprofile), sur une clé USB ou par courriel. Il contient les postes, les chefs d’équipe et la clé de l’AC.',
        choose: 'Choisir le fichier de profil…',
        fileFilter: 'Profil de réseau Liaison Log',
        reading: 'Vérification du fichier…',
      },
      verify: {
        heading: 'Vérifier le code de l’AC',
        intro:
          'Appelez l’AC et demandez-lui de vous lire son code\u00a0: l’AC le voit sur son écran Réseau. Seule l’AC qui a signé ce fichier a ce code\u00a0; un code différent signifie que le fichier ne vient pas de votre AC.',
        network: 'Réseau',
        version: 'Version du profil',
        issued: 'Émis le',
        demoProfile: 'Ceci est le réseau de démo\u00a0: il ne protège rien.',
        typeCode: 'Le code que l’AC vous a lu',
        typeCodeHint:
          '16 lettres et chiffres. Les espaces, les tirets et les majuscules ne comptent pas.',
        codeRequired: 'Saisissez le code que l’AC vous lit au téléphone.',
        codeMismatch:
          'Ce n’est pas le code de l’AC qui a signé ce fichier. Demandez à l’AC de le relire. S’il diffère encore, arrêtez ici\u00a0: le fichier ne vient pas de votre AC.',
      },
      who: {
        heading: 'Qui êtes-vous?',
        role: 'Votre rôle',
        officer: 'Agent à un poste',
        lead: 'Chef d’équipe',
        name: 'Votre nom',
        officerId: 'Numéro d’agent',
        officerIdHelp: 'Lettres, chiffres et traits d’union, tel qu’attribué par l’AC.',
        post: 'Poste',
        choosePost: 'Choisissez votre poste…',
        whichLead: 'Quel chef d’équipe êtes-vous?',
        chooseLead: 'Choisissez votre nom…',
        leadPosts: 'Vos postes\u00a0: {{posts}}',
        nameRequired: 'Entrez votre nom.',
        officerIdInvalid: 'Utilisez de 2 à 32 lettres, chiffres ou traits d’union.',
        officerIdTaken:
          'L’AC a attribué un autre rôle à ce numéro. Si vous êtes chef d’équipe, choisissez «\u00a0Chef d’équipe\u00a0» ci-dessus.',
        postRequired: 'Choisissez votre poste.',
        leadRequired: 'Choisissez votre nom dans la liste.',
      },
      passphrase: {
        heading: 'Choisir une phrase de passe',
        intro:
          'Elle protège les renseignements personnels de votre journal si cet ordinateur est perdu. Liaison Log la demande au démarrage et après {{minutes}} minutes d’inactivité.',
        introHq: 'Elle protège la clé de l’AC et les renseignements personnels sur cet ordinateur.',
        passphrase: 'Phrase de passe',
        help: 'Au moins {{min}} caractères. Quelques mots sans lien entre eux sont faciles à retenir et difficiles à deviner.',
        confirm: 'Saisissez-la de nouveau',
        recovery:
          'Si vous l’oubliez, l’AC peut vous redonner l’accès\u00a0: elle détient une copie de récupération de votre clé que seule sa propre clé peut ouvrir.',
        tooShort: 'Utilisez au moins {{min}} caractères.',
        mismatch: 'Les deux phrases de passe ne sont pas identiques.',
        submit: 'Configurer cet appareil',
      },
      card: {
        heading: 'La fiche de votre appareil',
        intro:
          'L’AC approuve cet ordinateur après avoir comparé ces codes avec vous par téléphone. Votre premier lot de synchronisation contient aussi cette fiche\u00a0: l’enregistrer dans un fichier est donc facultatif.',
        name: 'Nom',
        officerId: 'Numéro d’agent',
        role: 'Rôle',
        post: 'Poste',
        posts: 'Postes',
        device: 'Identifiant de l’appareil',
        signingCode: 'Code de l’appareil',
        encryptionCode: 'Code de la clé de chiffrement',
        save: 'Enregistrer aussi la fiche de mon appareil dans un fichier d’inscription',
        saveHelp:
          'Facultatif : votre premier lot de synchronisation contient aussi la fiche. Le fichier est enregistré une fois cet ordinateur configuré.',
        fileFilter: 'Inscription d’appareil Liaison Log',
        saved: 'Fiche de l’appareil enregistrée sous {{name}}.',
        notSaved:
          'Le fichier d’inscription n’a pas été enregistré. Rien n’est perdu : votre premier lot de synchronisation contient la fiche de votre appareil.',
        start: 'Commencer',
        role_officer: 'Agent',
        role_lead: 'Chef d’équipe',
        role_hq: 'AC',
      },
      hq: {
        networkHeading: 'Créer votre réseau',
        networkIntro:
          'Vous configurez l’AC. Cet ordinateur détiendra la clé de signature du réseau\u00a0: les agents ne se fient qu’aux profils qu’elle signe.',
        networkNameEn: 'Nom du réseau (anglais)',
        networkNameFr: 'Nom du réseau (français)',
        yourName: 'Votre nom',
        userId: 'Votre identifiant à l’AC',
        userIdHelp: 'Lettres, chiffres et traits d’union. Il signe les révisions de l’AC.',
        networkNameRequired: 'Entrez le nom du réseau.',
        postsHeading: 'Postes',
        postsIntro:
          'La liste d’exemple de 49 postes est un point de départ\u00a0: modifiez, retirez ou ajoutez des postes. Les agents choisissent leur poste parmi ceux qui sont ouverts.',
        leadsHeading: 'Chefs d’équipe',
        leadsIntro:
          'Chaque chef d’équipe révise les entrées de ses postes. Vous pourrez en ajouter plus tard et émettre un profil à jour.',
        policyHeading: 'Règles pour tous les appareils',
        exportHeading: 'Remettre le profil de réseau',
        exportIntro:
          'Les agents et les chefs d’équipe importent ce fichier sur leur ordinateur. Quand ils appellent, lisez-leur le code de l’AC pour qu’ils le vérifient.',
        code: 'Code de l’AC',
        save: 'Enregistrer aussi le fichier de profil de réseau',
        saveHelp:
          'Le fichier est enregistré une fois les clés de l’AC conservées sur cet ordinateur. L’écran Réseau peut l’enregistrer de nouveau en tout temps.',
        fileFilter: 'Profil de réseau Liaison Log',
        saved: 'Enregistré sous {{name}}. Envoyez-le à vos agents et chefs d’équipe.',
        notSaved:
          'Le fichier de profil de réseau n’a pas été enregistré. Enregistrez-le depuis l’écran Réseau pour le remettre.',
        start: 'Ouvrir Liaison Log',
      },
    },
  },
);
