# Grensdiensten — Nederlandse interfaceteksten. Zelfde ids als locales/fr/main.ftl.

site-name = Grensdiensten
site-tagline = Gemeenten en diensten aan de Frans-Belgische grens
skip-to-content = Naar de inhoud
nav-main-label = Hoofdmenu
nav-home = Start
nav-municipalities = Gemeenten
nav-about = Over de gegevens
lang-switch = Français
breadcrumb-label = Kruimelpad
loading = Bezig met laden…
search-submit = Zoeken
unit-km = km

footer-data = Open data over de grensregio, met bron en licentie bij elk gegeven.
footer-sources = Bronnen en licenties
footer-languages = Deze site is beschikbaar in het Nederlands en het Frans.

error-not-found = Dit gegeven bestaat niet.
error-bad-request = De zoekopdracht is ongeldig. Controleer de filters en probeer opnieuw.
error-internal = Er ging iets mis aan onze kant. Probeer het later opnieuw.

country-be = België
country-fr = Frankrijk

home-title = Gemeenten en diensten aan beide kanten van de grens
home-description = Kaart en overzicht van de 258 gemeenten aan de Frans-Belgische grens, met hun buren aan de overkant en de diensten die inwoners er kunnen gebruiken.
home-heading = Over de grens kijken
home-intro = Van De Panne en Bray-Dunes tot het drielandenpunt met Luxemburg: vind een gemeente, zie haar buren aan de andere kant van de grens en ontdek welke diensten er zijn.
home-search-label = Zoek een gemeente (Nederlandse of Franse naam)
home-search-placeholder = bv. Ieper, Rijsel, Comines
home-counts-heading = De grensregio in cijfers
home-map-heading = Kaart van de grensregio
home-map-intro = De grens, de provincies en departementen, de Franse gemeentegrenzen en een punt per gemeente. Kies een punt voor meer informatie.
count-municipalities = Grensgemeenten
count-be = in België
count-fr = in Frankrijk
count-services = Diensten
count-links = Grensoverschrijdende burenparen

municipalities-title = Grensgemeenten
municipalities-description = Zoek de Belgische en Franse grensgemeenten op hun Nederlandse of Franse naam, filter op land en sorteer op naam, inwoners of afstand tot de grens.
municipalities-intro = Zoeken werkt met de Nederlandse en de Franse naam, met of zonder accenten.
municipalities-search-label = Naam van de gemeente
municipalities-search-help = Bijvoorbeeld „Ypres”, „Rijsel” of „armentieres”.
municipalities-count = { $count ->
    [one] { $count } gemeente gevonden
   *[other] { $count } gemeenten gevonden
}
municipalities-none = Geen gemeente gevonden. Controleer de spelling of kies een ander land.
municipalities-table-caption = Gevonden gemeenten
filter-country = Land
filter-country-all = Beide landen
sort-label = Sorteren op
sort-name = Naam
sort-population = Inwoners (meeste eerst)
sort-distance = Afstand tot de grens (dichtste eerst)
col-name = Naam
col-name-nl = Nederlandse naam
col-name-fr = Franse naam
col-country = Land
col-province = Provincie of departement
col-population = Inwoners
col-distance = Afstand tot de grens (km)

profile-description = { $name } ({ $other }): namen, bestuurlijke indeling, inwoners, buurgemeenten aan de andere kant van de grens en diensten.
profile-other-name = In het Frans:
profile-facts = Kerngegevens
profile-name-nl = Nederlandse naam
profile-name-fr = Franse naam
profile-name-official = Officiële naam
profile-code-be = NIS-code
profile-code-fr = INSEE-code
profile-province = Provincie
profile-departement = Departement
profile-region = Gewest of regio
profile-arrondissement = Arrondissement
profile-epci = Intercommunale (EPCI)
profile-population-unknown = onbekend
profile-postal-codes = Postcodes
profile-map = Ligging
profile-map-polygon = De kaart toont de gemeentegrens.
profile-map-point = Voor Belgische gemeenten is geen open grenslijn beschikbaar; de kaart toont een punt in de gemeente.
profile-neighbours-across = Dichtstbijzijnde gemeenten aan de andere kant van de grens
profile-neighbours-same-side = Dichtstbijzijnde gemeenten aan deze kant
profile-neighbours-none = Geen buurgemeenten in de gegevens.
profile-services = Diensten in deze gemeente
profile-services-none = Nog geen diensten geregistreerd voor deze gemeente.
profile-source = Bron van de gegevens

