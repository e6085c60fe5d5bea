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
category-town_hall = Mairie
category-railway_station = Gare
category-house_of_justice = Maison de justice
category-justice-of-the-peace = Justice de paix
category-court-of-appeal = Cour d'appel
category-court-of-assize = Cour d'assises
category-court-of-first-instance = Tribunal de première instance
category-enterprise-court = Tribunal de l'entreprise
category-labour-court = Tribunal du travail
category-labour-court-of-appeal = Cour du travail
category-police-court = Tribunal de police
category-prison = Prison

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
