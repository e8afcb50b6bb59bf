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
sort = Ordre de la liste
sort-recent-short = Plus récentes
sort-nearest-short = Plus proches
sort-recent = Les plus récentes
sort-nearest = Les plus proches du centre de la carte

## Vocabulaire

category-groceries = Courses
category-homework = Aide aux devoirs
category-childcare = Garde d'enfants
category-food-aid = Aide alimentaire
category-transport = Déplacements
category-diy = Bricolage, petits travaux
category-company = Compagnie, visites
category-paperwork = Démarches administratives et numériques
category-other = Autre
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
map-centred = La carte est centrée sur votre position.
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
