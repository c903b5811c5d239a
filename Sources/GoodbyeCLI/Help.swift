/// Usage text, in French, on stdout for `--help` and `help [COMMAND]`.
enum Help {
    static let general = """
        goodbye : quitter un client, ou pas.
        Une séance de questions sur les quatre bonnes raisons de quitter un client.
        Puis une décision expliquée et, si vous partez, un brouillon de lettre d'au revoir.

        Utilisation :
          goodbye [run] [options]      la séance guidée (commande par défaut)
          goodbye letter [options]     le brouillon de lettre seul, à partir de réponses
          goodbye questions [--format text|json] [--lang fr]
                                       toutes les questions : identifiant, type, réponses
          goodbye check [--content DOSSIER]
                                       vérifie les questions et les gabarits de lettre
          goodbye help [COMMANDE]      cette aide, ou celle d'une commande
          goodbye --version            la version

        Options de run et letter :
          --answers FICHIER   réponses préremplies (identifiant = valeur), ou un tiret pour lire l’entrée standard
          --no-input          ne rien demander : une réponse manquante est une erreur (65)
          --lang fr           langue du dialogue et de la lettre (aussi GOODBYE_LANG)
          --date AAAA-MM-JJ   la date du jour pour la lettre et les délais
          --content DOSSIER   un autre dossier de contenu (aussi GOODBYE_CONTENT)
          --format FORMAT     run : text ou json ; letter : text ou markdown
          -o, --output FICHIER
                              où écrire la lettre, ou un tiret pour la sortie standard
                              (jamais par-dessus un fichier existant sans --force)
          --force             remplacer le fichier de sortie s'il existe
          --session FICHIER   enregistrer la séance après chaque réponse, et la reprendre
          --new-session       repartir de zéro au lieu de reprendre la séance enregistrée
          --plain             sans décoration, une idée par ligne (lecteurs d'écran)

        Pendant la séance, tapez :aide pour l'aide d'une question.
        Tapez :retour pour revenir à la question précédente.
        Tapez :résumé pour revoir vos réponses.
        Tapez :quitter pour enregistrer et reprendre plus tard.
        Appuyez sur Entrée pour accepter la réponse proposée.
        Au terminal, la séance est enregistrée dans le dossier de données de l'utilisateur et reprise au lancement suivant.

        Codes de sortie :
          0     la séance est terminée
          1     la saisie s'est interrompue avant la fin
          64    la ligne de commande est incorrecte
          65    des données sont invalides
          66    un fichier est introuvable
          70    une erreur interne s'est produite
          73    le fichier de sortie ne peut pas être créé
          74    une erreur d'entrée-sortie s'est produite
          130   la séance a été interrompue (Ctrl-C)

        """

    static let topics: [String: String] = [
        "run": """
            goodbye run [--answers FICHIER] [--no-input] [--format text|json] [--lang fr]
                        [--date AAAA-MM-JJ] [--content DOSSIER] [-o FICHIER] [--force]

            La séance guidée : les signes des quatre raisons, puis la décision expliquée.
            Si la décision est de partir, le programme propose un brouillon de lettre.
            Avec --format json, la sortie standard ne reçoit que le rapport JSON.

            """,
        "letter": """
            goodbye letter [--answers FICHIER] [--no-input] [--format text|markdown]
                           [--date AAAA-MM-JJ] [-o FICHIER] [--force]

            Le brouillon de lettre seul : les questions de la lettre, sans celles de la décision.
            La sortie standard ne reçoit que la lettre, sauf avec l'option -o.

            """,
        "questions": """
            goodbye questions [--format text|json] [--lang fr]

            Toutes les questions, dans l'ordre du dialogue : identifiant, type, réponses acceptées et réponse par défaut.
            Les identifiants servent dans les fichiers de réponses.

            """,
        "check": """
            goodbye check [--content DOSSIER]

            Vérifie un dossier de contenu : questions, textes et gabarits de lettre.
            Chaque problème est listé avec son code, son emplacement et la façon de le corriger.
            Le code de sortie vaut 0 si tout va bien, 65 sinon, et 66 si le dossier n'existe pas.

            """,
    ]

    static func text(for topic: String?) throws(Failure) -> String {
        guard let topic, topic != "help" else { return frenchTypography(general) }
        guard let text = topics[topic] else {
            throw Failure.usage("aucune aide pour « \(topic) » : les commandes sont run, letter, questions et check")
        }
        return frenchTypography(text)
    }
}
