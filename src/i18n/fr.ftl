## Entraide — textes de l'interface en français (la langue par défaut).
## Chaque identifiant existe aussi dans en.ftl (un test le vérifie).

## Cadre des pages

site-name = Entraide Haut-Rhin
skip-to-list = Aller à la liste des annonces
skip-to-content = Aller au contenu
brand-place = Haut-Rhin
tagline = Demander ou offrir un coup de main, près de chez soi
nav-publish = Publier
nav-account = Compte
nav-moderation = Modération
nav-to-handle = { $count } à traiter
nav-my-posts = Mes annonces
nav-messages = Messages
nav-unread-messages = { $count ->
    [one] { $count } non lu
   *[other] { $count } non lus
}
nav-notifications = Notifications
nav-unread-notifications = { $count ->
    [one] { $count } non lue
   *[other] { $count } non lues
}
nav-my-account = Mon compte :
nav-log-in = Se connecter
language-switch = Langue
footer-privacy = Les positions affichées sont approximatives (à quelques centaines de mètres) pour protéger les personnes.
footer-sources = Communes : sources INSEE, IGN, DILA — Licence Ouverte.
footer-open-data = Données ouvertes (GeoJSON)
meta-description = Entraide Haut-Rhin : demandes et offres d'aide entre voisins, validées par le Département.

## Accueil : la carte et la liste

home-title = Entraide Haut-Rhin — demandes et offres d'aide près de chez vous
home-heading = Demandes et offres d'aide dans le Haut-Rhin
home-reported = Merci, votre signalement est enregistré. L'annonce est masquée le temps que l'équipe du Département la vérifie.
home-map = Carte
list-loading = Chargement des annonces…
list-heading = { $count ->
    [0] Aucune annonce dans cette zone
    [one] { $count } annonce dans cette zone
   *[other] { $count } annonces dans cette zone
}
list-empty = Essayez d'élargir la carte ou d'enlever un filtre.
list-see-all = Voir toutes les annonces du Haut-Rhin
list-more = { $count ->
    [one] { $count } autre annonce dans cette zone : zoomez sur la carte ou choisissez une catégorie pour la voir.
   *[other] { $count } autres annonces dans cette zone : zoomez sur la carte ou choisissez une catégorie pour les voir.
}
filters = Filtres des annonces
filters-kind = Type d'annonce
filters-categories = Catégories
filters-active = (filtre actif, retirer)
filters-all = Tout
filters-requests = Demandes
filters-offers = Offres
filters-clear = Effacer les filtres
filters-when = Quand
filters-when-any = Tous les jours
filters-when-today = Aujourd'hui
filters-when-tomorrow = Demain
filters-when-week = Cette semaine
filter-when-unknown = « { $value } » n'est pas un choix de jours : today, tomorrow ou week.

