# Services frontaliers — textes d'interface en français. Mêmes ids que locales/nl/main.ftl.

site-name = Services frontaliers
site-tagline = Communes et services de la frontière franco-belge
skip-to-content = Aller au contenu
nav-main-label = Menu principal
nav-home = Accueil
nav-municipalities = Communes
nav-about = À propos des données
lang-switch = Nederlands
breadcrumb-label = Fil d'Ariane
loading = Chargement…
search-submit = Rechercher
unit-km = km

footer-data = Des données ouvertes sur la région frontalière, chacune avec sa source et sa licence.
footer-sources = Sources et licences
footer-languages = Ce site est disponible en français et en néerlandais.

error-not-found = Cette donnée n'existe pas.
error-bad-request = La recherche n'est pas valide. Vérifiez les filtres et réessayez.
error-internal = Un problème est survenu de notre côté. Réessayez plus tard.
error-reference = Indiquez ce code si vous nous contactez :

country-be = Belgique
country-fr = France

home-title = Communes et services des deux côtés de la frontière
home-description = Carte et répertoire des 258 communes de la frontière franco-belge, avec leurs voisines de l'autre côté et les services que les habitants peuvent y utiliser.
home-heading = Voir au-delà de la frontière
home-intro = De La Panne et Bray-Dunes jusqu'au tripoint avec le Luxembourg : trouvez une commune, voyez ses voisines de l'autre côté de la frontière et découvrez les services disponibles.
home-search-label = Chercher une commune (nom français ou néerlandais)
home-search-placeholder = p. ex. Ypres, Lille, Comines
home-counts-heading = La région frontalière en chiffres
home-map-heading = Carte de la région frontalière
home-map-intro = La frontière, les provinces et départements, les limites des communes françaises et un point par commune. Choisissez un point pour en savoir plus.
count-municipalities = Communes frontalières
count-be = en Belgique
count-fr = en France
count-services = Services
count-links = Paires de voisines transfrontalières

