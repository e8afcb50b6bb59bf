## Lecture facile (FALC) : des mots plus simples pour certains textes.
## Les autres textes viennent de fr.ftl. Chaque identifiant ici existe dans fr.ftl (un test le vérifie).
## Règles : phrases courtes, une idée par phrase, mots de tous les jours, pas d'abréviation.

tagline = Demander de l'aide. Proposer de l'aide. Près de chez vous.
home-heading = Les demandes d'aide et les offres d'aide
list-heading = { $count ->
    [0] Pas d'annonce ici
    [one] 1 annonce ici
   *[other] { $count } annonces ici
}
list-empty = Il n'y a pas d'annonce ici. Regardez une zone plus grande. Ou enlevez un filtre.
list-more = { $count ->
    [one] Il y a 1 autre annonce ici. Pour la voir, choisissez une catégorie.
   *[other] Il y a { $count } autres annonces ici. Pour les voir, choisissez une catégorie.
}
filters-requests = Besoin d'aide
filters-offers = Propose de l'aide
filters-clear = Tout montrer
kind-request = Cherche de l'aide
kind-offer = Propose de l'aide
time-minutes-ago = { $n ->
    [one] il y a 1 minute
   *[other] il y a { $n } minutes
}
time-hours-ago = { $n ->
    [one] il y a 1 heure
   *[other] il y a { $n } heures
}
time-in-minutes = { $n ->
    [one] dans 1 minute
   *[other] dans { $n } minutes
}
time-in-hours = { $n ->
    [one] dans 1 heure
   *[other] dans { $n } heures
}
post-place-approximate = { $commune }. Le point sur la carte est proche, il n'est pas exact.
post-published-by = Qui publie
respond-log-in-text = Pour répondre, il faut vous connecter. Votre message est privé.
respond-message = Votre message pour la personne
respond-message-hint = Dites qui vous êtes. Dites quand vous êtes libre. Ne donnez pas votre adresse.
not-found-text = Cette page n'existe pas. Ou l'annonce n'est plus là.
offline-text = Il n'y a pas d'Internet pour le moment.
offline-list = Vous pouvez encore lire la dernière liste d'annonces.
offline-draft = Votre annonce n'est pas perdue. Elle est gardée ici. Quand Internet revient, ouvrez « Publier ».
footer-privacy = Sur la carte, les points sont proches des personnes. Ils ne sont pas exacts. Cela protège les personnes.
form-errors = { $count ->
    [one] Il y a une erreur. Regardez en dessous.
   *[other] Il y a { $count } erreurs. Regardez en dessous.
}