## Quand : un jour, des heures, ou ce qui revient (annonces)
when-label = Quand
weekday-1 = lundi
weekday-2 = mardi
weekday-3 = mercredi
weekday-4 = jeudi
weekday-5 = vendredi
weekday-6 = samedi
weekday-7 = dimanche
# « samedi 5 décembre »
when-day = { $weekday } { $day } { $month }
# « 14 h », « 14 h 30 »
when-time = { $minute ->
    [0] { $hour } h
   *[other] { $hour } h { $mm }
}
when-and = et
when-hours = , de { $from } à { $to }
when-until = , jusqu'au { $date }
when-once = { $day }{ $hours }
when-weekly = chaque { $days }{ $hours }{ $until }
when-monthly = le { $days } du mois{ $hours }{ $until }
when-next = Prochaine fois : { $day }
when-today = aujourd'hui
when-tomorrow = demain
when-hours-order = L'heure de fin doit venir après l'heure de début.
when-hours-invalid = Indiquez les deux heures, le début et la fin (par exemple 14:00 et 17:00), ou aucune.
when-until-past = Ce dernier jour est déjà passé.
when-date-invalid = Cette date n'existe pas : choisissez un jour du calendrier.
when-date-missing = Choisissez le jour.
when-date-past = Ce jour est déjà passé.
when-date-too-far = Choisissez un jour dans les { $max } jours qui viennent.
when-weekdays-missing = Cochez au moins un jour de la semaine.
when-monthdays-invalid = « { $value } » n'est pas un jour du mois (de 1 à 31).
when-monthdays-missing = Indiquez les jours du mois, par exemple « 1, 15 ».
when-unknown = « { $value } » n'est pas un choix.
when-never = Aucun de ces jours ne tombe avant le dernier jour choisi.
publish-when = Quand ?
publish-when-hint = Pour un besoin à un moment précis, ou qui revient (une distribution chaque mardi, une visite le 1er du mois).
publish-when-none = Pas de jour précis
publish-when-once = Un jour précis
publish-when-weekly = Chaque semaine
publish-when-monthly = Chaque mois
publish-when-date = Le jour
publish-when-once-hint = L'annonce reste en ligne jusqu'au soir de ce jour.
publish-when-weekdays = Les jours de la semaine
publish-when-monthdays = Les jours du mois
publish-when-monthdays-hint = Par exemple « 1, 15 » pour le 1er et le 15 de chaque mois.
publish-when-hours = Heures (facultatif)
publish-when-from = De
publish-when-to = à
publish-when-until = Dernier jour (facultatif)
publish-when-recurring-hint = Une annonce qui revient reste en ligne un mois à la fois : chaque mois, nous vous demanderons si elle est toujours d'actualité.
relative-consent-missing = Cochez la case quand la personne aidée est d'accord : sans son accord, l'annonce ne peut pas être publiée pour elle.
publish-relative = Pour qui ?
publish-for-relative = Je publie pour un proche (un parent, une voisine que j'aide…)
publish-for-relative-hint = Les réponses vous arrivent, à vous. Indiquez la commune ou le point de la personne aidée : son adresse exacte reste privée, comme toujours.
publish-relative-consent = La personne aidée est d'accord pour que je publie cette annonce pour elle
badge-for-relative = Pour un proche
post-for-relative = Publiée par un proche de la personne aidée, avec son accord. Les réponses arrivent à ce proche.
my-posts-confirm = Toujours d'actualité : un mois de plus
notify-expiring-recurring = Votre annonce « { $title } » revient régulièrement : est-elle toujours d'actualité ? Sans confirmation, elle quitte la carte le { $date }. Confirmez-la d'un clic dans « Mes annonces ».
sort = Ordre de la liste
sort-recent-short = Plus récentes
sort-nearest-short = Plus proches
sort-recent = Les plus récentes
sort-nearest = Les plus proches du lieu choisi
sort-relevance-short = Pertinence
sort-relevance = Celles qui correspondent le mieux aux mots cherchés
sort-near-me-short = Plus proches de moi
sort-near-me = Les plus proches de ma position (la position est demandée au téléphone)

## Vocabulaire

category-groceries = Courses
category-homework = Aide aux devoirs
category-childcare = Garde d'enfants
category-food-aid = Aide alimentaire
category-transport = Déplacements
category-diy = Bricolage, petits travaux
category-company = Compagnie, sorties
category-paperwork = Démarches administratives et numériques
category-other = Autre
category-home-visit = Visites à domicile
kind-request = Demande d'aide
kind-offer = Offre d'aide
poster-individual = Particulier
poster-company = Entreprise
poster-association = Association
poster-institution = Structure publique ou privée
status-pending = En attente de validation
status-published = Publiée
status-in-progress = En cours
status-fulfilled = Réalisée
status-closed = Retirée
status-rejected = Refusée
status-expired = Expirée
report-reason-scam = Arnaque ou demande d'argent
report-reason-danger = Une personne pourrait être en danger
report-reason-personal-data = Informations personnelles (adresse, téléphone, nom)
report-reason-inappropriate = Contenu choquant ou injurieux
report-reason-commercial = Publicité ou annonce commerciale
report-reason-not-mutual-aid = Ce n'est pas de l'entraide
report-reason-other = Autre chose
respond-request = Je peux aider
respond-offer = Ça m'intéresse

## Dates

time-now = à l'instant
time-minutes-ago = il y a { $n } min
time-hours-ago = il y a { $n } h
time-yesterday = hier
time-days-ago = il y a { $n } jours
time-months-ago = il y a { $n } mois
time-years-ago = { $n ->
    [one] il y a { $n } an
   *[other] il y a { $n } ans
}
time-soon = dans un instant
time-in-minutes = dans { $n } min
time-in-hours = dans { $n } h
time-in-days = { $n ->
    [one] dans { $n } jour
   *[other] dans { $n } jours
}
# Le 1er du mois s'écrit « 1er ».
date-day = { $day ->
    [1] 1er
   *[other] { $day }
}
date-month-1 = janvier
date-month-2 = février
date-month-3 = mars
date-month-4 = avril
date-month-5 = mai
date-month-6 = juin
date-month-7 = juillet
date-month-8 = août
date-month-9 = septembre
date-month-10 = octobre
date-month-11 = novembre
date-month-12 = décembre
# « 12 novembre 2026 à 14 h 05 » (heure de Paris)
date-absolute = { $day } { $month } { $year } à { $hour } h { $minute }
date-only = { $day } { $month } { $year }

## Page d'une annonce

post-loading = Chargement de l'annonce…
post-back = ← Retour aux annonces
post-only-me = seule vous voyez cette annonce
post-only-staff = visible par l'équipe de modération seulement
post-state-notice = { $state } : { $who }.
post-fulfilled = L'aide a été apportée. Merci à tous !
post-published-by = Publiée par
post-place = Lieu
post-place-approximate = { $commune } (position approximative)
post-published = Publiée
post-published-on = — le { $date }
post-online-until = En ligne jusqu'au
post-thanked = Merci, votre mot est publié.
post-thanks = Mots de remerciement
post-thanks-unsigned = Mot anonyme, le { $date }
post-thanks-by = { $writer }, le { $date }
post-reported = Merci, votre signalement est enregistré. L'équipe du Département va vérifier cette annonce.
report-summary = Signaler un problème avec cette annonce
report-reason = Qu'est-ce qui ne va pas ?
report-details = Précisez (facultatif)
report-details-hint = Votre signalement est lu par l'équipe du Département, pas par l'auteur.
report-send = Envoyer le signalement
report-log-in = Connectez-vous
report-log-in-rest = pour signaler cette annonce à l'équipe du Département.
respond-mine-heading = Les réponses à votre annonce
respond-mine-text = Les personnes qui vous répondent vous écrivent en privé.
respond-see-messages = Voir mes messages
respond-already = Vous avez déjà écrit à l'auteur.
respond-see-conversation = Voir la conversation
respond-log-in-text = Pour répondre, connectez-vous : votre message restera privé entre vous et l'auteur.
respond-log-in = { $action } — se connecter
respond-message = Votre message à l'auteur
respond-message-hint = Présentez-vous en quelques mots et dites quand vous êtes disponible. Seul l'auteur le lira ; ne donnez pas votre adresse ici.

## Cartes

map-posts = Carte des annonces ; la liste des annonces en donne le même contenu
map-around-me = Autour de moi
map-locating = Recherche de votre position…
map-post = Carte : position approximative de l'annonce (à quelques centaines de mètres près)
map-picker = Carte pour choisir le lieu
map-picker-hint = Ou touchez la carte pour placer un repère près de chez vous (il sera montré à quelques centaines de mètres près).
map-use-my-position = Utiliser ma position
map-pin-placed = Le repère est placé sur votre position. Vous pouvez le déplacer.
map-pin = Lieu choisi (vous pouvez le déplacer)
map-unavailable = La carte ne peut pas s'afficher ici.
map-not-loaded = La carte n'a pas pu être chargée. La liste des annonces reste disponible.
map-not-configured = La carte n'est pas configurée.
map-not-created = La carte n'a pas pu être créée.
map-zoom-in = Zoom avant
map-zoom-out = Zoom arrière
map-locate-denied = Vous n'avez pas autorisé la localisation. Autorisez-la dans votre navigateur, ou déplacez la carte vous-même.
map-locate-timeout = La localisation a pris trop de temps. Réessayez, ou déplacez la carte vous-même.
map-locate-failed = Votre position n'a pas pu être trouvée. Déplacez la carte vous-même.
map-see-post = Voir l'annonce
map-cell = { $count ->
    [one] { $count } annonce ici : zoomer sur cette zone
   *[other] { $count } annonces ici : zoomer sur cette zone
}

## Pages d'erreur et hors ligne

not-found-title = Page introuvable — Entraide Haut-Rhin
not-found-heading = Page introuvable
not-found-text = Cette page n'existe pas, ou l'annonce n'est plus en ligne : elle a peut-être été réalisée, retirée, ou elle a expiré.
not-found-back = Voir les annonces près de chez vous
offline-title = Pas de réseau — Entraide Haut-Rhin
offline-heading = Pas de réseau pour l'instant
offline-text = Votre téléphone ou votre ordinateur n'est pas connecté à Internet, ou la connexion est trop faible.
offline-list = La dernière liste d'annonces que vous avez vue reste consultable, ainsi que les annonces que vous avez ouvertes.
offline-draft = Si vous étiez en train de publier une annonce, elle n'est pas perdue : elle est gardée sur cet appareil. Rouvrez « Publier » quand le réseau revient, elle y sera, prête à être envoyée.
offline-see-list = Revoir la dernière liste
offline-resume = Reprendre mon annonce

## Formulaires

form-choose = Choisir…
form-sending = Envoi en cours…
form-errors = { $count ->
    [one] Le formulaire contient une erreur : corrigez le champ signalé ci-dessous.
   *[other] Le formulaire contient { $count } erreurs : corrigez les champs signalés ci-dessous.
}

## Lecture facile (FALC)

reading-easy = Lecture facile
reading-standard = Lecture habituelle

## Publier pas à pas (mode lecture facile)

steps-progress = Étape { $n } sur { $total }
steps-kind-question = Que voulez-vous faire ?
steps-kind-request = J'ai besoin d'aide
steps-kind-offer = Je veux aider quelqu'un
steps-category-question = C'est pour quoi ?
steps-title-question = Écrivez un titre court.
steps-title-hint = Par exemple : « Courses le samedi ».
steps-description-question = Expliquez ce qu'il faut faire.
steps-description-hint = Dites quoi, quel jour et à quelle heure.
steps-place-question = Dans quelle commune ?
steps-place-hint = Écrivez le nom de la commune ou le code postal. Par exemple : Colmar ou 68000.
steps-note-question = Une précision pour la personne qui vous aidera ?
steps-note-hint = Par exemple : le bâtiment, l'étage. Seule la personne que vous choisirez la verra. Vous pouvez laisser vide.
steps-confirm-question = Vérifiez votre annonce.
steps-confirm-text = L'équipe du Département lit votre annonce. Ensuite, tout le monde peut la voir.
steps-continue = Continuer
steps-change = Changer
steps-publish = Publier l'annonce
steps-back = Revenir en arrière
steps-summary-kind = Vous
steps-summary-category = C'est pour
steps-summary-title = Titre
steps-summary-description = Explication
steps-summary-place = Commune
steps-summary-note = Précision
steps-none = (rien)

## Compte : inscription et connexion

field-email = Adresse e-mail
field-password = Mot de passe
sign-up-title = Créer un compte — Entraide Haut-Rhin
sign-up-heading = Créer un compte
sign-up-intro = Un compte vous permet de publier une demande ou une offre d'aide. Il est gratuit.
sign-up-have-account = Vous avez déjà un compte ?
sign-up-name = Votre nom (ce que les autres verront)
sign-up-name-hint = Votre prénom suffit.
sign-up-you-are = Vous êtes
sign-up-organisation = Nom de l'organisation
sign-up-organisation-hint = Seulement si vous représentez une entreprise, une association ou une structure.
sign-up-password-hint = 10 caractères au moins. Une phrase facile à retenir convient très bien, par exemple « le chat dort sur le toit ».
sign-up-charter = J'ai lu et j'accepte la charte d'entraide.
sign-up-charter-read = Lire la charte d'entraide
sign-up-charter-missing = Pour créer un compte, acceptez la charte d'entraide.
charter-accept-title = La charte d'entraide a changé — Entraide
charter-accept-heading = La charte d'entraide a changé
charter-accept-intro = Lisez la nouvelle version de la charte, puis acceptez-la pour continuer.
charter-accept-submit = Continuer
sign-up-submit = Créer mon compte
log-in-title = Se connecter — Entraide Haut-Rhin
log-in-no-account = Pas encore de compte ?

## Publier une annonce

publish-title = Publier une annonce — Entraide Haut-Rhin
publish-heading = Publier une annonce
publish-log-in = Pour publier une annonce, connectez-vous ou créez un compte (c'est gratuit).
publish-intro = Votre annonce sera relue par l'équipe du Département avant d'être publiée. Ne donnez ni votre adresse exacte ni votre numéro de téléphone : la carte montre seulement un point approximatif.
publish-you = Vous
publish-you-request = demandez de l'aide
publish-you-offer = proposez de l'aide
publish-category = Catégorie
publish-field-title = Titre
publish-field-title-hint = En quelques mots, par exemple « Courses pour une dame âgée ».
publish-field-description = Description
publish-field-description-hint = Ce qu'il faut faire, quand, combien de temps.
publish-commune = Commune ou code postal
publish-commune-hint = Par exemple « Colmar » ou « 68000 ». Les accents et les majuscules ne comptent pas.
publish-duration = Durée de l'annonce
publish-days = { $n } jours
publish-note = Précision pour la personne qui vous aidera (facultatif)
publish-note-hint = Bâtiment, escalier, étage… Elle ne sera montrée qu'à la personne que vous choisirez, jamais sur la carte.
publish-limits = Titre : { $title } caractères au plus. Description : { $description } au plus.
draft-found = Nous avons retrouvé l'annonce que vous aviez commencée sur cet appareil. Vérifiez-la, puis envoyez-la.
draft-forget = Effacer le brouillon
draft-waiting = Pas de réseau pour l'instant : votre annonce n'est pas encore partie.
draft-waiting-more = Elle est gardée sur cet appareil et partira toute seule dès que le réseau revient. Vous pouvez aussi fermer cette page : vous la retrouverez ici.

## Mes annonces

my-posts-title = Mes annonces — Entraide Haut-Rhin
my-posts-log-in = Connectez-vous pour voir vos annonces.
my-posts-published = Votre annonce est enregistrée. Elle sera visible de tous après validation par l'équipe du Département.
my-posts-edited = Vos modifications sont enregistrées. L'annonce sera de nouveau visible après validation.
my-posts-none = Vous n'avez pas encore publié d'annonce.
my-posts-hidden = Masquée le temps d'une vérification
my-posts-published-on = publiée le { $date }
my-posts-online-until = en ligne jusqu'au { $date }
my-posts-edit = Modifier
my-posts-extend = Prolonger de 30 jours
my-posts-fulfilled = Marquer comme réalisée
my-posts-withdraw = Retirer l'annonce
edit-title = Modifier mon annonce — Entraide Haut-Rhin
edit-heading = Modifier mon annonce
edit-intro = Après modification, l'annonce est relue à nouveau par l'équipe du Département avant d'être publiée.
edit-submit = Enregistrer les modifications
edit-log-in = Connectez-vous pour modifier vos annonces.

## Mon compte

account-title = Mon compte — Entraide Haut-Rhin
account-heading = Mon compte
account-log-in = Connectez-vous pour voir votre compte.
account-welcome = Bienvenue ! Votre compte est créé.
account-name = Nom
account-change-name = Changer mon nom
account-display-name = Nom affiché
account-save-name = Enregistrer le nom
account-change-password = Changer mon mot de passe
account-current-password = Mot de passe actuel
account-new-password = Nouveau mot de passe
account-new-password-hint = 10 caractères au moins.
account-save-password = Changer le mot de passe
account-emails = Notifications par e-mail
account-emails-choice = Recevoir aussi les notifications par e-mail (réponses, messages, décisions)
account-emails-save = Enregistrer ce choix
account-log-out = Se déconnecter
account-data = Mes données
account-data-text = Téléchargez tout ce qu'Entraide garde sur vous : votre compte, vos annonces (avec le lieu exact), vos conversations, vos signalements, vos notifications, et qui a vu vos coordonnées.
account-data-download = Télécharger mes données (fichier JSON)
account-delete = Supprimer mon compte
account-delete-text = Votre nom, votre adresse e-mail, vos numéros de téléphone, vos notes privées et le lieu exact de vos annonces sont effacés. Vos annonces sont retirées. Les messages déjà envoyés restent lisibles par les personnes à qui vous avez écrit, signés « Utilisateur supprimé ». Cela ne peut pas être annulé.
account-delete-password = Votre mot de passe, pour confirmer
account-delete-submit = Supprimer définitivement mon compte
deleted-title = Compte supprimé — Entraide Haut-Rhin
deleted-heading = Votre compte est supprimé
deleted-text = Vos données personnelles ont été effacées. Merci d'avoir participé à l'entraide de votre quartier.
deleted-home = Revenir à l'accueil

## Notifications

loading = Chargement…
notifications-title = Notifications — Entraide Haut-Rhin
notifications-new = { $count ->
    [0] Vous n'avez pas de nouvelle notification.
    [one] { $count } nouvelle notification.
   *[other] { $count } nouvelles notifications.
}
notifications-all-read = Tout marquer comme lu
notifications-empty = Les réponses à vos annonces et les décisions de l'équipe du Département s'afficheront ici.
notifications-unread-mark = Nouveau :

## Messages

messages-title = Mes messages — Entraide Haut-Rhin
messages-heading = Mes messages
messages-empty = Pas encore de conversation. Quand vous répondez à une annonce, ou quand quelqu'un répond à la vôtre, la conversation apparaît ici.
messages-answered-you = { $name } a répondu à votre annonce
messages-you-wrote = Vous avez écrit à { $name }
messages-unread = { $count ->
    [one] message non lu
   *[other] messages non lus
}
messages-accepted = aide acceptée

## Une conversation

conversation-loading = Chargement de la conversation…
conversation-done-message = Message envoyé.
conversation-done-accept = Vous avez accepté cette aide. La personne voit maintenant l'adresse exacte.
conversation-done-withdraw = Acceptation retirée. L'annonce est de nouveau ouverte.
conversation-done-done = Merci ! L'auteur va confirmer que l'aide est faite.
conversation-done-confirm = L'aide est faite : l'annonce est marquée comme réalisée et quitte la carte. Merci !
conversation-done-report = Merci, le message est signalé à l'équipe du Département.
block-summary = Ne plus recevoir de messages de { $name }
block-hint = Cette personne ne pourra plus vous écrire dans cette conversation. Vous pourrez revenir sur ce choix. Si elle vous a manqué de respect, signalez aussi son message à l'équipe.
block-submit = Bloquer cette personne
unblock-submit = Débloquer cette personne
block-you-blocked = Vous avez bloqué { $name } : cette personne ne peut plus vous écrire ici.
block-you-are-blocked = Vous ne pouvez plus écrire dans cette conversation.
block-staff-author = L'auteur de l'annonce a bloqué la personne qui a répondu.
block-staff-responder = La personne qui a répondu a bloqué l'auteur de l'annonce.
block-staff-both = Les deux personnes se sont bloquées l'une l'autre.
conversation-blocked = Vous ne pouvez plus écrire dans cette conversation.
conversation-done-block = La personne est bloquée : elle ne peut plus vous écrire ici.
conversation-done-unblock = La personne est débloquée : elle peut de nouveau vous écrire ici.
conversation-title = Conversation avec { $name } — Entraide Haut-Rhin
conversation-heading-author = { $name } vous répond
conversation-heading-helper = Votre conversation avec { $name }
conversation-you-accepted = Vous avez accepté l'aide de { $name }.
conversation-accepted-you = { $name } a accepté votre aide.
conversation-helper-done = { $name } indique que l'aide est faite. Confirmez-vous ?
conversation-about = À propos de
conversation-staff-view = Vous lisez cette conversation parce qu'un de ses messages a été signalé.
conversation-refresh = Voir les nouveaux messages
conversation-your-message = Votre message
conversation-send = Envoyer
conversation-you = Vous
conversation-report = Signaler ce message
conversation-report-send = Signaler
conversation-fulfilled = Cette annonce est réalisée.
private-heading-author = Ce que voit la personne acceptée
private-heading-helper = Où aller
private-hint = Ces informations sont privées : ne les partagez pas.
private-exact = Adresse exacte
private-note = Précision
private-none = aucune
private-phone = Téléphone
private-open-map = Ouvrir dans une carte (OpenStreetMap)
accept-help-of = Accepter l'aide de { $name }
accept-person = Accepter { $name }
accept-text = { $name } verra alors l'adresse exacte et votre précision (bâtiment, étage). Les autres personnes ne voient que la commune.
accept-share-phone = Partager aussi mon numéro de téléphone avec cette personne
accept-phone = Mon numéro (si je le partage)
accept-off-map = Retirer l'annonce de la carte pendant l'aide
action-confirm = Confirmer que l'aide est faite
action-done = L'aide est faite
action-withdraw = Retirer mon acceptation
thank-label = Un mot de remerciement (il sera visible sur la page de l'annonce)
thank-signed = Signer ce mot de mon nom (sinon il reste anonyme)
thank-submit = Publier mon mot

## Accès et erreurs

restricted-log-in = Connectez-vous pour voir cette page.
restricted-staff = Cette page est réservée à l'équipe de modération du Département.
restricted-back = Retour aux annonces
error-box-title = Nous n'avons pas pu afficher les annonces.
error-box-all = Voir toutes les annonces

## Décisions de modération

decision-reason-personal-data = elle contient des informations personnelles
decision-reason-not-mutual-aid = ce n'est pas de l'entraide entre voisins
decision-reason-commercial = c'est une annonce commerciale
decision-reason-duplicate = elle fait doublon avec une autre annonce
decision-reason-inappropriate = son contenu n'est pas approprié
decision-reason-other = autre motif
action-approve = Publiée
action-reject = Refusée
action-redact = Modifiée puis publiée
action-unpublish = Retirée de la carte
action-dismiss-reports = Signalements classés sans suite
action-auto-hide = Masquée automatiquement (signalements)
action-disable-author = Compte de l'auteur désactivé
event-by = par { $name }
event-automatic = automatiquement
event-reason = motif : { $reason }
event-message = Message : « { $message } »
change-before = Avant
change-after = Publié
author-approved = Publiée par l'équipe du Département.
author-redacted = Publiée après une modification par l'équipe (pour protéger des informations personnelles).
author-rejected = Refusée.
author-rejected-because = Refusée : { $reason }.
author-unpublished = Retirée de la carte en attendant une vérification.
author-unpublished-because = Retirée de la carte en attendant une vérification : { $reason }.
author-team-message = Message de l'équipe : « { $message } »
author-see-change = Voir ce qui a changé
author-can-edit = Vous pouvez modifier l'annonce : elle sera de nouveau examinée.

## Modération (équipe du Département)

moderation-title = Validation des annonces — Entraide Haut-Rhin
moderation-heading = Validation des annonces
moderation-loading = Chargement de la file…
moderation-empty = Tout est à jour : aucune annonce n'attend de validation.
moderation-submitted = Déposée
moderation-full-history = Historique complet de l'annonce
moderation-reject-open = Refuser…
moderation-reject-reason = Motif du refus
moderation-message = Message à l'auteur (facultatif)
moderation-message-hint = Il le lira dans ses notifications. Dites-lui comment corriger son annonce.
moderation-reject = Refuser l'annonce
moderation-redact-open = Modifier puis publier…
moderation-redact-hint = Retirez un numéro de téléphone, une adresse ou un nom de famille. L'auteur verra ce qui a changé.
moderation-redact = Publier le texte modifié
moderation-queues = Files de modération
moderation-tab-pending = À valider
moderation-tab-reports = Signalements
moderation-health = { $count ->
    [one] 1 annonce en attente, déposée { $oldest }.
   *[other] { $count } annonces en attente ; la plus ancienne a été déposée { $oldest }.
}
moderation-health-none = Aucune annonce en attente de validation.
moderation-hidden = { $count ->
    [one] 1 annonce masquée après signalements.
   *[other] { $count } annonces masquées après signalements.
}
moderation-done-approve = L'annonce est publiée. L'auteur est prévenu.
moderation-done-reject = L'annonce est refusée. L'auteur est prévenu, avec le motif.
moderation-done-redact = L'annonce est publiée avec le texte modifié. L'auteur voit ce qui a changé.
moderation-done-dismiss = Les signalements sont classés sans suite. L'annonce est de nouveau visible.
moderation-done-unpublish = L'annonce est retirée de la carte et revient en validation. L'auteur est prévenu.
moderation-done-disable = Le compte de l'auteur est désactivé et ses annonces sont retirées.
moderation-account-disabled = compte désactivé
moderation-demo-data = Données de démonstration (sans compte)
moderation-hidden-badge = Masquée
moderation-exact = Lieu exact
moderation-author = Auteur
moderation-private-note = Note privée
moderation-previous = Décisions précédentes
moderation-handled = traité
moderation-reported-message = Message signalé : « { $message } »
moderation-read-conversation = Lire la conversation
reports-title = Signalements — Entraide Haut-Rhin
reports-heading = Annonces signalées
reports-loading = Chargement des signalements…
reports-empty = Aucun signalement à traiter.
reports-open = { $count ->
    [one] 1 signalement ouvert
   *[other] { $count } signalements ouverts
}
reports-dismiss = Classer sans suite (l'annonce reste en ligne)
reports-unpublish-open = Retirer de la carte…
reports-unpublish-hint = L'annonce revient dans la file de validation ; l'auteur est prévenu du motif.
reports-reason = Motif
reports-disable-open = Désactiver le compte de l'auteur…
reports-disable-hint = L'auteur ne pourra plus se connecter, ses sessions prennent fin et toutes ses annonces en cours sont retirées. Seul un administrateur peut réactiver le compte.
reports-disable = Désactiver le compte
history-title = Historique : { $title } — Entraide Haut-Rhin
history-back = File de validation
history-public = Voir l'annonce publique
history-empty = Aucune décision n'a encore été prise sur cette annonce.

## What the server says: validation errors, refusals, confirmations, notifications and
## e-mails (ids built by the domain and the services, put into words where they are shown).

geo-not-a-number = La position n'est pas un nombre.
geo-out-of-earth = La position est hors des limites de la Terre.
bbox-four-numbers = La zone doit s'écrire ouest,sud,est,nord (quatre nombres séparés par des virgules).
bbox-not-a-number = « { $value } » n'est pas un nombre valable dans la zone.
bbox-longitude = La longitude doit être comprise entre -180 et 180.
bbox-latitude = La latitude doit être comprise entre -90 et 90.
bbox-empty = La zone est vide : l'ouest doit être avant l'est et le sud avant le nord.
message-empty = Écrivez quelques mots avant d'envoyer.
message-too-long = Le message est trop long : { $count } caractères pour { $max } au plus.
thanks-empty = Écrivez votre mot de remerciement.
thanks-too-long = Le mot est trop long : { $count } caractères pour { $max } au plus.
phone-invalid = Ce numéro de téléphone n'est pas valable (exemple : 06 12 34 56 78).
title-empty = Donnez un titre à votre annonce.
title-too-short = Le titre est trop court ({ $min } caractères au moins).
title-too-long = Le titre est trop long : { $count } caractères pour { $max } au plus.
description-empty = Décrivez en quelques mots ce dont il s'agit.
description-too-long = La description est trop longue : { $count } caractères pour { $max } au plus.
lifetime-too-short = Une annonce reste en ligne au moins un jour.
lifetime-too-long = Une annonce reste en ligne { $max } jours au plus.
lifetime-not-a-number = Indiquez un nombre de jours.
post-kind-missing = Dites s'il s'agit d'une demande ou d'une offre d'aide.
category-missing = Choisissez une catégorie.
location-invalid-point = La position choisie sur la carte n'est pas valable.
location-missing = Indiquez votre commune (ou son code postal), ou placez un repère sur la carte.
commune-missing = Indiquez votre commune ou son code postal.
commune-unknown = Aucune commune desservie par Entraide ne correspond à « { $typed } ».
territory-code-invalid = « { $typed } » n'est pas un code de territoire : de 1 à 12 lettres, chiffres ou tirets (exemple : 68).
commune-ambiguous = Plusieurs communes correspondent à « { $typed } » : { $names }. Précisez laquelle.
email-invalid = Cette adresse e-mail n'est pas valable (exemple : prenom.nom@exemple.fr).
email-missing = Indiquez votre adresse e-mail.
name-missing = Indiquez le nom que les autres verront (votre prénom suffit).
name-too-short = Le nom est trop court ({ $min } caractères au moins).
name-too-long = Le nom est trop long : { $count } caractères pour { $max } au plus.
name-invisible = Le nom contient des caractères invisibles.
password-too-short = Le mot de passe doit faire au moins { $min } caractères. Une phrase facile à retenir convient très bien.
password-too-long = Le mot de passe est trop long ({ $max } caractères au plus).
password-common = Ce mot de passe est parmi les plus utilisés : choisissez-en un autre.
password-personal = Le mot de passe ne doit pas reprendre votre nom ou votre adresse e-mail.
password-repeated = Le mot de passe ne doit pas répéter un seul caractère.
password-missing = Indiquez votre mot de passe.
log-in-wrong = Adresse e-mail ou mot de passe incorrect.
poster-kind-missing = Dites si vous êtes un particulier ou une organisation.
organisation-missing = Indiquez le nom de votre organisation.
organisation-too-long = Le nom de l'organisation est trop long ({ $max } caractères au plus).
decision-reason-missing = Choisissez un motif dans la liste.
decision-other-needs-message = Avec « autre motif », expliquez en quelques mots à l'auteur.
redaction-unchanged = Le texte n'a pas changé. Modifiez-le, ou choisissez « Publier » tel quel.
report-reason-missing = Choisissez ce qui ne va pas dans la liste.
report-other-needs-details = Dites en quelques mots ce qui ne va pas.
notify-published = Votre annonce « { $title } » a été publiée.
notify-redacted = Votre annonce « { $title } » a été publiée après une modification par l'équipe de modération. Vous pouvez voir ce qui a changé dans « Mes annonces ».
notify-rejected = Votre annonce « { $title } » a été refusée.
notify-rejected-because = Votre annonce « { $title } » a été refusée : { $reason }.
notify-unpublished = Votre annonce « { $title } » a été retirée de la carte en attendant une vérification.
notify-unpublished-because = Votre annonce « { $title } » a été retirée de la carte en attendant une vérification : { $reason }.
notify-other = { $subject } : « { $title } ».
notify-team-message = Message de l'équipe : « { $message } »
filter-category-unknown = La catégorie « { $value } » n'existe pas. Catégories possibles : { $known }.
filter-kind-unknown = « { $value } » n'est pas un type d'annonce : request, offer ou all.
filter-sort-unknown = « { $value } » n'est pas un ordre connu : recent, nearest ou relevance.
email-subject-published = Votre annonce est publiée
email-subject-rejected = Votre annonce n'a pas été publiée
email-subject-redacted = Votre annonce est publiée (avec une modification)
email-subject-unpublished = Votre annonce est retirée de la carte
email-subject-response = Quelqu'un répond à votre annonce
email-subject-message = Nouveau message
email-subject-accepted = Votre aide est acceptée
email-subject-withdrawn = Votre aide n'est plus attendue
email-subject-done = L'aide est faite : confirmez-vous ?
email-subject-fulfilled = Merci : l'aide est faite
respond-own-post = C'est votre annonce : vous ne pouvez pas y répondre.
respond-closed = Cette annonce ne prend plus de nouvelles réponses.
notify-response = { $name } a répondu « { $answer } » à votre annonce « { $title } ».
notify-message = Nouveau message de { $name } à propos de « { $title } ».
accept-already = Vous avez déjà accepté cette personne.
accept-not-now = Une annonce « { $status } » ne peut plus accepter d'aide.
accept-someone-already = Vous avez déjà accepté quelqu'un. Retirez d'abord cette acceptation.
notify-accepted = { $name } a accepté votre aide pour « { $title } ». Vous voyez maintenant l'adresse exacte dans la conversation.
withdraw-nothing = Il n'y a pas d'acceptation à retirer.
notify-withdrawn = { $name } n'attend plus votre aide pour « { $title } ». Merci pour votre proposition.
done-not-accepted = Seule une aide acceptée et en cours peut être marquée comme faite.
done-already = Vous l'avez déjà signalé. L'auteur doit maintenant confirmer.
notify-done = { $name } indique que l'aide pour « { $title } » est faite. Confirmez-le dans la conversation.
confirm-not-accepted = Seule une aide acceptée et en cours peut être confirmée.
notify-fulfilled = { $name } confirme que l'aide pour « { $title } » est faite. Merci ! Vous pouvez laisser un mot de remerciement.
notify-post-closed = { $name } a retiré l'annonce « { $title } » : votre aide n'est plus attendue. Merci !
thanks-not-yet = Un mot de remerciement se laisse une fois l'aide faite.
thanks-already = Vous avez déjà laissé un mot pour cette annonce.
moderation-already-decided = Cette annonce a déjà été traitée (elle est maintenant « { $status } »).
report-already-hidden = Cette annonce est déjà en cours de vérification. Merci.
report-own-post = Vous ne pouvez pas signaler votre propre annonce. Vous pouvez la modifier ou la retirer.
report-already = Vous avez déjà signalé cette annonce. L'équipe va la vérifier.
conversation-over = Cette conversation est terminée : l'annonce n'est plus en cours. Vous ne pouvez plus y écrire.
report-allowance = Vous avez fait { $max } signalements en 24 heures, c'est le maximum. Réessayez demain, ou écrivez au Département.
report-own-message = Vous ne pouvez pas signaler votre propre message.
report-message-already = Vous avez déjà un signalement en cours sur cette annonce. L'équipe va le traiter.
reports-already-handled = Les signalements de cette annonce ont déjà été traités.
unpublish-not-now = Une annonce « { $status } » ne peut pas être retirée de la carte.
disable-no-author = Cette annonce n'a pas d'auteur inscrit.
disable-staff = Un compte de l'équipe ne se désactive qu'en ligne de commande, par un administrateur.
disable-already = Ce compte est déjà désactivé.
location-outside = Ce lieu est en dehors des communes desservies par Entraide. Choisissez un lieu dans l'une d'elles.
allowance-new-account = Un nouveau compte peut publier { $max } annonces le premier jour. Réessayez demain : vos annonces déjà publiées restent en ligne.
allowance-posts = Vous avez publié { $max } annonces en 24 heures, c'est le maximum. Réessayez demain.
close-outcome-missing = Choisissez « réalisée » ou « retirée ».
close-not-now = Une annonce « { $status } » ne peut pas être marquée « { $outcome } ».
edit-not-now = Une annonce « { $status } » ne peut plus être modifiée.
commune-not-found = Cette commune est inconnue.
extend-not-now = Une annonce « { $status } » ne peut plus être prolongée.
status-not-now = Une annonce « { $status } » ne peut pas passer à « { $next } ».
email-taken = Un compte existe déjà avec cette adresse e-mail. Connectez-vous, ou choisissez une autre adresse.
password-current-wrong = Le mot de passe actuel est incorrect.
password-wrong = Le mot de passe est incorrect.
form-unknown-action = Action inconnue.
moderation-action-missing = Choisissez une action.
sign-up-too-many =
    Beaucoup de comptes ont été créés depuis cette connexion. Réessayez dans { $minutes ->
        [one] une minute
       *[other] { $minutes } minutes
    }.
account-name-changed = Votre nom a été changé.
account-password-changed = Votre mot de passe a été changé.
account-emails-on = Vous recevrez aussi les notifications par e-mail.
account-emails-off = Vous ne recevrez plus d'e-mails : les notifications restent dans l'application.
form-unknown = Formulaire inconnu.
my-posts-done-fulfilled = L'annonce est marquée comme réalisée. Merci !
my-posts-done-closed = L'annonce est retirée.
my-posts-done-extended = L'annonce reste en ligne jusqu'au { $until }.
error-not-found = Cette page n'existe pas ou n'est plus disponible.
error-unauthenticated = Connectez-vous pour continuer.
error-forbidden = Vous n'avez pas le droit de faire cela.
error-too-many =
    Trop d'essais. Réessayez dans { $minutes ->
        [one] une minute
       *[other] { $minutes } minutes
    }.
error-busy = Le service est très demandé en ce moment. Réessayez dans quelques secondes.
error-internal = Une erreur est survenue de notre côté (référence { $reference }). Réessayez dans un instant.
error-transport = La connexion au serveur a échoué. Vérifiez votre connexion et réessayez.
error-bad-request = La demande est mal formée.
email-body =
    Bonjour,

    { $body }

    Pour voir la suite : { $link }

    À bientôt sur Entraide Haut-Rhin.

    --
    Vous recevez ce message parce que vous avez un compte sur Entraide Haut-Rhin. Pour ne plus recevoir d'e-mails, décochez « Recevoir aussi les notifications par e-mail » dans Mon compte : { $account }
private-note-too-long = La précision est trop longue ({ $max } caractères au plus).
error-cross-site = Cette demande vient d'un autre site : elle est refusée. Revenez sur Entraide et réessayez.
error-internal-plain = Une erreur est survenue de notre côté.
export-about = Toutes les données liées à votre compte Entraide. Les dates sont en secondes depuis le 1er janvier 1970 (UTC). Le mot de passe n'est jamais conservé en clair et n'apparaît pas ici.

## Comptes que l'on garde : adresse confirmée, mot de passe oublié, sessions

verify-first = Confirmez d'abord votre adresse e-mail : ouvrez le lien que nous vous avons envoyé. Ce que vous avez écrit est gardé.
verify-where = Renvoyer le lien depuis Mon compte
verify-already = Votre adresse est déjà confirmée.
verify-too-many = Nous avons déjà envoyé { $max } liens cette heure-ci. Regardez dans vos courriers indésirables, ou réessayez dans une heure.
link-invalid = Ce lien ne fonctionne plus : il a déjà servi, il a expiré, ou un lien plus récent l'a remplacé.
email-same = C'est déjà votre adresse.
email-verify-subject = Confirmez votre adresse e-mail — Entraide Haut-Rhin
email-verify-body =
    Bonjour { $name },

    Pour confirmer votre adresse e-mail sur Entraide Haut-Rhin, ouvrez ce lien puis appuyez sur « Confirmer mon adresse » :
    { $link }

    Le lien fonctionne pendant { $hours } heures. Si vous n'avez rien demandé, ne faites rien.
email-reset-subject = Choisir un nouveau mot de passe — Entraide Haut-Rhin
email-reset-body =
    Bonjour { $name },

    Pour choisir un nouveau mot de passe, ouvrez ce lien :
    { $link }

    Le lien fonctionne pendant { $minutes } minutes, une seule fois. Si vous n'avez rien demandé, ne faites rien : votre mot de passe reste le même.
email-changed-subject = Votre adresse de connexion a changé — Entraide Haut-Rhin
email-changed-body =
    Bonjour { $name },

    Votre compte Entraide Haut-Rhin se connecte maintenant avec l'adresse { $email }.

    Si ce n'est pas vous, appelez le Département ou écrivez-lui au plus vite.
forgot-title = Mot de passe oublié — Entraide Haut-Rhin
forgot-heading = Mot de passe oublié
forgot-text = Donnez l'adresse e-mail de votre compte : nous y envoyons un lien pour choisir un nouveau mot de passe.
forgot-submit = Recevoir un lien
forgot-sent = Si un compte existe pour { $email }, un e-mail vient de partir avec un lien, valable une heure. Pensez à regarder dans vos courriers indésirables.
forgot-phone = Pas d'accès à vos e-mails ? Appelez le Département : un agent peut vous donner un lien.
forgot-back = Revenir à la connexion
log-in-forgot = Mot de passe oublié ?
reset-title = Nouveau mot de passe — Entraide Haut-Rhin
reset-heading = Choisir un nouveau mot de passe
reset-ask-again = Demander un nouveau lien
reset-sessions = Vous serez déconnecté de tous vos autres appareils.
reset-submit = Enregistrer mon nouveau mot de passe
verify-title = Confirmer mon adresse — Entraide Haut-Rhin
verify-heading = Confirmer mon adresse e-mail
verify-ask-again = Demander un nouveau lien
verify-text = Vous confirmez que l'adresse { $email } est bien la vôtre.
verify-submit = Confirmer mon adresse
confirmed-title = Adresse confirmée — Entraide Haut-Rhin
confirmed-heading = Adresse confirmée
confirmed-text = Merci ! Vous pouvez maintenant publier, répondre et écrire aux autres.
confirmed-new-address = Merci ! Cette adresse est maintenant celle de votre compte : utilisez-la pour vous connecter.
account-password-reset = Votre nouveau mot de passe est enregistré. Vos autres appareils sont déconnectés.
account-verify-heading = Confirmez votre adresse e-mail
account-verify-text = Nous avons envoyé un lien à votre adresse e-mail. Tant que vous ne l'avez pas ouvert, vous pouvez lire et préparer une annonce, mais pas publier, répondre, écrire ni signaler.
account-verify-resend = Renvoyer le lien
account-verify-sent = Un nouveau lien est parti vers { $email }. Les liens précédents ne fonctionnent plus.
account-change-email = Changer d'adresse e-mail
account-new-email = Nouvelle adresse e-mail
account-new-email-hint = Nous y envoyons un lien : elle devient votre adresse de connexion une fois le lien ouvert.
account-save-email = Changer d'adresse
account-email-link-sent = Un lien est parti vers { $email } : ouvrez-le pour que cette adresse devienne celle de votre compte. D'ici là, rien ne change.
account-everywhere = Se déconnecter partout
account-everywhere-text = Vous avez prêté votre téléphone, ou oublié de vous déconnecter ailleurs ? Ceci déconnecte tous vos appareils, celui-ci compris.
account-email-password = Mot de passe du compte (pour changer d'adresse)
confirmed-publish = Publier une annonce

## Phone intake ("Déposer une demande pour quelqu'un", "Mes saisies")
intake-title = Déposer une demande pour quelqu'un — Entraide
intake-heading = Déposer une demande pour quelqu'un
intake-intro = Pour une personne qui a appelé le Département. Son nom, son téléphone et sa rue restent privés : le public voit « Déposée par le Département » et un point approximatif. Les réponses vous arrivent ; vous agissez pour la personne.
intake-person = La personne qui a appelé
intake-person-hint = Rien de cette partie n'est publié.
intake-person-name = Nom de la personne
intake-person-phone = Téléphone de la personne
intake-call-times = Quand l'appeler
intake-call-times-hint = Par exemple : le matin, pas le mercredi.
intake-street = Numéro et rue
intake-street-hint = Donnés seulement au bénévole que vous acceptez, avec la précision ci-dessous.
intake-share-phone = La personne accepte que son numéro soit donné au bénévole accepté
intake-consent = La personne accepte que sa demande soit publiée
intake-kind = La personne
intake-kind-request = demande de l'aide
intake-kind-offer = propose de l'aide
intake-submit = Publier pour cette personne
intake-filed = La demande est publiée sur la carte.
intake-filed-see = Voir l'annonce
intake-called-done = C'est noté : la personne a été rappelée.
intake-name-missing = Indiquez le nom de la personne.
intake-name-too-long = Le nom est trop long ({ $max } caractères au plus).
intake-phone-missing = Indiquez le téléphone de la personne, pour la rappeler.
intake-street-too-long = L'adresse est trop longue ({ $max } caractères au plus).
intake-call-times-too-long = Ce texte est trop long ({ $max } caractères au plus).
intake-consent-missing = Sans l'accord de la personne, sa demande ne peut pas être publiée.
intake-phone-not-agreed = La personne n'a pas accepté que son numéro soit donné.
intakes-title = Mes saisies — Entraide
intakes-heading = Mes saisies
intakes-all-title = Toutes les saisies — Entraide
intakes-all-heading = Toutes les saisies
intakes-none = Aucune demande déposée par téléphone pour l'instant.
intakes-to-do = { $count ->
    [one] 1 personne à rappeler ou à suivre.
   *[other] { $count } personnes à rappeler ou à suivre.
}
intakes-nothing-to-do = Rien à faire pour l'instant.
intake-next = À faire :
intake-next-call-accepted = rappeler la personne : { $helper } va l'aider.
intake-next-call-done = rappeler la personne pour savoir si l'aide a eu lieu, puis clore la demande.
intake-next-read-answers = lire les réponses et choisir une personne.
intake-next-expires-soon = la demande expire le { $date } : rappeler la personne, la prolonger ou la clore.
intake-next-wait = rien, en attente de réponses.
intake-next-nothing = rien, la demande est terminée.
intake-answers = Réponses
intake-answers-count = { $count ->
    [0] aucune
    [one] 1 réponse
   *[other] { $count } réponses
}
intake-unread = { $count ->
    [one] 1 non lue
   *[other] { $count } non lues
}
intake-helper = Bénévole accepté
intake-filed-by = Saisie par
intake-answer-of = Réponse de { $name }
intake-manage = Prolonger ou clore
intake-called-back = J'ai rappelé la personne
post-filed-by = Déposée par
post-by-phone = le Département, pour une personne qui l'a appelé
caller-heading = Demande déposée par téléphone
caller-phone-shared = Son numéro peut être donné
caller-phone-yes = oui, au bénévole accepté
caller-phone-no = non
accept-share-caller-phone = Donner le numéro de { $name } ({ $phone }) à cette personne
accept-caller-phone-not-agreed = { $name } n'a pas accepté que son numéro soit donné : vous ferez le lien par téléphone.

## Periods and exports (/pilotage/exports)
period-date-invalid = Cette date n'est pas valable (exemple : 2026-12-01).
period-order = La fin de la période doit venir après son début.
period-too-long = La période est trop longue ({ $max } ans au plus).
export-format-unknown = Choisissez le format du fichier.
exports-title = Exports — Entraide
exports-heading = Exports
exports-intro = Les annonces déposées pendant une période, pour un tableur ou une carte. Les fichiers donnent le point public et la commune, jamais l'adresse exacte, le nom, l'e-mail ou le téléphone des personnes.
exports-from = Du
exports-from-hint = Vide : le premier jour du mois.
exports-to = Au (inclus)
exports-to-hint = Vide : aujourd'hui.
exports-commune = Commune (facultatif)
exports-commune-hint = Vide : tout le département.
exports-category = Catégorie
exports-category-all = Toutes les catégories
exports-format = Format
exports-format-csv = Tableur (CSV, s'ouvre dans Excel ou LibreOffice)
exports-format-geojson = Carte (GeoJSON)
exports-format-full = Export complet avec les saisies par téléphone (administrateurs ; l'export est enregistré)
exports-download = Télécharger
exports-open-data = Données ouvertes (annonces publiques, Licence Ouverte) :
export-yes = oui
export-no = non
export-col-id = Numéro
export-col-kind = Type
export-col-category = Catégorie
export-col-poster = Publiée par
export-col-status = Statut
export-col-title = Titre
export-col-description = Description
export-col-commune = Commune
export-col-insee = Code INSEE
export-col-lat = Latitude (point public)
export-col-lon = Longitude (point public)
export-col-by-phone = Déposée par téléphone
export-col-created = Déposée le
export-col-updated = Modifiée le
export-col-expires = Expire le
export-col-hidden = Masquée après signalements
export-col-answers = Réponses
export-col-first-answer = Première réponse le
export-col-accepted = Aide acceptée le
export-col-when = Quand
export-col-for-relative = Publiée pour un proche
export-col-person-name = Nom de la personne
export-col-person-phone = Téléphone de la personne
export-col-street = Numéro et rue
export-col-call-times = Quand l'appeler
export-col-share-phone = Numéro transmissible
export-col-consent-at = Accord donné le
export-col-consent-by = Accord recueilli par

## People (/admin/personnes)
nav-people = Personnes
role-resident = Habitant·e
role-editor = Rédacteur·rice (pages du site)
role-moderator = Modérateur·rice
role-admin = Administrateur·rice
people-title = Personnes — Entraide
people-heading = Personnes
people-search = Nom ou adresse e-mail
people-search-button = Chercher
people-found = { $count ->
    [0] Aucun compte trouvé.
    [one] 1 compte.
   *[other] { $count } comptes.
}
people-more = D'autres comptes correspondent : précisez la recherche.
people-none = Essayez une partie du nom ou de l'adresse.
people-disabled = Compte désactivé
people-unverified = Adresse non confirmée
people-posts = { $count ->
    [0] Aucune annonce
    [one] 1 annonce
   *[other] { $count } annonces
}
people-open-reports = { $count ->
    [one] 1 signalement ouvert
   *[other] { $count } signalements ouverts
}
people-back = ← Toutes les personnes
people-email = Adresse e-mail
people-organisation = Organisation
people-since = Compte créé le
people-yourself = C'est votre compte : votre rôle et votre compte se changent par un autre administrateur ou en ligne de commande.
people-actions = Changer ce compte
people-make = Donner le rôle « { $role } »
people-disable = Désactiver le compte
people-enable = Réactiver le compte
people-reset-link = Envoyer un lien pour changer de mot de passe
people-reports = Signalements
people-no-reports = Aucun signalement.
people-report-made = Signalement fait sur
people-report-about = Signalement reçu sur
people-report-open = ouvert
people-done-role = Le rôle est changé. La personne devra se reconnecter.
people-done-disable = Le compte est désactivé : la personne ne peut plus se connecter.
people-done-enable = Le compte est réactivé.
people-done-reset-link = Un lien pour changer de mot de passe est parti par e-mail (valable une heure).
people-not-yourself = Vous ne pouvez pas changer votre propre compte ici.
people-last-admin = C'est le dernier administrateur actif : nommez-en un autre d'abord.
intake-other-territory = { $commune } n'est pas dans vos territoires : passez l'appel à l'équipe de ce territoire.
people-other-territory = Ce compte agit hors de vos territoires : seul un administrateur de ces territoires, ou national, peut le modifier.
people-reset-disabled = Ce compte est désactivé : réactivez-le d'abord.
people-role-missing = Choisissez un rôle.
people-territories = Territoires
moderation-territories = Vous agissez dans : { $list }. Les annonces des autres territoires vont à leur équipe.
people-territories-now = Agit dans : { $list }.
people-territories-national = Tous les territoires (national)
people-territories-choose = Territoires où ce compte agit
people-territories-save = Enregistrer les territoires
people-territories-none = Cochez au moins un territoire, ou « Tous les territoires ».
people-territories-staff-only = Seuls les comptes de l'équipe (modération, administration, rédaction) ont des territoires.
people-done-territories = Les territoires sont enregistrés.

## Follow-ups (/suivi)
email-subject-expiring = Votre annonce expire bientôt
email-subject-help-check = Avez-vous reçu l'aide ?
notify-expiring = Votre annonce « { $title } » quitte la carte le { $date }. Encore besoin ? Prolongez-la d'un clic dans « Mes annonces ».
notify-help-check = Avez-vous reçu l'aide pour « { $title } » ? Dites-le nous d'un clic.
follow-ups-title = Suivi — Entraide
follow-ups-heading = Suivi
follow-ups-unanswered = { $count ->
    [0] Demandes sans réponse : aucune
    [one] 1 demande sans réponse
   *[other] { $count } demandes sans réponse
}
follow-ups-unanswered-hint = Publiées depuis 2 jours (courses, aide alimentaire) ou 5 jours (le reste), par défaut, sans que personne ne réponde ; les plus anciennes d'abord.
follow-ups-help = { $count ->
    [0] Aide non reçue : aucune
    [one] 1 aide peut-être jamais venue
   *[other] { $count } aides peut-être jamais venues
}
follow-ups-help-hint = L'auteur a répondu « Non » à « Avez-vous reçu l'aide ? », ou n'a pas répondu en 2 jours.
follow-up-posted = déposée { $when }
follow-up-author = Auteur
follow-up-raised = Au suivi depuis le
follow-up-todo-phone = rappeler la personne (déposée par téléphone, voir « Mes saisies »).
follow-up-todo-unanswered = appeler ou écrire à l'auteur, relayer la demande à une association du secteur, ou l'élargir (prolonger, préciser).
follow-up-todo-help = contacter l'auteur et le bénévole pour savoir ce qui s'est passé ; proposer une autre aide.
follow-up-answer-no = L'auteur dit ne pas avoir reçu l'aide.
follow-up-answer-none = L'auteur n'a pas répondu.
follow-up-resolve = Traité
follow-up-done = C'est noté : la demande quitte le suivi.
follow-up-already-done = Cette ligne a déjà été traitée.
follow-up-already-answered = Vous avez déjà répondu, merci.
follow-up-answer-missing = Répondez par oui ou par non.
help-question-answer = Répondre : avez-vous reçu l'aide ?
help-question-title = Avez-vous reçu l'aide ? — Entraide
help-question-heading = Avez-vous reçu l'aide ?
help-question-about = Pour votre demande
help-question-yes = Oui, j'ai reçu l'aide
help-question-no = Non, pas encore
help-question-hint = « Oui » marque la demande comme réalisée. « Non » prévient l'équipe du Département, qui vous contactera.
help-question-yes-done = Merci ! La demande est marquée comme réalisée.
help-question-no-done = C'est noté : l'équipe du Département va vous contacter.
intake-next-ask-help-came = appeler la personne pour savoir si elle a reçu l'aide, puis répondre pour elle.
intake-help-yes = Elle a reçu l'aide
intake-help-no = Elle ne l'a pas reçue
intake-help-answered = C'est noté. « Non » met la demande au suivi du Département.

## Announcements (/admin/annonces)
announcement-label = Annonce du Département
announcements-title = Annonces du Département — Entraide
announcements-heading = Annonces du Département
announcement-message = Texte de l'annonce
announcement-message-hint = Une ou deux phrases, montrées en haut de la carte. Par exemple : « Canicule : pensez à vos voisins âgés. »
announcement-from = Du
announcement-to = Au (inclus)
announcement-publish = Publier l'annonce
announcements-upcoming = En cours et à venir
announcements-none = Aucune annonce.
announcement-dates = du { $from } au { $to }
announcement-delete = Retirer
announcement-done-publiee = L'annonce est enregistrée : elle s'affiche sur la carte aux dates choisies.
announcement-done-retiree = L'annonce est retirée.
announcement-empty = Écrivez le texte de l'annonce.
announcement-too-long = L'annonce est trop longue ({ $max } caractères au plus).
announcement-date-missing = Choisissez une date.

## Figures (/pilotage)
stats-title = Pilotage — Entraide
stats-heading = Chiffres
stats-console = Console du Département
stats-preset-week = Cette semaine
stats-preset-month = Ce mois-ci
stats-preset-year = Cette année
stats-show = Afficher les chiffres
stats-none = —
stats-nothing = Aucune annonce publiée pendant cette période.
stats-everywhere = Tout le département, toutes catégories
stats-period = Du { $from } au { $to }
stats-json = les mêmes chiffres en JSON
stats-posts = Annonces publiées
stats-requests = Demandes
stats-offers = Offres
stats-answered-24h = Demandes ayant reçu une réponse en moins de 24 h
stats-answered-72h = Demandes ayant reçu une réponse en moins de 72 h
stats-unanswered = Demandes encore sans réponse
stats-median-first-answer = Délai médian avant la première réponse
stats-median-to-help = Délai médian entre l'acceptation et l'aide faite
stats-fulfilled = Demandes satisfaites
stats-fulfilment-rate = Taux de demandes satisfaites
stats-expired-unanswered = Demandes expirées sans réponse
stats-active-volunteers = Bénévoles actifs (ayant écrit pour aider)
stats-moderation = Modération
stats-waiting-now = Annonces en attente maintenant
stats-median-wait = Attente médiane avant décision
stats-p90-wait = Attente pour 90 % des annonces
stats-decisions = Décisions de la période, par motif
stats-decision = Décision
stats-reason = Motif
stats-count = Nombre
stats-charts = Graphiques
stats-chart-posts-week = Annonces publiées par semaine
stats-chart-posts-month = Annonces publiées par mois
stats-chart-delay = Délai médian avant la première réponse, par catégorie
stats-chart-map = Demandes encore sans réponse, par commune
stats-chart-map-alt = Carte des communes du Haut-Rhin colorées selon le nombre de demandes encore sans réponse ; les chiffres sont dans le tableau qui suit.
stats-table-of = Données :
stats-week = Semaine du
stats-month = Mois du
stats-answered-short = Avec réponse
stats-unanswered-short = Sans réponse
stats-no-decision = Aucune décision pendant cette période.
stats-median = Délai médian
stats-breakdowns = Par catégorie et par type de déposant
stats-by-commune = Annonces par commune
stats-commune = Commune
stats-by-category = Annonces par catégorie
stats-category = Catégorie
stats-by-poster = Annonces par type de déposant
stats-poster = Déposée par
stats-small = Pour une commune, un nombre inférieur à { $n } s'affiche « < 5 » : personne ne doit pouvoir être reconnu par un chiffre.
stats-map-title = Demandes encore sans réponse par commune, du { $from } au { $to }
stats-map-none = aucune
stats-map-few = moins de 5
stats-map-some = de 5 à 9
stats-map-many = 10 ou plus
duration-days = { $d } j { $h } h
duration-hours = { $h } h { $m }
duration-minutes = { $m } min

## The site's pages (/pages/…, /admin/pages)
nav-pages = Pages du site
footer-pages = Le service
page-comment-ca-marche = Comment ça marche
page-charte = Charte d'entraide
page-mentions-legales = Mentions légales
page-donnees-personnelles = Données personnelles
page-accessibilite = Accessibilité
page-updated = Mise à jour le { $date }.
pages-admin-title = Pages du site — Entraide
pages-admin-heading = Pages du site
pages-admin-intro = Les rédacteurs écrivent les pages en Markdown et enregistrent des brouillons ; un administrateur les publie. Chaque enregistrement est gardé dans l'historique.
pages-admin-see = voir la page publiée
page-status-draft = Un brouillon attend d'être publié : le public lit encore la version précédente.
page-status-shipped = Le public lit le texte fourni avec l'application : la page n'a pas encore été publiée ici.
page-title = Titre
page-body = Texte (Markdown)
page-body-hint = ## pour un titre, **gras**, *italique*, - pour une liste, [texte](https://adresse) pour un lien. Le HTML et les scripts sont retirés.
page-save = Enregistrer le brouillon
page-publish = Publier ce brouillon
page-publish-by-admin = Un administrateur publiera ce brouillon.
page-preview = Aperçu du brouillon
page-history = Historique
page-history-none = Aucune version enregistrée : le texte fourni avec l'application est affiché.
page-history-saved = Enregistrée le { $date } par { $name }
page-history-published = publiée le { $date } par { $name }
page-done-enregistree = Le brouillon est enregistré.
page-done-publiee = La page est publiée.
page-title-missing = Donnez un titre à la page.
page-title-too-long = Le titre doit faire au plus { $max } caractères.
page-body-missing = Écrivez le texte de la page.
page-body-too-long = Le texte doit faire au plus { $max } caractères.

## Mes alertes

nav-alerts = Mes alertes
alerts-title = Mes alertes — Entraide
alerts-heading = Mes alertes
alerts-intro = Soyez prévenu quand une nouvelle annonce est publiée près de chez vous, de votre travail ou de tout autre lieu : dans l'application, par e-mail, ou une fois par jour dans un résumé.
alerts-done-enregistree = L'alerte est enregistrée. Vous serez prévenu des nouvelles annonces publiées dans cette zone.
alerts-done-supprimee = L'alerte est supprimée.
alerts-done-reglages = Vos choix sont enregistrés.
alerts-done-reprises = Vos alertes fonctionnent de nouveau.
alerts-paused-heading = Vos alertes sont en pause
alerts-paused-text = Nous ne vous avons pas vu depuis plus de six mois : vos alertes se sont mises en pause. Un clic suffit pour les garder.
alerts-resume = Garder mes alertes
alerts-list-heading = { $count ->
    [0] Aucune alerte
    [one] Une alerte
   *[other] { $count } alertes
}
alerts-none = Vous n'avez pas encore d'alerte.
alerts-full = Vous avez déjà { $max } alertes, le maximum. Supprimez-en une pour en créer une autre.
alerts-around-position = Autour de ma position (près de { $commune })
alerts-all-categories = Toutes les catégories
alerts-kind-all = Demandes et offres
alerts-item = { $place }, dans un rayon de { $radius } km
alerts-delete = Supprimer cette alerte
alerts-new-heading = Nouvelle alerte
alerts-place = Commune ou code postal
alerts-place-hint = Par exemple : Mulhouse, ou 68100. La zone est centrée sur la mairie.
alerts-radius = Rayon autour de ce lieu
alerts-radius-km = { $km } km
alerts-kind = Je veux être prévenu des
alerts-categories = Catégories
alerts-categories-hint = Aucune case cochée : toutes les catégories.
alerts-save = Créer l'alerte
alerts-position-asking = Recherche de votre position…
alerts-position-found = Position trouvée : l'alerte sera centrée autour de vous (à quelques centaines de mètres près, jamais votre adresse exacte).
alerts-settings-heading = Comment être prévenu
alerts-email = Par e-mail
alerts-email-instant = Un e-mail à chaque nouvelle annonce
alerts-email-digest = Un résumé par jour, à l'heure choisie
alerts-email-off = Pas d'e-mail : seulement dans l'application
alerts-hour = Heure du résumé
alerts-settings-save = Enregistrer mes choix
alert-position-outside = Votre position est en dehors des communes desservies par Entraide : indiquez plutôt une commune.
alert-radius-range = Le rayon doit être un nombre entier de kilomètres, entre 1 et 30 (« { $value } » ne convient pas).
alert-email-unknown = Choisissez comment être prévenu par e-mail.
alert-hour-range = Choisissez une heure entre 0 et 23 (« { $value } » ne convient pas).
alert-too-many = Vous avez déjà { $max } alertes, le maximum. Supprimez-en une pour en créer une autre.
alert-notify = Nouvelle annonce près de chez vous — { $kind }, { $category } à { $commune } : « { $title } »
alert-email =
    Bonjour,

    { $body }

    Pour la voir et répondre : { $link }

    À bientôt sur Entraide Haut-Rhin.

    --
    Vous recevez cet e-mail parce que vous avez créé une alerte sur Entraide Haut-Rhin.
    Modifier vos alertes : { $settings }
    Ne plus recevoir ces e-mails (en un clic, sans vous connecter) : { $unsubscribe }
alert-digest-subject = { $count ->
    [one] Une nouvelle annonce près de chez vous
   *[other] { $count } nouvelles annonces près de chez vous
}
alert-digest-line =
    « { $title } »
    { $kind }, { $category } à { $commune }
    { $link }
alert-digest =
    Bonjour,

    { $count ->
        [one] Une nouvelle annonce correspond à vos alertes depuis le dernier résumé :
       *[other] { $count } nouvelles annonces correspondent à vos alertes depuis le dernier résumé :
    }

    { $posts }

    À bientôt sur Entraide Haut-Rhin.

    --
    Vous recevez ce résumé parce que vous avez créé une alerte sur Entraide Haut-Rhin.
    Modifier vos alertes : { $settings }
    Ne plus recevoir ces e-mails (en un clic, sans vous connecter) : { $unsubscribe }
alert-paused = Vos alertes sont en pause : nous ne vous avons pas vu depuis six mois. Pour les garder, ouvrez « Mes alertes » et cliquez sur « Garder mes alertes ».
email-subject-alert = Nouvelle annonce près de chez vous
email-subject-alerts-paused = Vos alertes sont en pause
alert-unsubscribed = C'est fait : vous ne recevrez plus d'e-mails pour vos alertes. Elles restent visibles dans l'application.
unsubscribe-title = Ne plus recevoir les alertes par e-mail — Entraide
unsubscribe-heading = Ne plus recevoir les alertes par e-mail
unsubscribe-text = Vous ne recevrez plus d'e-mail pour vos alertes. Vous verrez toujours les nouvelles annonces dans l'application (« Notifications »).
unsubscribe-button = Ne plus recevoir ces e-mails
unsubscribe-settings = Voir et modifier mes alertes (connexion nécessaire)
unsubscribe-already = Vous ne recevez déjà plus d'e-mails pour vos alertes.
notifications-alerts-link = Mes alertes : être prévenu des nouvelles annonces près de chez moi
list-alert-cta = 🔔 Être prévenu des nouvelles annonces près de chez moi
push-service-unknown = Ce navigateur utilise un service de notifications que nous ne connaissons pas.
push-keys-invalid = Les clés de notification envoyées par le navigateur ne sont pas valides.
push-heading = Sur ce téléphone
push-text = Quand l'application est installée sur votre téléphone, il peut vibrer dès qu'une nouvelle annonce correspond à vos alertes.
push-on = Recevoir les alertes sur ce téléphone
push-off = Ne plus les recevoir sur ce téléphone
push-asking = Autorisation demandée…
push-done-on = C'est fait : ce téléphone recevra vos alertes.
push-done-off = Ce téléphone ne recevra plus vos alertes.
push-denied = Les notifications sont bloquées pour ce site : autorisez-les dans les réglages du navigateur, puis réessayez.
push-failed = Impossible d'activer les notifications sur ce navigateur pour le moment. Vos alertes restent dans l'application et par e-mail.
push-devices = { $count ->
    [0] Aucun appareil ne reçoit vos alertes.
    [one] Un appareil reçoit vos alertes.
   *[other] { $count } appareils reçoivent vos alertes.
}
filter-place-too-long = Le lieu est trop long ({ $count } caractères, { $max } au plus).
filter-radius-unknown = Rayon inconnu : « { $value } ». Rayons possibles, en km : { $known }.
place-label = Commune ou code postal
place-search = Chercher
place-radius = Rayon
place-radius-any = Toute la zone
place-radius-km = { $km } km
place-around = Autour de { $place }
place-within = À moins de { $km } km de { $place }
place-clear = Effacer le lieu
distance-km = à { $km } km
distance-near = à moins de 500 m
filter-words-too-long = La recherche est trop longue ({ $count } caractères, { $max } au plus).
filter-words-none = « { $value } » ne contient aucun mot à chercher : écrivez au moins un mot de deux lettres, par exemple « courses ».
filter-at-bad = La position « { $value } » n'est pas lisible : il faut une latitude et une longitude, par exemple 47.750,7.340.
filter-page-unknown = Page inconnue : « { $value } ». Les pages vont de 1 à { $max }.
search-box = Chercher des annonces
words-label = Mots à chercher
words-hint = ex. : courses, devoirs
place-use-position = Utiliser ma position
place-my-position = Autour de votre position
place-within-me = À moins de { $km } km de votre position
list-words = Annonces contenant « { $words } »
words-clear = Effacer les mots
pager = Pages de la liste
pager-range = Annonces { $from } à { $to } sur { $total }
pager-next = { $count } de plus
pager-previous = { $count } précédentes
pager-beyond = La liste n'a pas autant d'annonces.
pager-first = Revenir au début de la liste
urgent-heading = Est-ce une urgence ?
urgent-intro = Ce que vous avez écrit peut demander de l'aide tout de suite. Les bénévoles d'Entraide ne peuvent pas venir immédiatement : en cas d'urgence, appelez l'un de ces numéros, gratuits, jour et nuit.
urgent-why = Nous avons lu : { $signs }.
urgent-number-15 = SAMU : une urgence médicale (malaise, chute, douleur)
urgent-number-112 = Numéro d'urgence européen, depuis tout téléphone
urgent-number-114 = Par SMS : pour les personnes sourdes ou malentendantes, ou qui ne peuvent pas parler
urgent-number-3114 = Prévention du suicide : quelqu'un vous écoute
urgent-number-3919 = Violences faites aux femmes : écoute anonyme
urgent-number-119 = Enfance en danger
urgent-number-17 = Police secours
urgent-town-hall = La mairie de { $commune } (son numéro dans l'annuaire Service-Public)
urgent-town-hall-any = La mairie de votre commune (son numéro dans l'annuaire Service-Public)
post-contact = Une question sur les annonces d'ici ? L'équipe d'Entraide { $territory } :
urgent-local = { $territory } : { $services }
urgent-team = L'équipe d'Entraide { $territory }, aux heures d'ouverture
urgent-go-on = Si ce n'est pas une urgence, vous pouvez continuer : l'équipe du Département lira votre annonce en priorité.
urgent-continue = Continuer et envoyer l'annonce
sign-fall = une chute
sign-malaise = un malaise
sign-chest = une douleur à la poitrine
sign-hunger = plus de quoi manger
sign-suicide = des idées de suicide
sign-violence = des violences au foyer
sign-child = un enfant en danger
moderation-urgent-badge = Urgent
moderation-urgent-why = Signes d'urgence relevés dans le texte : { $signs }. Voyez s'il faut appeler la personne ou les secours avant de valider.

## Bénévoles vérifiés (#18 §4)
vetted-badge = Bénévole vérifié par le Département
respond-vetted-only = Cette demande est réservée aux bénévoles vérifiés par le Département : une personne de l'équipe les a rencontrés et a vu leur pièce d'identité.
respond-become-vetted = Devenir bénévole vérifié
respond-needs-vetting = Seuls les bénévoles vérifiés par le Département peuvent répondre à cette demande. Demandez à l'être depuis « Mon compte ».
offer-needs-vetting = Seuls les bénévoles vérifiés par le Département peuvent proposer leur aide dans cette catégorie. Demandez à l'être depuis « Mon compte », ou choisissez une autre catégorie.
accept-not-vetted = Cette personne n'est pas (ou plus) bénévole vérifiée par le Département : cette demande demande un bénévole vérifié.
email-subject-vetting = Votre vérification de bénévole
notify-vetting-recorded = L'équipe du Département a enregistré votre vérification : vous êtes bénévole vérifié jusqu'au { $until }.
notify-vetting-withdrawn = L'équipe du Département a retiré votre vérification de bénévole. Motif : { $reason }
notify-vetting-ending = Votre vérification de bénévole prend fin le { $until }. Pour continuer à aider auprès des enfants et chez les personnes, demandez dès maintenant à être vérifié de nouveau.
account-vetting-text = Pour la garde d'enfants et les visites à domicile, l'équipe du Département rencontre les bénévoles avant qu'ils puissent répondre.
account-vetting-link = Devenir bénévole vérifié
vetting-title = Bénévole vérifié — Entraide Haut-Rhin
vetting-heading = Bénévole vérifié
vetting-valid-until = Votre vérification est valable jusqu'au { $date }.
vetting-withdrawn-on = Votre vérification a été retirée le { $date }.
vetting-expired-on = Votre vérification a pris fin le { $date } : demandez-en une nouvelle.
vetting-how-heading = Comment devenir bénévole vérifié
vetting-why = Les demandes de ces catégories ne reçoivent de réponse que de bénévoles vérifiés : { $categories }.
vetting-how-1 = Vous envoyez votre demande avec ce formulaire.
vetting-how-2 = L'équipe du Département vous écrit pour convenir d'un rendez-vous.
vetting-how-3 = Au rendez-vous, vous montrez une pièce d'identité (aucune copie n'est gardée) et, si vous en avez une, votre carte d'adhérent d'une association.
vetting-how-4 = Vous êtes alors bénévole vérifié pour un an ; vos réponses le montrent.
vetting-asked-on = Demande envoyée le { $date }. L'équipe vous écrira pour un rendez-vous.
vetting-cancel = Retirer ma demande
vetting-note = Un mot pour l'équipe (facultatif)
vetting-note-hint = Vos disponibilités pour un rendez-vous, votre association.
vetting-ask = Demander à être vérifié
vetting-done-ask = Votre demande est envoyée.
vetting-done-cancel = Votre demande est retirée.
vetting-already = Vous êtes déjà bénévole vérifié : vous pourrez renouveler deux mois avant la fin.
vetting-desk-title = Bénévoles vérifiés — Entraide Haut-Rhin
vetting-desk-heading = Bénévoles vérifiés
vetting-desk-intro = Seuls les bénévoles rencontrés en personne répondent aux demandes de ces catégories : { $categories }. Une vérification vaut un an.
vetting-desk-requests = Demandes à rencontrer ({ $count })
vetting-desk-no-request = Aucune demande en attente.
vetting-desk-vetted = Bénévoles vérifiés ({ $count })
vetting-desk-no-vetted = Aucun bénévole vérifié pour l'instant.
vetting-desk-asked = demande envoyée { $date }
vetting-desk-renewal = renouvellement, vérifié jusqu'au { $date }
vetting-desk-record = Enregistrer la rencontre avec { $name }
vetting-desk-withdraw = Retirer la vérification de { $name }
vetting-desk-checked = Rencontré le { $date } par { $by } (enregistré par { $recorder }), vérifié jusqu'au { $until }
vetting-desk-done-record = La vérification est enregistrée ; la personne est prévenue.
vetting-desk-done-withdraw = La vérification est retirée ; la personne est prévenue.
vetting-identity-seen = J'ai vu sa pièce d'identité en personne
vetting-identity-hint = N'en faites pas de copie : seul le fait qu'elle a été vue est enregistré.
vetting-identity-required = Cochez la case : la pièce d'identité doit avoir été vue en personne.
vetting-checked-on = Date de la rencontre
vetting-checked-by = Rencontré par
vetting-max = { $max } caractères au plus.
vetting-association = Association dont la personne est adhérente (facultatif)
vetting-association-hint = Telle qu'écrite sur la carte d'adhérent, { $max } caractères au plus.
vetting-record = Enregistrer la vérification
vetting-reason = Motif (la personne le lira)
vetting-reason-hint = Par exemple : signalement après une garde.
vetting-withdraw = Retirer la vérification
vetting-association-too-long = Le nom de l'association est trop long : { $count } caractères, { $max } au plus.
vetting-checker-missing = Écrivez qui a rencontré la personne.
vetting-checker-too-long = Ce nom est trop long : { $count } caractères, { $max } au plus.
vetting-date-missing = Indiquez la date de la rencontre.
vetting-date-invalid = « { $value } » n'est pas une date (jj/mm/aaaa).
vetting-date-future = La rencontre ne peut pas être dans le futur.
vetting-date-too-old = Cette rencontre date de plus de { $days } jours : la vérification aurait déjà pris fin.
vetting-reason-missing = Écrivez le motif : la personne le lira.
vetting-note-too-long = Ce texte est trop long : { $count } caractères, { $max } au plus.
vetting-not-self = Une autre personne de l'équipe doit enregistrer votre propre vérification.
vetting-no-request = Cette personne n'a plus de demande en attente (déjà enregistrée, ou retirée).
vetting-not-vetted = Cette personne n'est pas bénévole vérifiée en ce moment.

## Affichette d'une annonce (#18 §3)
notice-link = Imprimer une affichette
notice-title = Affichette : { $title } — Entraide Haut-Rhin
notice-back = ← Retour à l'annonce
notice-how = Une page A4 à imprimer pour la vitrine de la boulangerie ou le panneau de la mairie. Pour imprimer : « Imprimer » dans le menu de votre navigateur.
notice-print = Imprimer l'affichette
notice-brand = Entraide Haut-Rhin — l'entraide entre voisins
notice-qr-alt = Code QR menant à l'annonce : { $address }
notice-answer-request = Vous pouvez aider ? Scannez ce code avec votre téléphone, ou tapez cette adresse :
notice-answer-offer = Cela vous intéresse ? Scannez ce code avec votre téléphone, ou tapez cette adresse :
notice-no-internet = Pas d'internet ? Demandez à la mairie : elle peut appeler le Département pour vous.
notice-strips = Bandes à détacher avec l'adresse de l'annonce

## Durées de conservation (#21 §3)
retention-warning-subject = Votre compte Entraide sera supprimé faute d'utilisation
retention-warning-body = Bonjour, vous ne vous êtes pas connecté à Entraide depuis { $years } ans. Pour protéger vos données, votre compte et ce qui s'y rattache seront supprimés le { $on }, dans { $days } jours. Pour le garder, il suffit de vous connecter avant cette date : { $link }

## Un proche à mes côtés (#18 §2)
carer-notify-prefix = Annonce de { $name } :
email-subject-carer = Un proche et votre annonce
email-carer-subject = { $name } vous invite à suivre son annonce sur Entraide
email-carer-body =
    Bonjour,

    { $name } vous invite à suivre son annonce « { $title } » ({ $commune }) sur Entraide Haut-Rhin, l'entraide entre voisins.

    En acceptant, vous recevrez ses nouvelles, vous verrez qui lui vient en aide, et vous pourrez écrire aux personnes qui lui répondent. Son adresse reste privée.

    Pour accepter, ouvrez ce lien (valable { $days } jours) : { $link }

    Si vous ne connaissez pas { $name }, ne faites rien : sans réponse, l'invitation s'efface.
notify-carer-joined = { $name } suit maintenant votre annonce « { $title } » en tant que proche.
notify-carer-removed = { $name } vous a retiré du suivi de son annonce « { $title } ».
notify-carer-left = { $name } ne suit plus votre annonce « { $title } ».
carer-post-over = Cette annonce est terminée : on ne peut plus y inviter de proche.
carer-not-self = C'est votre propre adresse : invitez l'adresse de votre proche.
carer-already-invited = Cette adresse a déjà reçu une invitation pour cette annonce.
carer-too-many = Une annonce peut être suivie par { $max } proches au plus. Retirez-en un pour en inviter un autre.
carer-link-gone = Ce lien ne fonctionne plus : demandez à la personne de vous inviter à nouveau.
carer-invited = Invitation envoyée à { $email }. Votre proche a 7 jours pour l'accepter.
carer-removed = C'est fait : cette personne ne suit plus l'annonce.
carer-now-following = Vous suivez maintenant cette annonce : elle est plus bas, dans « Les annonces de mes proches ».
carer-heading = Un proche à vos côtés
carer-explain = Un proche (un enfant, un voisin, un aidant) peut suivre cette annonce : il reçoit ses nouvelles, voit qui vous aide et peut écrire aux personnes qui vous répondent. Il ne voit pas votre adresse. Vous pouvez le retirer à tout moment.
carer-email = Adresse e-mail de votre proche
carer-email-hint = Il recevra un lien pour accepter, valable 7 jours.
carer-invite = Inviter ce proche
carer-following = suit cette annonce
carer-remove = Retirer
carer-waiting = invitation envoyée, valable jusqu'au { $date }
carer-cancel = Annuler l'invitation
carer-followed-heading = Les annonces de mes proches
carer-followed-explain = Vous suivez ces annonces à la demande de leur auteur. Vos messages y sont signés « proche de … ».
carer-post-of = Annonce de { $name }
carer-no-helper = Personne n'a encore été accepté pour aider.
carer-helper = Aide acceptée : { $names }
carer-conversation-with = Conversation avec { $name }
carer-stop = Ne plus suivre cette annonce
carer-invitation-title = Invitation à suivre une annonce — Entraide Haut-Rhin
carer-invitation-heading = Suivre l'annonce d'un proche
carer-invitation-text = { $name } vous invite à suivre son annonce « { $title } » ({ $commune }).
carer-means-news = Vous recevrez les mêmes nouvelles que la personne : réponses, messages, aide acceptée.
carer-means-helper = Vous verrez où en est l'annonce et qui a été accepté pour aider.
carer-means-write = Vous pourrez écrire aux personnes qui répondent : vos messages seront signés « proche de … ».
carer-means-private = L'adresse exacte reste privée. L'auteur peut vous retirer à tout moment.
carer-invitation-yours = C'est votre propre invitation : ce lien est pour votre proche.
carer-invitation-already = Vous suivez déjà cette annonce.
carer-invitation-see = Voir les annonces de mes proches
carer-accept = Accepter et suivre l'annonce
carer-invitation-account = Pour accepter, connectez-vous, ou créez un compte : c'est gratuit.
carer-invitation-log-in = Se connecter pour accepter
carer-invitation-gone = Ce lien ne fonctionne plus : il a déjà servi, il a été annulé, ou il date de plus de 7 jours. Demandez à la personne de vous inviter à nouveau.
conversation-heading-carer = Conversation de { $author } avec { $name }
conversation-carer-accepted = { $author } a accepté l'aide de { $name }.
conversation-as-carer = Vous lisez cette conversation en tant que proche de { $author }. Vos messages sont signés « proche de { $author } ».
conversation-carer-of = (proche de { $author })
block-carer = Plus personne ne peut écrire dans cette conversation : l'un des deux a bloqué l'autre.
messages-as-carer = { $name } a répondu à { $author } (vous suivez en proche)

## Mon immeuble (#18 §3)
building-label = Immeuble, { $street }, { $commune }
building-title = Mon immeuble — Entraide Haut-Rhin
building-heading = Mon immeuble
building-intro = Les voisins de votre immeuble s'entraident : une annonce peut n'être visible que par eux. L'adresse exacte n'est jamais montrée, seulement la rue et la commune.
building-log-in = Connectez-vous pour retrouver le groupe de votre immeuble.
building-created = Le groupe de votre immeuble est créé. Imprimez l'affiche pour le hall : vos voisins le rejoindront avec son code.
building-joined = Vous faites maintenant partie du groupe de cet immeuble.
building-left = Vous avez quitté le groupe de cet immeuble.
building-members = { $count ->
    [one] { $count } voisin inscrit
   *[other] { $count } voisins inscrits
}
building-code = code pour rejoindre : { $code }
building-publish = Publier pour mon immeuble
building-print = Imprimer l'affiche du hall
building-posts = Les annonces de l'immeuble
building-no-posts = Pas encore d'annonce pour l'immeuble.
building-leave = Quitter ce groupe
building-leave-hint = Vous ne verrez plus ses annonces. Vos annonces pour l'immeuble restent visibles par ses membres.
building-leave-confirm = Quitter le groupe
building-join-heading = Rejoindre le groupe de mon immeuble
building-join-title = Rejoindre le groupe d'un immeuble — Entraide Haut-Rhin
building-code-label = Code de l'immeuble
building-code-hint = 8 lettres et chiffres, affichés dans le hall (par exemple ABCD-EF23).
building-join = Rejoindre le groupe
building-create-heading = Créer le groupe de mon immeuble
building-create-intro = Personne n'a encore créé le groupe de votre immeuble ? Créez-le : vous recevrez une affiche à imprimer pour le hall.
building-street = Rue de l'immeuble, sans le numéro
building-street-hint = Par exemple « rue des Tilleuls ». Le numéro reste privé : il n'est demandé nulle part.
building-create = Créer le groupe
building-join-text = Vous êtes invité à rejoindre le groupe des voisins : { $building }.
building-how-1 = Les voisins de l'immeuble demandent et proposent de l'aide entre eux.
building-how-2 = Une annonce peut n'être visible que par les voisins de l'immeuble.
building-how-3 = L'adresse exacte n'est jamais montrée ; l'équipe du Département valide chaque annonce.
building-how-4 = Pour rejoindre : scannez le code QR, ou allez sur le site et tapez le code ci-dessous.
building-already = Vous faites déjà partie de ce groupe.
building-qr-alt = Code QR pour rejoindre le groupe : { $building }
building-notice-title = Affiche du hall : { $building } — Entraide Haut-Rhin
building-notice-how = Une page A4 à afficher dans le hall de l'immeuble. Pour imprimer : « Imprimer » dans le menu de votre navigateur.
building-notice-heading = Entraide entre voisins de l'immeuble
building-notice-scan = Scannez ce code avec votre téléphone, ou allez sur :
building-notice-code = puis tapez le code de l'immeuble :
building-only-staff = Visible seulement par les voisins de : Immeuble, { $street }, { $commune }. Jamais sur la carte publique.
building-street-missing = Écrivez la rue de l'immeuble.
building-street-number = Écrivez la rue sans le numéro : le numéro reste privé.
building-street-too-long = Ce nom de rue est trop long : { $count } caractères, { $max } au plus.
building-street-invalid = Écrivez le nom de la rue, par exemple « rue des Tilleuls ».
building-code-missing = Tapez le code affiché dans le hall de l'immeuble.
building-code-invalid = Ce code n'a pas la bonne forme : 8 lettres et chiffres, par exemple ABCD-EF23.
building-code-unknown = Aucun immeuble n'a ce code. Vérifiez-le sur l'affiche du hall.
building-too-many = Vous faites déjà partie de { $max } groupes d'immeuble, le plus possible.
building-not-member = Choisissez « Tout le monde » ou un immeuble dont vous faites partie.
publish-audience = Qui peut voir l'annonce ?
publish-audience-public = Tout le monde (la carte et la liste publiques)
publish-audience-building = Seulement mon immeuble : { $building }
publish-audience-hint = Une annonce pour l'immeuble n'apparaît jamais sur la carte publique ; l'équipe du Département la valide comme les autres.
post-building-only = Visible seulement par les voisins de : Immeuble, { $street }, { $commune }.