municipalities-title = Communes frontalières
municipalities-description = Cherchez les communes frontalières belges et françaises par leur nom français ou néerlandais, filtrez par pays et triez par nom, population ou distance à la frontière.
municipalities-intro = La recherche fonctionne avec le nom français et le nom néerlandais, avec ou sans accents.
municipalities-search-label = Nom de la commune
municipalities-search-help = Par exemple « Ieper », « Rijsel » ou « armentieres ».
municipalities-count = { $count ->
    [one] { $count } commune trouvée
   *[other] { $count } communes trouvées
}
municipalities-none = Aucune commune trouvée. Vérifiez l'orthographe ou choisissez un autre pays.
municipalities-table-caption = Communes trouvées
filter-country = Pays
filter-country-all = Les deux pays
sort-label = Trier par
sort-name = Nom
sort-population = Population (la plus grande d'abord)
sort-distance = Distance à la frontière (la plus proche d'abord)
col-name = Nom
col-name-nl = Nom néerlandais
col-name-fr = Nom français
col-country = Pays
col-province = Province ou département
col-population = Population
col-distance = Distance à la frontière (km)

profile-description = { $name } ({ $other }) : noms, découpage administratif, population, communes voisines de l'autre côté de la frontière et services.
profile-other-name = En néerlandais :
profile-facts = Données clés
profile-name-nl = Nom néerlandais
profile-name-fr = Nom français
profile-name-official = Nom officiel
profile-code-be = Code INS
profile-code-fr = Code INSEE
profile-province = Province
profile-departement = Département
profile-region = Région
profile-arrondissement = Arrondissement
profile-epci = Intercommunalité (EPCI)
profile-population-unknown = inconnue
profile-postal-codes = Codes postaux
profile-map = Localisation
profile-map-polygon = La carte montre les limites de la commune.
profile-map-point = Aucune limite communale ouverte n'est disponible pour les communes belges ; la carte montre un point dans la commune.
profile-neighbours-across = Communes les plus proches de l'autre côté de la frontière
profile-neighbours-same-side = Communes les plus proches de ce côté
profile-neighbours-none = Aucune commune voisine dans les données.
profile-services = Services dans cette commune
profile-services-none = Aucun service n'est encore enregistré pour cette commune.
profile-source = Source des données

map-label = Carte interactive de la région frontalière franco-belge
map-population = Population
map-open-profile = Voir la fiche
map-distance-to-border = Distance à la frontière
map-fallback = La carte nécessite JavaScript.
map-fallback-link = Voir la liste des communes.

map-zoom-in = Zoomer
map-zoom-out = Dézoomer
map-close-popup = Fermer
map-keys-help = Touches fléchées : commune la plus proche dans cette direction. Entrée : détails. Échap : fermer.

about-title = À propos des données
about-description = D'où viennent les données sur les communes, les frontières et les services, sous quelle licence, et quelles sont leurs limites.
about-intro = Toutes les données proviennent de sources ouvertes. Chaque enregistrement conserve sa source ; les sources et leurs licences sont listées ci-dessous.
about-sources-caption = Sources et licences
about-col-data = Données
about-col-source = Source
about-col-licence = Licence
about-src-be-municipalities = Communes belges (codes INS 2025, après les fusions), noms en français et en néerlandais, provinces, régions, codes postaux
about-src-be-outlines = Contour de la Belgique et tracé de la frontière franco-belge (d'après les cantons judiciaires), provinces
about-src-be-justice = Tribunaux, justices de paix, prisons et maisons de justice
about-src-geonames = Localisation et population approximative des communes belges, vérification des exonymes français et néerlandais
about-src-fr-communes = Communes françaises (COG 2026) : noms, population, codes postaux, arrondissements, intercommunalités (EPCI)
about-src-fr-townhalls = Limites des communes françaises et données des mairies (adresse, téléphone, horaires)
about-src-countries = Frontières des pays
about-src-stations = Gares des deux pays
about-src-cooperation = Descriptions de projets de coopération et de réunions de concertation (résumés rédigés par nos soins)
about-src-leaflet = Bibliothèque cartographique
licence-public-domain = Domaine public
about-limits-heading = Limites
about-limit-be-points = Les sources utilisées ne contiennent pas de limites ouvertes pour les communes belges : elles figurent sur la carte sous forme de point. Pour 19 communes, ce point est un village principal choisi à la main.
about-limit-be-population = La population des communes belges est celle du lieu du même nom dans GeoNames : approximative, d'année inconnue, parfois antérieure aux fusions de 2025. Elle manque pour 17 communes.
about-limit-exonyms = Les noms français et néerlandais des communes de l'autre côté de la frontière ne sont utilisés que lorsque GeoNames les atteste.
about-limit-services = Les mairies ne figurent que pour les communes françaises ; médecins, pharmacies, bureaux de poste et bibliothèques ne sont encore dans aucune source ouverte utilisée.
about-limit-distances = Les distances sont à vol d'oiseau, calculées à partir des coordonnées.
about-method-heading = Méthode
about-method-border = Le tracé de la frontière est la partie du contour belge qui longe les communes françaises, simplifiée à une dizaine de mètres près.
about-method-neighbours = Les voisines d'une commune sont les six communes les plus proches et les trois plus proches de l'autre côté de la frontière, mesurées entre les points des communes.

not-found-title = Page introuvable
not-found-text = Cette page n'existe pas (ou plus). Vérifiez l'adresse ou continuez par l'une de ces pages.

## Services: search and browse
nav-services = Services
nav-report = Signaler un problème
services-title = Services des deux côtés de la frontière
services-description = Trouvez les services publics des communes frontalières belges et françaises, en français ou en néerlandais : mairies, gares, tribunaux et plus, avec distance, horaires et carte.
services-intro = Cherchez en français ou en néerlandais : un mot français trouve aussi les services flamands. Filtrez par type, pays, langue ou distance.
services-search-label = Que cherchez-vous ?
services-search-help = Par exemple : mairie, gare, tribunal, ou une commune. Les accents et les majuscules n’ont pas d’importance.
services-near-legend = À proximité de
services-near-label = Commune
services-near-help = Tapez une commune en français ou en néerlandais (par exemple Wervik, Wervicq, Ypres ou Ieper).
services-near-using-location = La recherche se fait autour de votre position. Tapez une commune pour la remplacer.
services-locate = Utiliser ma position
services-locate-error = Votre position n’a pas pu être déterminée.
services-radius-label = Rayon
services-your-location = votre position
services-near-summary = Dans un rayon de { $radius } km autour de { $place }, les plus proches d’abord.
services-count = { $count ->
    [0] Aucun service trouvé.
    [one] 1 service trouvé.
   *[other] { $count } services trouvés.
}
services-distance = { $km } km
services-cross-border-badge = Ouvert aussi aux habitants de l’autre pays
services-languages = Langues :
services-area = Zone de la carte
services-active-filters = Filtres actifs
services-remove-filter = Retirer le filtre : { $filter }
services-none = Aucun service ne répond à toutes ces conditions.
services-none-near = Aucun service ne répond à toutes ces conditions dans ce rayon.
services-widen-radius = Chercher dans un rayon de { $km } km
services-drop-category = Chercher dans tous les types de services
services-drop-country = Chercher dans les deux pays
services-drop-municipality = Chercher dans toutes les communes
services-drop-language = Chercher dans toutes les langues
services-drop-open = Afficher aussi les services fermés
services-drop-cross = Afficher aussi les services réservés aux habitants
services-drop-bbox = Chercher hors de la zone de la carte
services-drop-q = Chercher sans mots-clés
services-facets = Affiner les résultats
services-facet-access = Maintenant et au-delà de la frontière
services-export = Télécharger ces résultats :
services-export-csv = CSV
services-export-geojson = GeoJSON
services-search-area = Chercher dans cette zone
services-open-detail = Voir le détail
services-map-label = Carte des résultats
services-map-fallback = La carte nécessite JavaScript ; la liste contient les mêmes résultats.
services-sort-default = Automatique
services-sort-relevance = Pertinence
services-sort-distance = Distance (les plus proches d’abord)
services-sort-name = Nom
filter-q = Mots-clés
filter-near = À proximité de
filter-category = Type de service
filter-category-all = Tous les types
filter-municipality = Commune
filter-language = Langue au guichet
filter-language-all = Toutes les langues
filter-open-now = Ouvert maintenant
filter-cross-border = Accessible aux habitants des deux pays
language-nl = néerlandais
language-fr = français
language-de = allemand
language-en = anglais
page-previous = Page précédente
page-next = Page suivante
page-navigation = Pagination
page-of = Page { $page } sur { $pages }
sample-data = Données d’exemple (non vérifiées)
error-field-q = Les mots-clés sont trop longs (100 caractères au plus).
error-field-near = Nous ne connaissons pas cette commune. Vérifiez l’orthographe ou choisissez une commune de la liste.
error-field-radius = Choisissez un rayon entre 1 et 100 km.
error-field-lat = La position n’est pas valable.
error-field-lon = La position n’est pas valable.
error-field-bbox = La zone de la carte n’est pas valable.
error-field-page = Cette page n’existe pas.
error-field-sort = Le tri par distance demande un lieu.
error-field-country = Choisissez la Belgique ou la France.
error-field-language = Choisissez une langue de la liste.
error-field-category = Choisissez un type de service de la liste.
error-field-municipality = Ce code de commune n’est pas valable.
error-field-arguments = La requête est incomplète ou invalide et n’a pas été exécutée.
error-field-too-large = La requête est trop volumineuse et n’a pas été exécutée.

## Services: detail
service-no-translation = Ce nom n’existe pas encore en français ; vous voyez le nom néerlandais.
service-provider = Prestataire
service-address = Adresse
service-municipality = Commune
service-phone = Téléphone
service-email = Courriel
service-website = Site web
service-languages = Langues au guichet
service-access = Au-delà de la frontière
access-both = Habitants de Belgique et de France
access-be = Habitants de Belgique
access-fr = Habitants de France
service-accessibility = Accessibilité
service-eligibility = Pour qui
service-location = Emplacement
service-map-label = Carte de l’emplacement du service
service-directions = Itinéraire (OpenStreetMap)
service-view-osm = Voir sur OpenStreetMap
service-verified-on = Vérifié par une personne le { $date }.
service-not-verified = Pas encore vérifié par une personne ; données de la source ci-dessous.
service-source = Source :
service-hours-source = Horaires :
service-report = Une erreur ? Signalez un problème
service-hours = Horaires d’ouverture
hours-open-now = Ouvert maintenant
hours-closed-now = Fermé maintenant
hours-closes-at = · ferme à { $time }
hours-closes-on = · ferme { $day } à { $time }
hours-opens-at = · ouvre à { $time }
hours-opens-on = · ouvre { $day } à { $time }
hours-closed = Fermé
hours-public-holiday = Jour férié
hours-caption = Horaires des sept prochains jours
hours-timezone = Heures de Belgique et de France (Europe/Brussels). Fermé les jours fériés légaux.
weekday-0 = lundi
weekday-1 = mardi
weekday-2 = mercredi
weekday-3 = jeudi
weekday-4 = vendredi
weekday-5 = samedi
weekday-6 = dimanche

## Report a problem
report-title = Signaler un problème ou proposer un service
report-description = Signalez une erreur, un service fermé ou un service manquant. Pas besoin de compte ; un agent examine chaque signalement.
report-intro = Un agent communal examine chaque signalement avant que quoi que ce soit ne change sur le site.
report-about-service = Votre signalement concerne ce service :
report-about-service-link = voir le service
report-kind-label = De quoi s’agit-il ?
report-kind-help = Choisissez une possibilité.
report-kind-wrong = Des informations sont fausses
report-kind-closed = Le service est fermé ou a déménagé
report-kind-missing = Un service manque
report-kind-other = Autre chose
report-message-label = Votre message
report-message-help = Qu’est-ce qui est faux ou qui manque ? Entre 10 et 2000 caractères.
report-email-label = Votre adresse électronique (facultative)
report-email-help = Seulement si vous souhaitez une réponse. Elle ne sert à rien d’autre.
report-honeypot-label = Laissez ce champ vide
report-privacy = Nous conservons votre message et, si vous la donnez, votre adresse électronique, uniquement pour traiter le signalement.
report-submit = Envoyer le signalement
report-sent = Merci. Votre signalement a été reçu ; un agent va l’examiner.
report-back-to-services = Retour aux services
report-too-many = Vous avez envoyé trop de signalements ces dernières minutes. Réessayez dans dix minutes.
report-invalid = Le signalement n’a pas été envoyé. Corrigez les champs indiqués.
report-error-kind = Choisissez l’objet de votre signalement.
report-error-message = Écrivez un message de 10 à 2000 caractères.
report-error-email = Cette adresse électronique n’est pas valable. Laissez le champ vide ou corrigez-la.
report-error-service = Ce service n’existe pas (ou plus). Retirez la référence ou signalez un service manquant.
home-shortcuts-heading = Services par type
home-all-services = Chercher parmi tous les services

## Projects (issue 9)
nav-projects = Projets
projects-title = Projets et projets pilotes
projects-description = Projets de coopération transfrontalière et intercommunale de la zone frontalière franco-belge : programme, partenaires, période et budget.
projects-intro = Des projets de coopération qui concernent les pouvoirs locaux des deux côtés de la frontière. Filtrez par programme, thème, état d’avancement, année ou pays des partenaires.
projects-count = { $count ->
    [one] 1 projet trouvé.
   *[other] { $count } projets trouvés.
}
projects-none = Aucun projet ne correspond à ces filtres.
filters-clear = Effacer tous les filtres
filter-programme = Programme
filter-programme-all = Tous les programmes
filter-theme = Thème
filter-theme-all = Tous les thèmes
filter-phase = État d’avancement
filter-phase-all = Tous
filter-year = Actif en
filter-year-all = Toutes les années
filter-partner-country = Pays d’un partenaire
filter-municipality-all = Toutes les communes
phase-planned = Prévu
phase-running = En cours
phase-ended = Terminé
phase-undated = Sans date
project-status-completed = Achevé
project-status-ongoing = Permanent
project-status-offered = Offre
project-status-practice = Bonne pratique
project-kind-interreg_project = Projet Interreg
project-kind-cooperation_platform = Plateforme de coopération
project-kind-support_offer = Offre d’accompagnement
project-kind-practice = Exemple de pratique
project-programme = Programme
project-portfolio = Portefeuille de projets
project-priority = Priorité
project-objective = Objectif spécifique
project-period = Période
project-period-from-to = Du { $start } au { $end }
project-period-from = Depuis le { $start }
project-period-until = Jusqu’au { $end }
project-period-unknown = Aucune période indiquée
project-budget = Budget
project-budget-unknown = Aucun budget indiqué
project-eu-cofinancing = Cofinancement européen
project-website = Site web
project-lead = Chef de file
project-themes = Thèmes
project-partners = Partenaires
project-partners-none = Aucun partenaire indiqué.
project-partners-country-unknown = Transfrontalier ou pays non indiqué
project-role-lead = chef de file
project-role-partner = partenaire
project-role-associated = partenaire associé
project-municipalities = Communes participantes
project-municipalities-none = La source ne cite aucune commune participante.
project-parent = Projet principal
project-pilots = Projets pilotes
project-events = Réunions
project-events-none = Aucune réunion indiquée.
project-source = Source
project-source-note = Résumé rédigé par le projet à partir d’une page web publique ; seuls les faits qui y figurent sont repris.
amount-eur = { $amount } €
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
error-field-programme = Choisissez un programme dans la liste.
error-field-theme = Choisissez un thème dans la liste.
error-field-phase = Choisissez un état d’avancement dans la liste.
error-field-year = Choisissez une année dans la liste.
date-long = { $day ->
    [1] 1er
   *[other] { $day }
} { $month } { $year }

# Mayors: profile, compare, partners, clusters, observatory
nav-partners = Partenaires
nav-clusters = Coopérations
nav-observatory = Observatoire
error-field-codes = Choisissez de 2 à 4 communes existantes à comparer.
error-field-beyond = Indiquez une distance entre 1 et 200 km.
error-field-order = Choisissez un tri dans la liste.
error-field-across = Ce choix pour « uniquement de l’autre côté de la frontière » n’est pas valide.
error-field-within = Indiquez une distance entre 1 et 200 km.
error-field-size = Choisissez l’importance d’une taille comparable.
error-field-complement = Choisissez l’importance des services complémentaires.
error-field-kind = Choisissez un type de coopération dans la liste.
profile-actions = Aller plus loin
profile-compare-with = Comparer avec
profile-compare = Comparer
profile-find-partners = Chercher des partenaires pour cette commune
profile-coverage = Services par type et le plus proche de chaque côté
profile-coverage-help = Nombre : services de ce type situés avec certitude dans la commune. Distances à vol d’oiseau depuis le point de référence de la commune. Les services sans coordonnées ou dont le point est hors de leur commune ne comptent pas pour les distances.
profile-coverage-category = Type de service
profile-coverage-here = Dans la commune
profile-coverage-side = Le plus proche en { $country }
profile-cooperation = Coopération
profile-clusters = Structures de coopération
profile-clusters-none = Dans nos données, cette commune n’est membre d’aucune structure de coopération.
profile-projects = Projets
profile-projects-none = Aucun projet de nos données ne cite cette commune.
profile-events = Réunions dans cette commune
profile-events-none = Aucune réunion dans nos données.
profile-municipality-uncertain = commune incertaine
compare-title = Comparer des communes
compare-description = Deux à quatre communes frontalières côte à côte : habitants, distance à la frontière, services, coopération et distance entre elles.
compare-slot = Commune { $n }
compare-none = (aucune)
compare-submit = Comparer
compare-help = Choisissez au moins deux communes pour les comparer.
compare-caption = Communes côte à côte
compare-clusters = Structures de coopération
compare-no-clusters = aucune
compare-services = Services dans la commune (nombre) et le plus proche, quel que soit le côté
compare-services-help = Les gares dont la commune est incertaine sont signalées à part et ne sont pas comptées.
compare-nearest = le plus proche : { $km }
compare-uncertain = (+{ $count } incertaine(s))
compare-distances = Distance entre les communes
compare-shared-projects = Projets communs
compare-no-shared-projects = Aucun projet de nos données ne cite deux de ces communes.
partners-title = Chercher des partenaires
partners-description = Des communes partenaires possibles, de ce côté-ci ou de l’autre côté de la frontière, classées avec leurs raisons.
partners-intro = Choisissez une commune et indiquez ce qui compte. Le classement additionne proximité, frontière, taille, services complémentaires, coopération partagée et langue commune.
partners-municipality = Commune
partners-choose = Choisissez une commune
partners-across = Uniquement de l’autre côté de la frontière
partners-within = Dans un rayon de (km)
partners-size = Taille comparable
partners-complement = Services complémentaires
partners-level-0 = Sans importance
partners-level-1 = Un peu
partners-level-2 = Important
partners-level-3 = Très important
partners-submit = Chercher des partenaires
partners-none-chosen = Choisissez une commune pour voir des partenaires possibles.
partners-empty = Aucune commune ne répond à ces choix. Élargissez la distance ou décochez « uniquement de l’autre côté de la frontière ».
partners-results = Partenaires possibles pour { $name } ({ $count } trouvées)
partners-method = Points par raison : proximité jusqu’à { $near } (0 à partir de { $range } km), de l’autre côté de la frontière { $across }, taille comparable jusqu’à { $size } par niveau, services complémentaires jusqu’à { $complement } par niveau, chaque structure commune { $cluster }, chaque projet commun { $project }, chaque thème commun { $theme }, une langue administrative commune { $language }.
partners-score = Score { $score }
partners-reason-near = À { $km } km
partners-reason-across = De l’autre côté de la frontière
partners-reason-size = Taille comparable ({ $population } habitants)
partners-reason-offers = Dispose de ce qui manque ici : { $list }.
partners-reason-lacks = N’a pas ce qui existe ici : { $list }.
partners-reason-clusters = Déjà ensemble dans : { $list }
partners-reason-projects = Déjà ensemble dans les projets : { $list }
partners-reason-themes = Thèmes communs : { $list }
partners-reason-language = Langue administrative commune : { $list }
partners-compare = Comparer les deux communes
clusters-title = Coopérations
clusters-description = Intercommunalités, Eurométropole, conférences des bourgmestres et autres structures de communes de la région frontalière.
clusters-intro = Les structures dans lesquelles les communes de la région frontalière coopèrent, avec leurs membres.
clusters-filter-kind = Type
clusters-filter-member = Avec comme membre
clusters-filter-all = Toutes
clusters-filter-submit = Afficher
clusters-empty = Aucune structure ne répond à ces choix.
clusters-count = { $count ->
    [one] { $count } structure de coopération
   *[other] { $count } structures de coopération
}
clusters-members = { $count ->
    [one] { $count } membre dans nos données
   *[other] { $count } membres dans nos données
}
cluster-members-none = Nos sources ne citent pas les membres de cette structure.
cluster-member-population = { $population } habitants
cluster-kind-epci = Intercommunalité (EPCI, France)
cluster-kind-eurometropolis = Eurométropole
cluster-kind-conference_of_mayors = Conférence des bourgmestres
cluster-kind-climate_cluster = Cluster climat
cluster-cost-share = Coût par membre
cluster-programme = Programme :
cluster-cost-members = Nombre de membres
cluster-cost-excl = Par membre, hors TVA
cluster-cost-vat = TVA ({ $rate } %)
cluster-cost-incl = Par membre, TVA comprise
project-cost-share = Prix partagé entre les communes participantes
project-cost-share-help = Le prix est hors TVA et réparti à parts égales ; la TVA (21 %) s’ajoute à chaque part.
project-cost-members = Communes participantes
observatory-title = Observatoire des services accessibles par-delà la frontière
observatory-description = Par type de service et par commune : le plus proche de son côté et de l’autre côté de la frontière, sur la carte et dans un tableau.
observatory-intro = Où traverser la frontière rapproche-t-il un service, et de combien de kilomètres ? Calculé à partir de l’inventaire actuel.
observatory-category = Type de service
observatory-category-option = { $category } (Belgique { $be }, France { $fr })
observatory-sort = Trier par
observatory-sort-gain = Gain en traversant la frontière
observatory-sort-nearest = Le plus proche (quel que soit le côté)
observatory-sort-own = Le plus proche de son côté
observatory-sort-other = Le plus proche de l’autre côté
observatory-sort-name = Nom
observatory-beyond = Seulement les communes sans ce service à moins de (km)
observatory-beyond-help = Laisser vide pour voir toutes les communes.
observatory-show = Afficher
observatory-side-missing = Type « { $category } » : l’inventaire n’en contient aucun en { $country }. Les distances de ce côté manquent faute de données, pas faute de services.
observatory-gain-summary = Communes où le service le plus proche du type « { $category } » se trouve de l’autre côté de la frontière : { $count } sur { $total }.
observatory-map = Carte : distance au plus proche, quel que soit le côté
observatory-legend = Légende
observatory-legend-within = jusqu’à { $km } km
observatory-legend-between = de { $from } à { $km } km
observatory-legend-beyond = plus de { $km } km
observatory-none = aucun dans l’inventaire avec une position fiable
observatory-not-in-inventory = pas de données
observatory-table = Par commune : { $category }
observatory-csv = Télécharger le tableau (CSV)
observatory-method = Distances à vol d’oiseau depuis le point de référence de chaque commune. Les services sans coordonnées ou dont le point est hors de leur commune ne comptent pas.
observatory-col-municipality = Commune
observatory-col-own = Son côté
observatory-col-other = L’autre côté
observatory-col-gain = Gain en traversant
observatory-col-nearest = Le plus proche
observatory-empty = Aucune commune ne répond à ce choix.
observatory-reports = Signalements des habitants
observatory-reports-total = { $count ->
    [one] { $count } signalement au total.
   *[other] { $count } signalements au total.
}
observatory-reports-privacy = Uniquement des nombres : ni texte, ni adresse e-mail.
observatory-reports-kind = Par type
observatory-reports-status = Par état
observatory-reports-municipality = Par commune (via le service)
report-status-new = Nouveau
report-status-accepted = Accepté
report-status-rejected = Rejeté
# Agenda
nav-agenda = Agenda
agenda-title = Agenda
agenda-description = Réunions des communes frontalières et des coopérations : réunions à venir et passées, avec lieu, ordre du jour et inscription.
agenda-intro = Concertations de maires et bourgmestres, plateformes de connaissances et rencontres citoyennes, avec la date et l’heure de Belgique, le lieu, l’organisateur, le public et l’ordre du jour.
agenda-download = Télécharger l’agenda (iCalendar, .ics)
agenda-download-help = Ouvrez le fichier dans votre application d’agenda ; les réunions sans date fixe n’y figurent pas.
agenda-upcoming = Réunions à venir
agenda-upcoming-none = Aucune réunion datée à venir.
agenda-past = Réunions passées
agenda-past-none = Aucune réunion passée.
agenda-recurring = Récurrentes ou sans date fixe
agenda-recurring-none = Aucune réunion récurrente.
agenda-recurring-note = Les réunions récurrentes sans date ne figurent pas dans le fichier d’agenda : une application d’agenda a besoin d’une date de début.
event-kind-consultation = Concertation
event-kind-knowledge_platform = Plateforme de connaissances
event-kind-citizen_meeting = Rencontre citoyenne
event-timing-upcoming = Prévue
event-timing-past = Passée
event-timing-recurring = Récurrente
event-when = Date et heure
event-date-time = { $date }, { $time }
event-date-time-range = { $date }, { $start }–{ $end }
event-date-time-span = du { $start } au { $end }
event-timezone = (heure de Belgique)
event-no-date = Pas de date fixe.
event-place = Lieu
event-place-unknown = La source n’indique pas de lieu fixe.
event-organiser = Organisateur
event-audience = Public
event-registration = Inscription
event-project = Projet
event-agenda = Ordre du jour
event-agenda-none = La source n’indique pas d’ordre du jour.
event-speaker = par { $name }
event-map = Carte
event-download = Ajouter à mon agenda (.ics)
event-not-in-calendar = Cette réunion n’a pas de date fixe : elle ne peut donc pas être ajoutée à un agenda.
event-calendar-name = Services frontaliers – agenda

## Staff area (issue 10)
error-unauthorized = Vous n'êtes pas (ou plus) connecté. Connectez-vous et réessayez.
error-forbidden = Votre compte n'est pas autorisé à faire ceci.
error-conflict = Quelqu'un d'autre a modifié cette donnée entre-temps. Rien n'a été écrasé.
error-busy = Le serveur est trop occupé pour cette demande. Rien n'a été modifié ; réessayez dans une minute.
staff-description = Gestion de l'annuaire des services : réservé au personnel.
staff-nav-label = Gestion
staff-nav-home = Vue d'ensemble
staff-nav-services = Services
staff-nav-reports = Signalements
staff-nav-data = Import et export
staff-nav-users = Utilisateurs
staff-sign-out = Se déconnecter
staff-sign-out-everywhere = Se déconnecter partout
staff-sign-in-title = Connexion du personnel
staff-sign-in-intro = Le personnel des communes tient ici l'annuaire des services à jour. Les habitants n'ont pas besoin de compte.
staff-sign-in-failed = L'adresse e-mail ou le mot de passe est incorrect.
staff-sign-in-busy = Trop de connexions sont vérifiées en ce moment. Rien n'a été vérifié ; réessayez dans une minute.
staff-sign-in-too-many = Trop de tentatives de connexion. Réessayez dans { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
}.
staff-signed-out = Vous êtes déconnecté.
staff-email-label = Adresse e-mail
staff-password-label = Mot de passe
staff-sign-in-submit = Se connecter
staff-home-title = Gestion
staff-scope-all = Vous êtes administrateur : vous pouvez modifier toutes les données.
staff-scope-municipalities = Vous modifiez les services de ces communes : { $codes }.
staff-service-new = Nouveau service
staff-services-title = Gérer les services
staff-service-edit = Modifier le service
staff-services-count = { $count ->
    [one] { $count } service
   *[other] { $count } services
}
staff-filters-label = Filtrer les services
staff-filter-q = Le nom contient
staff-filter-any = Tous
staff-filter-overdue = Non vérifié depuis
staff-filter-overdue-months = plus de { $months } mois
staff-filter-untranslated = Seulement avec une traduction manquante
staff-filter-submit = Filtrer
staff-status-label = Statut
staff-status-draft = Brouillon
staff-status-published = Publié
staff-status-archived = Archivé
staff-municipality-label = Commune
staff-category-label = Type de service
staff-verified-label = Dernière vérification
staff-never-verified = jamais
staff-overdue = à vérifier
staff-missing-translation = traduction manquante
staff-history-link = Historique
staff-public-link = Voir comme les habitants
staff-history-title = Historique
staff-history-empty = Aucune modification enregistrée pour l'instant.
staff-history-field = Champ
staff-history-before = Avant
staff-history-after = Après
staff-back-to-form = Retour au service
staff-machine-translated = traduit automatiquement
staff-hours-raw-help = Au format OpenStreetMap, par ex. Mo-Fr 09:00-12:00,13:30-17:00; Sa 09:00-12:00; PH off
staff-field-name = Nom
staff-field-description = Description
staff-field-accessibility = Accessibilité
staff-field-address = Adresse
staff-field-lat = Latitude
staff-field-lon = Longitude
staff-field-phone = Numéros de téléphone
staff-help-phone = Un numéro par ligne, le numéro principal en premier (5 au plus).
staff-field-email = Adresse e-mail
staff-field-website = Site web
staff-field-languages = Langues parlées
staff-field-opening_hours = Horaires d'ouverture
staff-field-access = Accès transfrontalier
staff-field-access_who = Qui peut utiliser le service ?
staff-field-access_note = Précision
staff-access-unknown = Inconnu
staff-access-BE = Les habitants de Belgique
staff-access-FR = Les habitants de France
staff-access-both = Les habitants des deux pays
staff-action-save = Enregistrer
staff-action-verify = Enregistrer et vérifié aujourd'hui
staff-action-publish = Publier
staff-action-unpublish = Repasser en brouillon
staff-action-archive = Archiver
staff-action-restore = Rétablir en brouillon
staff-archived-admins-only = Cette donnée est archivée. Seul un administrateur peut la rétablir en brouillon ; d'ici là, elle ne peut pas être modifiée.
staff-done-save = Les modifications sont enregistrées.
staff-done-verify = Enregistré et marqué comme vérifié aujourd'hui.
staff-done-publish = Le service est publié et apparaît maintenant dans les résultats de recherche.
staff-done-unpublish = Le service est repassé en brouillon et n'est plus public.
staff-done-archive = Le service est archivé et n'est plus public.
staff-done-restore = Le service est rétabli en brouillon.
staff-audit-create = Créé
staff-audit-save = Modifié
staff-audit-verify = Vérifié
staff-audit-publish = Publié
staff-audit-unpublish = Repassé en brouillon
staff-audit-archive = Archivé
staff-audit-restore = Rétabli
staff-audit-import = Importé
staff-audit-review = Examiné
staff-audit-info = Informations demandées
staff-audit-accept = Retenu
staff-audit-decline = Refusé
staff-audit-registration-settings = Inscriptions paramétrées
staff-audit-attendance = Présences notées
staff-error-invalid = Non enregistré : corrigez les champs signalés.
staff-error-stale = Non enregistré : quelqu'un d'autre a modifié ce service entre-temps. Voici la version la plus récente ; refaites vos modifications.
staff-error-field-name_nl = Indiquez un nom en néerlandais ou en français (200 caractères au plus). Pour publier, les deux sont nécessaires.
staff-error-field-name_fr = Indiquez le nom en français (200 caractères au plus). Pour publier, les deux langues sont nécessaires.
staff-error-field-description_nl = Indiquez la description en néerlandais (2000 caractères au plus). Pour publier, les deux langues sont nécessaires.
staff-error-field-description_fr = Indiquez la description en français (2000 caractères au plus). Pour publier, les deux langues sont nécessaires.
staff-error-field-accessibility_nl = L'accessibilité ne peut dépasser 2000 caractères.
staff-error-field-accessibility_fr = L'accessibilité ne peut dépasser 2000 caractères.
staff-error-field-category = Choisissez un type de service dans la liste.
staff-error-field-municipality = Choisissez une commune dans la liste (une commune que vous pouvez modifier).
staff-error-field-address = L'adresse ne peut dépasser 300 caractères.
staff-error-field-lat = Indiquez une latitude entre 49 et 51,6 (avec la longitude), ou laissez les deux vides.
staff-error-field-lon = Indiquez une longitude entre 1,5 et 6,5 (avec la latitude), ou laissez les deux vides.
staff-error-field-phone = Indiquez 5 numéros de téléphone au plus, un par ligne, chacun de 6 à 20 chiffres (chiffres, espaces et + ( ) . / - seulement).
staff-error-field-email = Indiquez une adresse e-mail valide, par ex. info@mairie.fr.
staff-error-field-website = Indiquez une adresse web commençant par https:// ou http://.
staff-error-field-opening_hours = Nous ne pouvons pas lire ces horaires. Utilisez le format OpenStreetMap, par ex. Mo-Fr 09:00-17:00.
staff-error-field-access_who = Choisissez qui peut utiliser le service.
staff-error-field-access_note = Une précision doit être donnée dans les deux langues, et seulement si vous choisissez qui peut utiliser le service.
staff-error-field-action = Cette action n'est pas possible.
error-field-status = Choisissez un statut dans la liste.
error-field-overdue = Choisissez un nombre de mois dans la liste.
error-field-untranslated = Ce choix pour « traduction manquante » n'est pas valide.
error-field-action = Cette action n'est pas possible.
error-field-password = Un mot de passe compte de 12 à 128 caractères.
error-field-role = Choisissez le rôle administrateur ou rédacteur.
error-field-email = Indiquez une adresse e-mail valide.
error-field-municipalities = Un rédacteur a besoin d'au moins une commune existante.
## Staff: opening hours and location
staff-hours-legend = Horaires d’ouverture
staff-hours-help = Indiquez pour chaque jour les heures d’ouverture, par exemple 09:00-12:00, 13:30-17:00 (périodes séparées par une virgule). Laissez le champ vide si le service est fermé ce jour-là.
staff-hours-day-mo = Lundi
staff-hours-day-tu = Mardi
staff-hours-day-we = Mercredi
staff-hours-day-th = Jeudi
staff-hours-day-fr = Vendredi
staff-hours-day-sa = Samedi
staff-hours-day-su = Dimanche
staff-hours-holidays-closed = Fermé les jours fériés légaux
staff-hours-exceptions = Exceptions : jours de fermeture et horaires particuliers
staff-hours-exceptions-help = Une date sans heures signifie : fermé toute la journée. Une exception l’emporte sur l’horaire de la semaine et sur les jours fériés. Les lignes vides sont ignorées.
staff-hours-exception = Exception { $n }
staff-hours-exception-date = Date
staff-hours-exception-hours = Heures (vide : fermé)
staff-hours-error-day = Ces heures ne sont pas valables. Écrivez des périodes comme 09:00-12:00, séparées par une virgule ; chaque période se termine après son début (au plus tard à 24:00) et les périodes ne se chevauchent pas.
staff-hours-error-exception-hours = Ces heures ne sont pas valables. Écrivez des périodes comme 09:00-12:00, séparées par une virgule, ou laissez le champ vide pour un jour de fermeture ; chaque période se termine après son début et les périodes ne se chevauchent pas.
staff-hours-error-date = Choisissez une date valable entre 2000 et 2099. Chaque date ne peut figurer qu’une fois.
staff-location-legend = Position
staff-location-help = Latitude et longitude en degrés décimaux, avec cinq chiffres après le point, par exemple 50.82803 et 3.26487. La région frontalière s’étend de 49 à 51,6 de latitude et de 1,5 à 6,5 de longitude.
staff-location-lat = Latitude
staff-location-lon = Longitude
staff-location-error-lat = Indiquez une latitude entre 49 et 51,6 (la région frontalière), ou laissez les deux champs vides.
staff-location-error-lon = Indiquez une longitude entre 1,5 et 6,5 (la région frontalière), ou laissez les deux champs vides.
staff-location-use-centre = Utiliser le centre de la commune
staff-location-map-hint = Cliquez sur la carte ou faites glisser le repère pour choisir la position : les champs se remplissent. Au clavier, tapez les coordonnées, ou déplacez le repère avec les flèches.
staff-location-map-label = Carte pour choisir la position du service
staff-location-marker = Position du service. Flèches : déplacer.
staff-location-keys = Flèches : déplacer la carte. Entrée : placer le repère au centre de la carte.
staff-location-set = Position choisie :
report-follow-intro = Vous pouvez suivre le traitement de votre signalement grâce à un lien personnel. Conservez-le : quiconque a le lien voit le signalement.
report-follow-link = Suivre mon signalement
report-follow-title = Votre signalement
report-follow-description = L'état d'un signalement concernant l'annuaire des services.
report-follow-status = État
report-follow-sent-on = Envoyé le
report-follow-reviewed-on = Traité le
report-follow-reason = Motif
report-status-duplicate = Doublon
staff-reports-title = Signalements des habitants
staff-reports-new = { $count ->
    [one] { $count } nouveau signalement
   *[other] { $count } nouveaux signalements
}
staff-reports-empty = Aucun signalement avec ce statut.
staff-report-number = Numéro
staff-report-received = Reçu
staff-report-service = Service
staff-report-language = Langue
staff-report-email = Adresse e-mail de l'habitant
staff-report-reviewed-by = Traité par
staff-report-accept-edit = Accepter et modifier le service
staff-report-accept-new = Accepter et rédiger un nouveau service
staff-report-reason = Motif du refus (l'habitant le verra)
staff-report-reject = Refuser
staff-report-duplicate-of = Doublon du signalement (numéro, facultatif)
staff-report-duplicate = Marquer comme doublon
staff-report-rejected = Le signalement est refusé.
staff-report-marked-duplicate = Le signalement est marqué comme doublon.
staff-report-accepted-edit = Le signalement est accepté. Faites la modification ci-dessous.
staff-report-accepted-new = Le signalement est accepté. Le message de l'habitant figure déjà dans la description de ce brouillon.
staff-report-reason-required = Indiquez un motif (2000 caractères au plus) : l'habitant le verra.
staff-report-duplicate-unknown = Ce signalement n'existe pas. Indiquez le numéro d'un autre signalement, ou laissez le champ vide.
staff-users-title = Utilisateurs
staff-role-label = Rôle
staff-role-admin = Administrateur (tout)
staff-role-editor = Rédacteur (services de ses communes)
staff-account-new = Nouvel utilisateur
staff-account-municipalities = Communes (codes)
staff-account-municipalities-help = Codes INS ou INSEE séparés par des virgules, par ex. 33011, 59350. Nécessaire pour un rédacteur.
staff-account-password = Mot de passe
staff-account-password-help = De 12 à 128 caractères. Transmettez-le de façon sûre ; un administrateur peut le changer plus tard.
staff-account-create = Créer l'utilisateur
staff-account-inactive = désactivé
staff-account-active = Peut se connecter
staff-account-new-password = Nouveau mot de passe
staff-account-set-password = Définir le mot de passe
staff-account-created = L'utilisateur est créé.
staff-account-updated = L'utilisateur est mis à jour ; ses sessions sont terminées.
staff-account-password-set = Le mot de passe est défini ; toutes les sessions de cet utilisateur sont terminées.
staff-account-error-email = Indiquez une adresse e-mail valide.
staff-account-error-role = Choisissez un rôle. Vous ne pouvez pas retirer votre propre rôle d'administrateur ni vous désactiver.
staff-account-error-municipalities = Un rédacteur a besoin d'au moins un code de commune existant.
staff-account-error-password = Un mot de passe compte de 12 à 128 caractères.
staff-account-error-action = Cette action n'est pas possible.
staff-account-error-taken = Un utilisateur avec cette adresse e-mail existe déjà.
staff-overview-drafts = { $count ->
    [one] { $count } service en brouillon
   *[other] { $count } services en brouillon
}
staff-overview-overdue = { $count ->
    [one] { $count } service publié non vérifié depuis plus de 12 mois
   *[other] { $count } services publiés non vérifiés depuis plus de 12 mois
}
staff-overview-untranslated = { $count ->
    [one] { $count } service avec une traduction manquante
   *[other] { $count } services avec une traduction manquante
}
staff-footer-link = Connexion du personnel

## Staff: projects, clusters and events

staff-coop-nav-project = Projets
staff-coop-nav-event = Agenda
staff-coop-nav-cluster = Coopérations
staff-coop-project-title = Gérer les projets
staff-coop-project-new = Nouveau projet
staff-coop-project-edit = Modifier le projet
staff-coop-event-title = Gérer l'agenda
staff-coop-event-new = Nouvelle rencontre
staff-coop-event-edit = Modifier la rencontre
staff-coop-cluster-title = Gérer les coopérations
staff-coop-cluster-new = Nouvelle coopération
staff-coop-cluster-edit = Modifier la coopération
staff-coop-count = { $count ->
    [one] { $count } fiche
   *[other] { $count } fiches
}
staff-coop-back-to-form = Retour au formulaire
staff-coop-no-project = Aucun projet
staff-coop-filters-label = Filtrer la liste
staff-coop-field-name = Nom
staff-coop-field-title = Titre
staff-coop-field-summary = Résumé
staff-coop-field-description = Description
staff-coop-field-programme = Programme
staff-coop-field-themes = Thèmes
staff-coop-field-budget_eur = Budget (euros)
staff-coop-field-budget_note = Précision sur le budget
staff-coop-field-period_start = Date de début
staff-coop-field-period_end = Date de fin
staff-coop-field-status = État selon la source
staff-coop-field-kind = Type
staff-coop-field-website = Site web
staff-coop-field-municipalities = Communes participantes
staff-coop-field-members = Membres (communes)
staff-coop-field-starts_at = Début (heure de Bruxelles)
staff-coop-field-ends_at = Fin (heure de Bruxelles)
staff-coop-field-recurrence = Fréquence (sans date fixe)
staff-coop-field-place_name = Lieu
staff-coop-field-place_address = Adresse du lieu
staff-coop-field-place_municipality = Commune du lieu (code)
staff-coop-field-audience = Public
staff-coop-field-registration = Inscription
staff-coop-field-project = Projet
staff-coop-field-agenda = Points à l'ordre du jour
staff-coop-field-partners = Partenaires
staff-coop-partner-none = Pas partenaire
staff-coop-field-priority = Priorité du programme
staff-coop-field-specific_objective = Objectif spécifique
staff-coop-field-portfolio = Portefeuille
staff-coop-field-parent = Projet principal (pour un projet pilote)
staff-coop-field-lead_partner = Chef de file
staff-coop-field-eu_cofinancing_eur = Cofinancement européen (euros)
staff-coop-field-duration_note = Précision sur la durée
staff-coop-field-organiser = Organisateur
staff-coop-no-organization = Aucune organisation
staff-coop-help-themes = Un thème par ligne : néerlandais | français, p. ex. Klimaat | Climat.
staff-coop-help-agenda = Un point par ligne : néerlandais | français, éventuellement | intervenant.
staff-coop-help-municipalities = Codes de communes (INS ou INSEE), séparés par des virgules, p. ex. 33011, 59350.
staff-coop-help-members = Codes de communes (INS ou INSEE), séparés par des virgules, p. ex. 33011, 59350.
staff-coop-help-place_municipality = Un code de commune (INS ou INSEE), p. ex. 59350.
staff-coop-help-starts_at = Date et heure de Bruxelles.
staff-coop-help-ends_at = Date et heure de Bruxelles ; pas avant le début.
staff-coop-error-required = Indiquez ce texte (300 caractères au plus, 6000 pour un résumé ou une description). Pour publier, les deux langues sont nécessaires.
staff-coop-error-pair = Indiquez ce texte dans les deux langues, ou laissez les deux vides (300 caractères au plus).
staff-coop-error-lines = Écrivez une ligne par élément : néerlandais | français, les deux remplis (50 lignes au plus).
staff-coop-error-agenda = Écrivez une ligne par point : néerlandais | français, éventuellement | intervenant (50 lignes au plus).
staff-coop-error-text = Ce texte compte 300 caractères au plus.
staff-coop-error-place = Un lieu a un nom et une adresse (300 caractères au plus chacun).
staff-coop-error-euro = Indiquez un montant en euros, p. ex. 12500 ou 12 500,50.
staff-coop-error-date = Indiquez une date valide entre 1990 et 2100.
staff-coop-error-period_end = Indiquez une date de fin valide, pas avant la date de début.
staff-coop-error-starts_at = Indiquez un début valide (date et heure de Bruxelles), aussi quand vous indiquez une fin.
staff-coop-error-ends_at = Indiquez une fin valide (date et heure de Bruxelles), pas avant le début.
staff-coop-error-choice = Choisissez une valeur dans la liste.
staff-coop-error-codes = Indiquez des codes de communes existants, séparés par des virgules.
staff-coop-error-place_municipality = Indiquez un seul code de commune existant, ainsi qu'un lieu et une adresse.
staff-coop-error-stale = Non enregistré : quelqu'un d'autre a modifié cette fiche entre-temps. Voici la version la plus récente ; refaites vos modifications.
staff-coop-done-save = Les modifications sont enregistrées.
staff-coop-done-publish = Publié : les habitants le voient maintenant sur les pages publiques.
staff-coop-done-unpublish = Remis en brouillon : n'est plus public.
staff-coop-done-archive = Archivé : n'est plus public.
staff-coop-done-restore = Remis en brouillon.
staff-coop-error-summary = { $field } : { $message }
## Staff: import and export
staff-data-title = Import et export
staff-data-intro = Chargez des services depuis un fichier CSV ou JSON, ou téléchargez toutes les données. Un import est d'abord vérifié sans rien enregistrer ; il n'est enregistré que lorsque vous le confirmez ensuite, en entier ou pas du tout.
staff-data-import-heading = Importer des services
staff-data-file = Fichier (CSV ou JSON, 20 Mo au plus)
staff-data-file-help = CSV : les colonnes de services_seed.csv (country, category, name_fr, name_nl, municipality_code, address, lat, lon, phone, email, website, opening_hours, source), éventuellement aussi id, status, description_nl, description_fr et languages. JSON : le format de l'export (services.json). Un enregistrement portant l'id d'un service existant met ce service à jour ; les autres deviennent de nouveaux services, en brouillon sauf si leur statut dit autre chose.
staff-data-check = Vérifier (rien n'est encore enregistré)
staff-data-progress-upload = Envoi du fichier…
staff-data-progress-check = Le fichier est envoyé ; les enregistrements sont vérifiés. Pour un gros fichier, cela prend un moment.
staff-data-progress-commit = Les services sont enregistrés. Pour un gros fichier, cela prend un moment.
staff-data-report-heading = Vérification de { $name }
staff-data-report-dry-run = { $rows ->
    [one] { $rows } enregistrement lu.
   *[other] { $rows } enregistrements lus.
} Nouveaux : { $created }. Mis à jour : { $updated }. Inchangés : { $unchanged }. Avec des erreurs : { $errors }. Rien n'est encore enregistré.
staff-data-report-done = L'import est enregistré. Nouveaux : { $created }. Mis à jour : { $updated }. Inchangés : { $unchanged }. Chaque modification figure dans l'historique du service.
staff-data-report-has-errors = Rien ne peut être importé tant que le fichier contient des erreurs. Corrigez les lignes ci-dessous et chargez à nouveau le fichier.
staff-data-errors-label = Erreurs par ligne
staff-data-line = Ligne
staff-data-problem = Ce qui ne va pas
staff-data-whole-file = Le fichier entier
staff-data-errors-more = { $count ->
    [one] Encore { $count } enregistrement avec des erreurs ne figure pas dans cette liste.
   *[other] Encore { $count } enregistrements avec des erreurs ne figurent pas dans cette liste.
}
staff-data-nothing-to-do = Ce fichier ne change rien : tous les services sont déjà enregistrés ainsi.
staff-data-commit = { $count ->
    [one] Importer { $count } service
   *[other] Importer { $count } services
}
staff-data-committed = L'import est enregistré.
staff-data-export-heading = Exporter
staff-data-export-intro = Toutes les données, y compris les brouillons et les services archivés. services.json et services.csv peuvent être importés à nouveau, par exemple comme copie de sauvegarde.
staff-data-export-services-json = tous les services, au format de l'import (JSON)
staff-data-export-services-csv = tous les services sous forme de tableau, avec les colonnes de l'import (CSV)
staff-data-export-services-geojson = les services dont la position est connue, comme couche de carte (GeoJSON)
staff-data-export-municipalities-json = les communes (JSON)
staff-data-export-clusters-json = les coopérations et leurs membres (JSON)
staff-data-export-projects-json = les projets (JSON)
staff-data-export-events-json = l'agenda (JSON)
staff-data-export-practices-json = les bonnes pratiques (JSON)
staff-data-export-contacts-json = les contacts des communes (JSON)
staff-data-error-empty = Choisissez un fichier à importer.
staff-data-error-format = Seuls les fichiers CSV (.csv) et JSON (.json) peuvent être importés.
staff-data-error-expired = Cette vérification n'est plus disponible : elle a déjà été importée, ou elle date de plus d'une heure. Chargez à nouveau le fichier.
staff-data-error-changed = Rien n'a été importé : les données ont changé depuis la vérification et le fichier contient maintenant des erreurs. Corrigez-les et chargez à nouveau le fichier.
staff-data-error-stale = Rien n'a été importé : quelqu'un a modifié entre-temps l'un de ces services. Confirmez à nouveau : l'import sera alors vérifié à nouveau.
staff-data-error-file = Nous ne pouvons pas lire ce fichier. Un fichier CSV est en UTF-8 avec des virgules ; un fichier JSON est une liste de services ou l'export (services.json).
staff-data-error-columns = Les colonnes ne conviennent pas : chaque colonne est l'une des colonnes de l'import et n'apparaît qu'une fois ; category, municipality_code et name_nl ou name_fr sont nécessaires.
staff-data-error-record = Cet enregistrement n'a pas la forme d'un service : un nombre de colonnes erroné, ou un enregistrement JSON sans name, category, municipality_code, country ou status.
staff-data-error-id = Un id se compose de lettres minuscules, de chiffres et de traits d'union (80 caractères au plus).
staff-data-error-duplicate = Ce service figure déjà plus haut dans le fichier (même id).
staff-data-error-status = Le statut est draft (brouillon), published (publié) ou archived (archivé).
staff-data-error-assured_date = La date de la dernière vérification (assured_date) n'est pas une date valide, p. ex. 2025-01-31T00:00:00Z.
staff-data-error-country = Le pays (country) ne correspond pas à la commune.
staff-data-error-languages = Les langues (languages) sont des codes parmi nl, fr, de et en, séparés par |.

## Taking part (issue 23): e-mail
mail-footer = Vous recevez ce message de Services frontaliers parce que votre adresse électronique a été donnée sur le site. Les réponses à ce message ne sont pas lues.
mail-link-label = Votre page :
mail-subject-registered = Inscription confirmée : { $event }
mail-body-registered =
    Bonjour { $name },

    Vous êtes inscrit·e à { $event } ({ $when }). Une place vous est réservée.

    Le lien ci-dessous vous permet de consulter, modifier ou annuler votre inscription, et de télécharger ou effacer vos données. Gardez ce courriel : le lien est la seule clé.
mail-subject-already-registered = Vous êtes déjà inscrit·e : { $event }
mail-body-already-registered =
    Bonjour { $name },

    Quelqu’un, peut-être vous-même, a de nouveau inscrit cette adresse à { $event } ({ $when }). Vous étiez déjà inscrit·e ; rien n’a changé.

    Le lien ci-dessous vous permet de consulter, modifier ou annuler votre inscription. Si ce n’était pas vous, vous n’avez rien à faire.
mail-subject-waiting = Sur la liste d’attente : { $event }
mail-body-waiting =
    Bonjour { $name },

    Toutes les places pour { $event } ({ $when }) sont prises. Vous êtes sur la liste d’attente, en position { $place }. Si une place se libère, elle vous revient automatiquement et nous vous écrivons.

    Le lien ci-dessous vous permet de consulter, modifier ou annuler votre inscription.
mail-subject-registration-changed = Inscription modifiée : { $event }
mail-body-registration-changed =
    Bonjour { $name },

    Votre inscription à { $event } ({ $when }) a été modifiée. Si ce n’était pas vous, ouvrez le lien ci-dessous et vérifiez vos données.
mail-subject-registration-cancelled = Inscription annulée : { $event }
mail-body-registration-cancelled =
    Bonjour { $name },

    Votre inscription à { $event } ({ $when }) a été annulée. Votre place revient à la première personne de la liste d’attente.
mail-subject-promoted = Une place vous attend : { $event }
mail-body-promoted =
    Bonjour { $name },

    Une place s’est libérée pour { $event } ({ $when }). Vous étiez sur la liste d’attente : vous êtes maintenant inscrit·e.

    Vous ne pouvez finalement pas venir ? Annulez par le lien ci-dessous, pour que la personne suivante de la liste d’attente ait votre place.
mail-subject-report-reviewed = Votre signalement a été traité
mail-body-report-reviewed =
    Bonjour,

    Un agent a traité votre signalement du { $date }. Nouveau statut : { $status }.

    { $reason }

    Vous pouvez continuer à suivre le signalement par le lien reçu lors de son envoi.

## Taking part: registration for meetings
registration-question-organisation = Organisation
registration-question-municipality = Commune
registration-question-role = Vous êtes
registration-role-mayor = bourgmestre, maire, échevin ou adjoint
registration-role-staff = personnel communal
registration-role-resident = habitant·e
registration-role-other = autre
registration-standing-confirmed = inscrit·e
registration-standing-waiting = sur la liste d’attente
registration-standing-cancelled = annulée
registration-error-name = Indiquez votre nom (120 caractères au plus).
registration-error-email = Indiquez une adresse électronique valide, par exemple nom@exemple.fr.
registration-error-organisation = Le nom de l’organisation est trop long (160 caractères au plus).
registration-error-municipality = Choisissez une commune de la liste.
registration-error-role = Indiquez qui vous êtes.
registration-error-language = Choisissez la langue dans laquelle vous participez.
registration-error-consent = Cochez votre accord, sans quoi nous ne pouvons pas vous inscrire.
registration-no-date = date à venir
registration-title = Inscription : { $event }
registration-description = Inscrivez-vous à cette réunion. Vous recevrez un lien personnel pour consulter, modifier ou annuler votre inscription.
registration-heading = Inscription
registration-go = Je m’inscris
registration-open = Les inscriptions sont ouvertes.
registration-seats-left = { $count ->
    [one] Il reste 1 place.
   *[other] Il reste { $count } places.
}
registration-full = Toutes les places sont prises. Qui s’inscrit maintenant est placé sur la liste d’attente et reçoit automatiquement une place qui se libère.
registration-closed = Les inscriptions sont closes : la date limite est passée ou la réunion a commencé.
registration-off = Cette réunion ne prend pas d’inscriptions sur ce site.
registration-deadline = Au plus tard le { $date } à { $time } (heure belge).
registration-too-many = Trop d’inscriptions depuis cette adresse. Réessayez dans dix minutes.
registration-already = Vous êtes déjà inscrit·e à cette réunion avec cette adresse électronique. Utilisez le lien de votre confirmation pour modifier votre inscription.
registration-invalid = Certains champs ne sont pas correctement remplis. Corrigez les champs indiqués ci-dessous.
registration-sent = Merci. Nous avons envoyé un courriel à l’adresse indiquée, avec le lien vers votre inscription. Pas de courriel dans quelques minutes ? Regardez aussi dans vos courriels indésirables.
registration-meeting-languages = Langues de la réunion :
registration-submit = M’inscrire
registration-mail-on = Vous recevrez une confirmation par courriel, avec un lien personnel.
registration-mail-off = Ce site n’envoie pas de courriel. Après l’inscription, vous obtenez une page personnelle : gardez son lien (favori), c’est le seul moyen de modifier ou d’annuler votre inscription.
registration-name-label = Nom
registration-email-label = Adresse électronique
registration-email-help = Uniquement pour cette réunion : la confirmation, les changements et une éventuelle place libérée.
registration-municipality-none = (aucune ou une autre commune)
registration-language-label = Langue dans laquelle vous participez
registration-consent = J’accepte que mes données soient conservées pour organiser cette réunion.
registration-consent-help = Qui les voit et combien de temps nous les gardons : voir la page
registration-own-title = Votre inscription
registration-own-description = Consulter, modifier, annuler, télécharger ou effacer votre inscription à une réunion.
registration-waiting-position = sur la liste d’attente, position { $place }
registration-received = Vous êtes inscrit·e.
registration-received-waiting = Toutes les places sont prises : vous êtes sur la liste d’attente.
registration-letter-sent = Nous avons envoyé une confirmation à { $email }, avec le lien de cette page.
registration-keep-link = Ce site n’envoie pas de courriel : gardez le lien de cette page (favori). C’est le seul moyen de modifier ou d’annuler votre inscription plus tard.
registration-changed = Votre inscription a été modifiée.
registration-cancelled = Votre inscription a été annulée.
registration-deleted = Votre inscription et vos données ont été effacées.
registration-meeting = Réunion
registration-when = Quand
registration-standing = Situation
registration-registered-on = Inscrit·e le
registration-change-title = Modifier vos données
registration-change-submit = Enregistrer les modifications
registration-cancel-title = Annuler
registration-cancel-help = Vous ne pouvez finalement pas venir ? Annulez : la première personne de la liste d’attente aura votre place.
registration-cancel-submit = Annuler l’inscription
registration-data-title = Vos données
registration-download = Télécharger vos données (JSON)
registration-delete-help = Effacer supprime votre inscription et toutes vos données, immédiatement et définitivement ; une place revient à la liste d’attente.
registration-delete-submit = Effacer mon inscription et mes données

## Taking part: staff
staff-registrations-title = Inscriptions
staff-registrations-link = Gérer les inscriptions
staff-registrations-saved = Les réglages des inscriptions ont été enregistrés.
staff-registrations-attendance-saved = Les présences ont été enregistrées.
staff-registrations-unknown = non demandé
staff-registrations-settings = Réglages
staff-registrations-open = Inscriptions ouvertes
staff-registrations-deadline = Date et heure limites (heure belge)
staff-registrations-deadline-help = Vide : jusqu’au début de la réunion.
staff-registrations-deadline-error = Ce moment n’existe pas à Bruxelles (passage à l’heure d’été) ou est illisible.
staff-registrations-capacity = Nombre de places
staff-registrations-capacity-help = Vide : pas de limite. Qui s’inscrit quand toutes les places sont prises est placé sur la liste d’attente.
staff-registrations-capacity-error = Indiquez un nombre entier de 1 à 100 000.
staff-registrations-questions = Questions posées (en plus du nom et de l’adresse électronique)
staff-registrations-languages = Langues de la réunion
staff-registrations-languages-error = Choisissez au moins une langue.
staff-registrations-save = Enregistrer
staff-registrations-counts = Décomptes (inscrits)
staff-registrations-totals = { $confirmed } inscrit·e·s, { $waiting } sur la liste d’attente.
staff-registrations-by-role = Par rôle
staff-registrations-by-country = Par pays
staff-registrations-csv = Télécharger la liste (CSV)
staff-registrations-list = Liste
staff-registrations-empty = Pas encore d’inscriptions.
staff-registrations-attendance = Présences
staff-registrations-attended = Présent·e
report-mail-on = Si vous laissez une adresse électronique, vous recevrez un courriel dès qu’un agent aura traité votre signalement.
report-mail-off = Ce site n’envoie pas de courriel : gardez le lien obtenu après l’envoi pour suivre votre signalement.

## Personal data: footer, privacy, accessibility, legal notice
footer-legal-label = À propos de ce site
footer-privacy = Vie privée
footer-accessibility = Accessibilité
footer-legal = Mentions légales
privacy-title = Vie privée
privacy-description = Quelles données personnelles Services frontaliers conserve, pourquoi, combien de temps et qui les voit.
privacy-intro = Le site ne demande des données personnelles que lorsque vous agissez vous-même : signaler un problème, vous inscrire à une réunion ou déposer une idée de projet. Consulter et chercher se font de manière anonyme.
privacy-table-caption = Ce que nous conservons
privacy-col-what = Données
privacy-col-why = Pourquoi
privacy-col-how-long = Combien de temps
privacy-col-who = Qui les voit
privacy-report-what = Un signalement : votre message et, si vous la donnez, votre adresse électronique
privacy-report-why = Pour traiter le signalement et vous dire ce qu’il en est advenu
privacy-report-how-long = L’adresse est effacée { $days } jours après le traitement ; le message reste, sans adresse
privacy-report-who = Les agents de la commune du service, et les administrateurs
privacy-registration-what = Une inscription : nom, adresse électronique et réponses aux questions posées
privacy-registration-why = Pour organiser la réunion et vous tenir informé·e
privacy-registration-how-long = { $days } jours après la réunion (ou après une annulation), nom, adresse, organisation et lien sont effacés ; rôle, pays et présence restent comme décompte anonyme
privacy-registration-who = Les administrateurs et les agents de la commune où a lieu la réunion
privacy-idea-what = Une idée de projet : titre, résumé, communes, qui la dépose, nom et adresse e-mail
privacy-idea-why = Pour examiner l’idée et vous tenir informé à chaque étape
privacy-idea-how-long = { $days } jours après la décision, le nom, l’adresse e-mail et le lien sont effacés ; l’idée elle-même reste
privacy-idea-who = Les administrateurs ; une idée retenue devient publique, jamais vos coordonnées
privacy-contact-what = Les contacts des communes : des services avec leur adresse, téléphone et e-mail professionnels (aucune donnée privée)
privacy-contact-why = Pour que les partenaires de l’autre côté de la frontière sachent qui appeler
privacy-contact-how-long = Tant que la commune ne les retire pas ou ne les archive pas
privacy-contact-who = Tout le monde, dès que la commune les publie
privacy-interest-what = L’intérêt d’une commune pour une coopération : une personne ou un service de contact, une adresse e-mail et une remarque
privacy-interest-why = Pour que l’organisateur puisse contacter la commune et la confirmer comme membre
privacy-interest-how-long = Jusqu’au retrait de l’intérêt ; après confirmation, il reste comme trace de l’adhésion
privacy-interest-who = L’organisateur, les administrateurs et le personnel de cette commune ; seul le nom de la commune est public
privacy-mail-what = Les courriels que le site vous envoie
privacy-mail-why = Pour les envoyer, et réessayer si le serveur de messagerie ne répond pas
privacy-mail-how-long = Le contenu (avec votre lien personnel) est effacé dès l’envoi ; l’adresse et l’objet { $days } jours après l’envoi
privacy-mail-who = Seuls les administrateurs de la base de données
privacy-staff-what = Comptes des agents : adresse électronique, rôle, communes et sessions
privacy-staff-why = Pour gérer l’inventaire et savoir qui a modifié quoi
privacy-staff-how-long = Tant que le compte existe ; les sessions prennent fin à la déconnexion ou après inactivité
privacy-staff-who = Les administrateurs
privacy-limits-what = Une empreinte (hachage) de votre adresse IP (en IPv6, de son réseau /64) et de l’adresse électronique à laquelle un formulaire envoie un courriel, jamais les adresses elles-mêmes
privacy-limits-why = Pour limiter les abus des formulaires et de la connexion, et empêcher que quelqu’un se serve des formulaires pour inonder une autre personne de courriels
privacy-limits-how-long = Une heure au plus
privacy-limits-who = Personne : seul le site s’en sert pour compter
privacy-cookies-what = Cookies : votre choix de langue, et pour les agents la session
privacy-cookies-why = Pour afficher le site dans votre langue et garder les agents connectés
privacy-cookies-how-long = Langue : un an ; session : jusqu’à la déconnexion
privacy-cookies-who = Personne d’autre : ni mesure d’audience, ni publicité, ni service tiers
privacy-rights-title = Vos droits
privacy-rights = Le lien personnel de votre inscription vous permet à tout moment de consulter, modifier, télécharger et effacer vos données. Pour un signalement ou toute autre question sur vos données, contactez l’éditeur du site.
privacy-no-tracking = Le site n’utilise ni cookies ni scripts de tiers et ne suit pas votre visite.
privacy-mail-on = Les courriels partent par le serveur de messagerie de l’éditeur.
privacy-mail-off = Cette installation n’envoie pas de courriel : aucun courriel n’est donc conservé.
privacy-contact = Qui édite le site : voir les
accessibility-title = Déclaration d’accessibilité
accessibility-description = Le niveau d’accessibilité de Services frontaliers, la manière dont il est testé et où signaler un problème.
accessibility-intro = Services frontaliers veut être utilisable par toutes et tous, y compris avec un lecteur d’écran, au clavier seul, avec un zoom ou sans JavaScript. Cette déclaration vaut pour toutes les pages du site.
accessibility-status-title = État de conformité
accessibility-status = Partiellement conforme aux WCAG 2.1, niveau AA (EN 301 549 ; RGAA) : tous les types de pages passent les contrôles automatiques, mais un audit complet par un expert n’a pas encore eu lieu.
accessibility-method-title = Comment nous testons
accessibility-method = Chaque modification du site passe des tests automatiques : axe-core sur chaque type de page dans les deux langues (aucune erreur admise), Lighthouse, et des tests de bout en bout qui remplissent les formulaires au clavier et sans JavaScript.
accessibility-limits-title = Limites connues
accessibility-limit-map = La carte est un complément : tout ce qu’elle montre figure aussi dans les listes et sur les pages de profil.
accessibility-limit-translations = Certains contenus n’existent que dans une langue ; ils sont alors signalés comme tels.
accessibility-limit-audit = Un audit manuel avec des technologies d’assistance (lecteurs d’écran) par un expert est prévu mais pas encore réalisé.
accessibility-feedback-title = Signaler un problème
accessibility-feedback = Une partie du site vous est inaccessible ? Signalez-le, même sans adresse électronique :
accessibility-enforcement = Si la réponse ne vous satisfait pas, vous pouvez vous adresser au médiateur de votre région en Belgique ou au Défenseur des droits en France.
accessibility-date = Déclaration établie le 6 décembre 2026.
legal-title = Mentions légales
legal-description = Qui édite le site, d’où viennent les données et sous quelle licence.
legal-publisher-title = Éditeur
legal-publisher-unset = L’éditeur de cette installation n’a pas encore indiqué ses coordonnées (SITE_PUBLISHER).
legal-content-title = Contenu
legal-content = Les données sur les communes, les services et la coopération viennent de sources ouvertes et des communes elles-mêmes ; chaque source figure avec les données et sur la page
legal-licence-title = Licence
legal-licence = Le logiciel est publié sous la licence EUPL 1.2. Les données ouvertes suivent la licence de leur source.
legal-liability-title = Responsabilité
legal-liability = Nous veillons à ce que les données soient exactes et à jour, mais horaires et services changent. En cas de doute, vérifiez auprès du service lui-même, et signalez une erreur par le formulaire de signalement.

## Taking part: a new password for staff
mail-subject-password-reset = Un nouveau mot de passe pour Services frontaliers
mail-body-password-reset =
    Bonjour,

    Quelqu’un a demandé un nouveau mot de passe pour le compte d’agent de cette adresse. Le lien ci-dessous permet d’en choisir un. Il fonctionne une seule fois, pendant { $minutes } minutes.

    Vous n’avez rien demandé ? Vous n’avez rien à faire : votre mot de passe reste le même.
staff-reset-link = Mot de passe oublié ?
staff-reset-title = Mot de passe oublié
staff-reset-intro = Indiquez l’adresse électronique de votre compte. Si elle correspond à un compte actif, elle recevra un courriel avec un lien pour choisir un nouveau mot de passe.
staff-reset-submit = Envoyer le lien
staff-reset-sent = Si cette adresse correspond à un compte actif, un courriel est en route. Le lien fonctionne une seule fois, pendant une heure.
staff-reset-too-many = Trop de demandes. Réessayez plus tard.
staff-reset-email = Indiquez une adresse électronique valide.
staff-reset-expired = Ce lien ne fonctionne plus : il a déjà servi ou il a expiré. Demandez-en un nouveau.
staff-reset-mail-off = Ce site n’envoie pas de courriel. Demandez à un administrateur de définir un nouveau mot de passe (server user passwd).
staff-reset-new-title = Choisir un nouveau mot de passe
staff-reset-new-label = Nouveau mot de passe
staff-reset-confirm-label = Nouveau mot de passe, une seconde fois
staff-reset-password-rule = Au moins 12 caractères.
staff-reset-mismatch = Les deux mots de passe ne sont pas identiques.
staff-reset-save = Enregistrer le mot de passe
staff-reset-done = Votre nouveau mot de passe est enregistré ; toutes les sessions de votre compte sont fermées. Connectez-vous.
mail-subject-staff-digest = Services frontaliers : nouveau depuis hier / nieuw sinds gisteren
mail-body-staff-digest =
    Bonjour,

    Nouveau dans vos communes depuis le dernier récapitulatif : { $reports } signalements à traiter, { $registrations } inscriptions à des réunions, { $ideas } idées de projets, { $interest } communes qui veulent participer à une coopération que vous organisez, et { $practices } bonnes pratiques proposées à publier.

    Goedendag, nieuw in uw gemeenten sinds het vorige overzicht: { $reports } meldingen om te behandelen, { $registrations } inschrijvingen voor bijeenkomsten, { $ideas } projectideeën, { $interest } gemeenten die willen meedoen aan een samenwerkingsverband dat u organiseert, en { $practices } voorgestelde goede praktijken om te publiceren.

## Taking part: calls for project ideas
calls-title = Appels à idées de projets
calls-description = Appels à idées qui peuvent devenir des projets pilotes transfrontaliers : proposez votre idée et suivez-la.
calls-intro = Habitants, associations et communes des deux côtés de la frontière proposent ici des idées qui peuvent devenir des projets pilotes. Vous suivez votre idée par un lien personnel.
calls-empty = Aucun appel en ce moment.
call-open = Ouvert
call-closed = Clos
call-period = Du { $start } au { $end }
call-criteria = Critères
call-project = Dans le cadre du projet :
call-accepted = Idées retenues
call-accepted-none = Pas encore d’idée retenue.
call-form-closed = Cet appel est clos : plus aucune idée ne peut être déposée.
call-form-too-many = Trop d’envois depuis cette adresse. Réessayez dans dix minutes.
call-form-invalid = Certains champs ne sont pas correctement remplis. Corrigez les champs indiqués ci-dessous.
idea-form-title = Proposer une idée
idea-title-label = Titre de l’idée
idea-summary-label = Résumé
idea-summary-help = Que voulez-vous faire, pour qui, et qu’est-ce qui change des deux côtés de la frontière ? Au moins 30 caractères.
idea-municipalities-label = Communes concernées (codes INS ou INSEE)
idea-municipalities-help = Séparés par des virgules, des deux côtés, par exemple 33029, 59656. Les codes figurent sur la page de chaque commune.
idea-submitter-label = Vous proposez en tant que
idea-submitter-resident = habitant·e
idea-submitter-association = association
idea-submitter-municipality = commune
idea-consent = J’accepte que mon nom et mon adresse électronique soient conservés pour traiter mon idée.
idea-mail-on = Vous recevrez une confirmation et chaque changement par courriel, avec un lien personnel.
idea-mail-off = Ce site n’envoie pas de courriel : gardez le lien de la page suivante pour suivre votre idée.
idea-submit = Proposer l’idée
idea-error-title = Donnez un titre (160 caractères au plus).
idea-error-summary = Décrivez l’idée en 30 à 4 000 caractères.
idea-error-municipalities = Indiquez au moins un code de commune de la liste des communes frontalières.
idea-error-submitter = Indiquez à quel titre vous proposez.
idea-error-name = Indiquez votre nom.
idea-error-email = Indiquez une adresse électronique valide.
idea-error-consent = Cochez votre accord, sans quoi nous ne pouvons pas traiter votre idée.
idea-received = Votre idée a été reçue.
idea-letter-sent = Nous avons envoyé une confirmation avec le lien de cette page.
idea-keep-link = Ce site n’envoie pas de courriel : gardez le lien de cette page (favori) pour suivre votre idée.
idea-own-title = Votre idée
idea-call = Appel
idea-status = Situation
idea-reason = Motif
idea-status-received = reçue
idea-status-review = en cours d’examen
idea-status-info = informations demandées
idea-status-accepted = retenue
idea-status-declined = non retenue
idea-messages = Messages
idea-from-staff = Commune
idea-from-you = Vous
idea-answer-label = Votre réponse
idea-answer-submit = Envoyer la réponse
idea-answered = Votre réponse a été envoyée.
idea-answer-error = Votre réponse n’a pas pu être envoyée : écrivez de 1 à 4 000 caractères, ou réessayez plus tard.
idea-delete-help = Effacer supprime votre idée et vos données, immédiatement et définitivement.
idea-delete-submit = Effacer mon idée et mes données
idea-deleted = Votre idée et vos données ont été effacées.
staff-calls-title = Appels
staff-call-new = Nouvel appel
staff-call-published = publié
staff-call-draft = non publié
staff-call-public = Page publique
staff-call-publish = Publié
staff-call-saved = L’appel a été enregistré.
staff-call-ideas = Idées reçues
staff-call-no-ideas = Pas encore d’idées.
staff-call-field-title_nl = Titre (néerlandais)
staff-call-field-title_fr = Titre (français)
staff-call-field-text_nl = Texte (néerlandais)
staff-call-field-text_fr = Texte (français)
staff-call-field-criteria_nl = Critères (néerlandais)
staff-call-field-criteria_fr = Critères (français)
staff-call-field-theme = Thème
staff-call-field-opens_on = Ouvert à partir du
staff-call-field-closes_on = Ouvert jusqu’au (inclus)
staff-call-field-project = Projet parent (identifiant, par exemple partons-2-0)
staff-call-field-error = Remplissez ce champ correctement.
staff-idea-saved = La décision est enregistrée ; la personne qui a proposé l’idée est prévenue.
staff-idea-decided = Il a déjà été statué sur cette idée.
staff-idea-text-required = Écrivez le message ou le motif pour la personne qui a proposé l’idée.
staff-idea-review = Examiner
staff-idea-accept = Retenir (crée un brouillon de projet pilote)
staff-idea-info-label = Demande d’informations
staff-idea-info = Envoyer la demande
staff-idea-reason-label = Motif
staff-idea-decline = Ne pas retenir
staff-idea-project = Le brouillon de projet pilote
mail-subject-idea-received = Idée reçue : { $title }
mail-body-idea-received =
    Bonjour { $name },

    Nous avons reçu votre idée « { $title } » pour l’appel « { $call } ». Vous recevrez un courriel à chaque étape.

    Le lien ci-dessous vous permet de suivre votre idée, de répondre aux questions et de télécharger ou d’effacer vos données.
mail-subject-idea-status = Votre idée : { $status }
mail-body-idea-status =
    Bonjour { $name },

    Votre idée « { $title } » pour l’appel « { $call } » a une nouvelle situation : { $status }.

    { $reason }

    Ouvrez le lien ci-dessous pour la consulter ou répondre.
staff-home-meetings = Réunions avec inscriptions

## Working together (issue 24): groupings' rules, contacts, good practices, interest
nav-practices = Bonnes pratiques
cluster-rule = Qui est membre
cluster-rule-source = Règle et source :
cluster-rule-corrected = Les administrateurs ont modifié cette structure après application de la règle : ses membres peuvent s’en écarter.
cluster-interest = Qui veut participer
cluster-interest-none = Aucune commune n’a encore dit vouloir participer.
cluster-interest-staff = Vous travaillez pour une commune ? Dites que votre commune veut participer (connexion du personnel).
cluster-interest-state-interested = Intéressée
cluster-interest-state-confirmed = Membre confirmé
cluster-cost-share-with-interested = Coût par membre si les communes intéressées participent
contacts-title = Contacts
contacts-none = Aucun contact n’est encore connu pour cette commune.
contacts-add = Vous travaillez pour cette commune ? Ajoutez ses contacts.
contacts-source = Source : { $source }
contacts-entered = Saisi par la commune
contacts-verified = vérifié pour la dernière fois le { $date }
contacts-hours = Heures d’ouverture
contacts-hours-service = Voir la page de la mairie.
contact-office-town_hall = Mairie
contact-office-mayor_office = Cabinet du maire ou du bourgmestre
contact-office-cooperation = Coopération et affaires européennes
contact-office-european_affairs = Affaires européennes et subventions
contact-office-climate = Climat et énergie
contact-office-social_services = Service social
compare-contacts = { $count ->
    [one] 1 contact
   *[other] { $count } contacts
}
compare-contacts-none = Pas encore de contacts
partners-contacts = Contacts
profile-practices = Bonnes pratiques
profile-practices-none = Aucune bonne pratique de nos données ne cite cette commune.
practices-title = Bonnes pratiques
practices-description = Ce que des communes ont déjà fait ensemble : services partagés, achats groupés, personnel partagé, projets et positions communs, avec leur source.
practices-intro = Ce que des communes ont déjà fait ensemble, tel que les documents de la région le présentent et tel que le personnel des communes le complète. Cherchez en français ou en néerlandais.
practices-search-label = Chercher des bonnes pratiques
practices-q = Chercher
practices-kind = Type de coopération
practices-kind-all = Tous les types
practices-count = { $count ->
    [one] 1 bonne pratique
   *[other] { $count } bonnes pratiques
}
practices-none = Aucune bonne pratique ne correspond à cette recherche.
practices-map = Les communes sur la carte
practice-kind-shared_purchase = Achat groupé
practice-kind-shared_staff = Personnel partagé
practice-kind-shared_service = Service partagé
practice-kind-joint_project = Projet commun
practice-kind-common_position = Position commune
practice-who = Qui
practice-participants = Participants
practice-cost = Coût
practice-contact = Contact
practice-link = En savoir plus
practice-presented = Présentée lors de
practice-project = Projet
practice-results = Résultats
practice-results-unknown = La source ne mentionne pas de résultats.
practice-municipalities = Communes de la zone frontalière
practice-municipalities-none = Aucun participant n’est une commune de la zone frontalière de nos données.
staff-home-contacts = Contacts de vos communes
staff-home-contacts-add = { $name } n’affiche encore aucun contact : ajoutez-les
staff-coop-nav-practice = Bonnes pratiques
staff-coop-nav-contact = Contacts
staff-coop-practice-title = Gérer les bonnes pratiques
staff-coop-practice-new = Proposer une bonne pratique
staff-coop-practice-edit = Modifier la bonne pratique
staff-coop-contact-title = Gérer les contacts des communes
staff-coop-contact-new = Nouveau contact
staff-coop-contact-edit = Modifier le contact
staff-coop-field-participants = Participants (tels que la source les nomme)
staff-coop-field-results = Résultats
staff-coop-field-cost_eur = Coût (euros)
staff-coop-field-contact = Contact (service ou organisation)
staff-coop-field-link = Document ou page web
staff-coop-field-source = Source (vide : saisi par la commune)
staff-coop-field-event = Présentée lors de (rencontre)
staff-coop-field-municipality = Commune (code)
staff-coop-field-office = Service
staff-coop-field-address = Adresse
staff-coop-field-phone = Téléphone
staff-coop-field-email = E-mail (du service, pas personnel)
staff-coop-field-hours = Heures d’ouverture
staff-coop-field-verified_on = Vérifié pour la dernière fois le
staff-coop-help-organiser = Le personnel de cette commune confirme les membres et voit qui a signalé son intérêt.
staff-coop-help-municipality = Vous choisissez parmi les communes que vous pouvez modifier.
staff-coop-error-one_municipality = Indiquez un code de commune existant, d’une commune que vous pouvez modifier.
staff-coop-no-municipality = Aucune commune
staff-coop-no-event = Aucune rencontre
staff-coop-no-actions = Vous pouvez consulter cet enregistrement, mais pas le modifier : seul un administrateur peut encore le modifier ou le publier.
staff-audit-confirm_member = Membre confirmé
staff-interest-link = Communes intéressées
staff-interest-title = Qui veut participer
staff-interest-intro = Dites que votre commune veut participer, avec une personne de contact et une remarque. L’organisateur voit la liste et confirme les membres ; le coût par membre est alors réparti à nouveau.
staff-interest-declare-heading = Votre commune veut participer
staff-interest-municipality = Commune
staff-interest-contact = Contact
staff-interest-contact-name = Personne ou service de contact
staff-interest-contact-email = E-mail du contact
staff-interest-note = Remarque
staff-interest-note-help = Facultatif, { $max } caractères au plus.
staff-interest-declare = Nous voulons participer
staff-interest-list = Toutes les communes intéressées
staff-interest-own = L’intérêt de vos communes
staff-interest-empty = Aucune commune pour l’instant.
staff-interest-declared-on = Signalé le
staff-interest-actions = Actions
staff-interest-confirm = Confirmer comme membre
staff-interest-withdraw = Retirer
staff-interest-not-open = Cette coopération n’a pas de prix partagé : il n’y a pas d’intérêt à signaler.
staff-interest-nothing = Aucune de vos communes ne peut encore signaler son intérêt : elles sont déjà membres ou l’ont signalé.
staff-interest-done-declare = Votre intérêt est signalé. L’organisateur le voit maintenant.
staff-interest-done-confirm = La commune est maintenant membre ; le coût par membre est réparti à nouveau.
staff-interest-done-withdraw = L’intérêt a été retiré.
staff-interest-error-already = Cette commune est déjà membre ou a déjà signalé son intérêt.
staff-interest-error-gone = Cet intérêt n’existe plus ou est déjà confirmé.
staff-interest-error-municipality = Choisissez une commune dans la liste.
staff-interest-error-contact_name = Indiquez une personne ou un service de contact (200 caractères au plus).
staff-interest-error-note = La remarque ne peut pas dépasser 2000 caractères.