map-label = Interactieve kaart van de Frans-Belgische grensregio
map-population = Inwoners
map-open-profile = Profiel bekijken
map-distance-to-border = Afstand tot de grens
map-fallback = De kaart heeft JavaScript nodig.
map-fallback-link = Bekijk de lijst van gemeenten.

map-zoom-in = Inzoomen
map-zoom-out = Uitzoomen
map-close-popup = Sluiten
map-keys-help = Pijltjestoetsen: dichtstbijzijnde gemeente in die richting. Enter: details. Escape: sluiten.
category-town_hall = Gemeentehuis
category-railway_station = Treinstation
category-house_of_justice = Justitiehuis
category-justice-of-the-peace = Vredegerecht
category-court-of-appeal = Hof van beroep
category-court-of-assize = Hof van assisen
category-court-of-first-instance = Rechtbank van eerste aanleg
category-enterprise-court = Ondernemingsrechtbank
category-labour-court = Arbeidsrechtbank
category-labour-court-of-appeal = Arbeidshof
category-police-court = Politierechtbank
category-prison = Gevangenis

about-title = Over de gegevens
about-description = Waar de gegevens over gemeenten, grenzen en diensten vandaan komen, onder welke licentie, en wat hun beperkingen zijn.
about-intro = Alle gegevens komen uit open bronnen. Elk record bewaart zijn bron; hieronder staan de bronnen met hun licentie.
about-sources-caption = Bronnen en licenties
about-col-data = Gegevens
about-col-source = Bron
about-col-licence = Licentie
about-src-be-municipalities = Belgische gemeenten (NIS-codes 2025, na de fusies), namen in het Nederlands en Frans, provincies, gewesten, postcodes
about-src-be-outlines = Omtrek van België en de Frans-Belgische grenslijn (uit de gerechtelijke kantons), provincies
about-src-be-justice = Rechtbanken, vredegerechten, gevangenissen en justitiehuizen
about-src-geonames = Ligging en benaderend inwonertal van Belgische gemeenten, controle van Nederlandse en Franse exoniemen
about-src-fr-communes = Franse gemeenten (COG 2026): namen, inwoners, postcodes, arrondissementen, intercommunales (EPCI)
about-src-fr-townhalls = Grenzen van Franse gemeenten en gegevens van de gemeentehuizen (adres, telefoon, openingsuren)
about-src-countries = Landsgrenzen
about-src-stations = Treinstations in beide landen
about-src-cooperation = Beschrijvingen van samenwerkingsprojecten en overlegmomenten (eigen samenvattingen)
about-src-leaflet = Kaartbibliotheek
licence-public-domain = Publiek domein
about-limits-heading = Beperkingen
about-limit-be-points = Voor Belgische gemeenten bestaat geen open grenslijn in de gebruikte bronnen: ze staan als punt op de kaart. Voor 19 gemeenten is dat punt een hoofddorp, met de hand gekozen.
about-limit-be-population = Belgische inwonertallen zijn die van de gelijknamige plaats in GeoNames: benaderend, van onbekend jaar, soms van vóór de fusies van 2025. Voor 17 gemeenten ontbreekt het.
about-limit-exonyms = Nederlandse en Franse namen van gemeenten aan de andere kant van de grens worden alleen gebruikt als GeoNames ze vermeldt.
about-limit-services = Gemeentehuizen staan er alleen voor Franse gemeenten; dokters, apotheken, postkantoren en bibliotheken zitten nog in geen enkele open bron die we gebruiken.
about-limit-distances = Afstanden zijn hemelsbreed, berekend uit de coördinaten.
about-method-heading = Werkwijze
about-method-border = De grenslijn is het deel van de Belgische omtrek dat langs de Franse gemeenten loopt, vereenvoudigd tot ongeveer tien meter.
about-method-neighbours = Buren zijn per gemeente de zes dichtstbijzijnde gemeenten en de drie dichtstbijzijnde aan de andere kant van de grens, gemeten tussen de punten van de gemeenten.

not-found-title = Pagina niet gevonden
not-found-text = Deze pagina bestaat niet (meer). Controleer het adres of ga verder via een van deze pagina's.
