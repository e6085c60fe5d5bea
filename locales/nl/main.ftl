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
error-reference = Vermeld deze code als u ons contacteert:

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

## Services: search and browse
nav-services = Diensten
nav-report = Probleem melden
services-title = Diensten aan beide kanten van de grens
services-description = Zoek openbare diensten in de Belgische en Franse grensgemeenten, in het Nederlands of het Frans: gemeentehuizen, stations, rechtbanken en meer, met afstand, openingsuren en kaart.
services-intro = Zoek in het Nederlands of het Frans: een Nederlands woord vindt ook Franse diensten. Filter op soort, land, taal of afstand.
services-search-label = Wat zoekt u?
services-search-help = Bijvoorbeeld: gemeentehuis, station, rechtbank, of een gemeente. Accenten en hoofdletters maken niet uit.
services-near-legend = In de buurt van
services-near-label = Gemeente
services-near-help = Typ een gemeente in het Nederlands of het Frans (bijvoorbeeld Wervik, Rijsel of Lille).
services-near-using-location = Er wordt gezocht rond uw locatie. Typ een gemeente om die te vervangen.
services-locate = Mijn locatie gebruiken
services-locate-error = Uw locatie kon niet worden bepaald.
services-radius-label = Straal
services-your-location = uw locatie
services-near-summary = Binnen { $radius } km van { $place }, dichtste eerst.
services-count = { $count ->
    [0] Geen diensten gevonden.
    [one] 1 dienst gevonden.
   *[other] { $count } diensten gevonden.
}
services-distance = { $km } km
services-cross-border-badge = Ook voor inwoners van het andere land
services-languages = Talen:
services-area = Gebied op de kaart
services-active-filters = Actieve filters
services-remove-filter = Filter verwijderen: { $filter }
services-none = Er is geen dienst die aan al deze voorwaarden voldoet.
services-none-near = Er is geen dienst binnen deze straal die aan al deze voorwaarden voldoet.
services-widen-radius = Zoek binnen { $km } km
services-drop-category = Zoek in alle soorten diensten
services-drop-country = Zoek in beide landen
services-drop-municipality = Zoek in alle gemeenten
services-drop-language = Zoek in alle talen
services-drop-open = Toon ook gesloten diensten
services-drop-cross = Toon ook diensten alleen voor inwoners
services-drop-bbox = Zoek buiten het gebied op de kaart
services-drop-q = Zoek zonder zoekwoorden
services-facets = Resultaten verfijnen
services-facet-access = Nu en over de grens
services-export = Deze resultaten downloaden:
services-export-csv = CSV
services-export-geojson = GeoJSON
services-search-area = Zoeken in dit gebied
services-open-detail = Details bekijken
services-map-label = Kaart van de resultaten
services-map-fallback = De kaart heeft JavaScript nodig; de lijst bevat dezelfde resultaten.
services-sort-default = Automatisch
services-sort-relevance = Relevantie
services-sort-distance = Afstand (dichtste eerst)
services-sort-name = Naam
filter-q = Zoekwoorden
filter-near = In de buurt van
filter-category = Soort dienst
filter-category-all = Alle soorten
filter-municipality = Gemeente
filter-language = Taal aan het loket
filter-language-all = Alle talen
filter-open-now = Nu open
filter-cross-border = Toegankelijk voor inwoners van beide landen
language-nl = Nederlands
language-fr = Frans
language-de = Duits
language-en = Engels
page-previous = Vorige pagina
page-next = Volgende pagina
page-navigation = Paginering
page-of = Pagina { $page } van { $pages }
sample-data = Voorbeeldgegevens (niet geverifieerd)
error-field-q = De zoekwoorden zijn te lang (hoogstens 100 tekens).
error-field-near = Die gemeente kennen we niet. Controleer de spelling of kies een gemeente uit de lijst.
error-field-radius = Kies een straal tussen 1 en 100 km.
error-field-lat = De locatie is ongeldig.
error-field-lon = De locatie is ongeldig.
error-field-bbox = Het gebied op de kaart is ongeldig.
error-field-page = Die pagina bestaat niet.
error-field-sort = Sorteren op afstand kan alleen als u een plaats opgeeft.
error-field-country = Kies België of Frankrijk.
error-field-language = Kies een taal uit de lijst.
error-field-category = Kies een soort dienst uit de lijst.
error-field-municipality = Die gemeentecode is ongeldig.
error-field-arguments = De aanvraag is onvolledig of ongeldig en werd niet uitgevoerd.
error-field-too-large = De aanvraag is te groot en werd niet uitgevoerd.

## Services: detail
service-no-translation = Deze naam bestaat nog niet in het Nederlands; u ziet de Franse.
service-provider = Aanbieder
service-address = Adres
service-municipality = Gemeente
service-phone = Telefoon
service-email = E-mail
service-website = Website
service-languages = Talen aan het loket
service-access = Over de grens
access-both = Inwoners van België en Frankrijk
access-be = Inwoners van België
access-fr = Inwoners van Frankrijk
service-accessibility = Toegankelijkheid
service-eligibility = Voor wie
service-location = Ligging
service-map-label = Kaart met de ligging van de dienst
service-directions = Route plannen (OpenStreetMap)
service-view-osm = Bekijken op OpenStreetMap
service-verified-on = Laatst door een persoon gecontroleerd op { $date }.
service-not-verified = Nog niet door een persoon gecontroleerd; gegevens uit de bron hieronder.
service-source = Bron:
service-hours-source = Openingsuren:
service-report = Klopt er iets niet? Meld een probleem
service-hours = Openingsuren
hours-open-now = Nu open
hours-closed-now = Nu gesloten
hours-closes-at = · sluit om { $time }
hours-closes-on = · sluit { $day } om { $time }
hours-opens-at = · opent om { $time }
hours-opens-on = · opent { $day } om { $time }
hours-closed = Gesloten
hours-public-holiday = Feestdag
hours-caption = Openingsuren voor de komende zeven dagen
hours-timezone = Uren in Belgische en Franse tijd (Europe/Brussels). Op wettelijke feestdagen gesloten.
weekday-0 = maandag
weekday-1 = dinsdag
weekday-2 = woensdag
weekday-3 = donderdag
weekday-4 = vrijdag
weekday-5 = zaterdag
weekday-6 = zondag

## Report a problem
report-title = Een probleem melden of een dienst voorstellen
report-description = Meld een fout, een gesloten dienst of een dienst die ontbreekt. U hebt geen account nodig; een medewerker bekijkt elke melding.
report-intro = Een medewerker van de gemeente bekijkt elke melding voor er iets op de site verandert.
report-about-service = Uw melding gaat over deze dienst:
report-about-service-link = dienst bekijken
report-kind-label = Waarover gaat het?
report-kind-help = Kies één mogelijkheid.
report-kind-wrong = Gegevens kloppen niet
report-kind-closed = De dienst is gesloten of verhuisd
report-kind-missing = Er ontbreekt een dienst
report-kind-other = Iets anders
report-message-label = Uw bericht
report-message-help = Wat is er fout of wat ontbreekt? Tussen 10 en 2000 tekens.
report-email-label = Uw e-mailadres (niet verplicht)
report-email-help = Alleen als u een antwoord wilt. We gebruiken het voor niets anders.
report-honeypot-label = Laat dit veld leeg
report-privacy = We bewaren uw bericht en, als u het opgeeft, uw e-mailadres, alleen om de melding te behandelen.
report-submit = Melding versturen
report-sent = Bedankt. Uw melding is ontvangen; een medewerker bekijkt ze.
report-back-to-services = Terug naar de diensten
report-too-many = U hebt de voorbije minuten te veel meldingen verstuurd. Probeer het over tien minuten opnieuw.
report-invalid = De melding is niet verstuurd. Verbeter de aangeduide velden.
report-error-kind = Kies waarover uw melding gaat.
report-error-message = Schrijf een bericht van 10 tot 2000 tekens.
report-error-email = Dit e-mailadres is ongeldig. Laat het veld leeg of verbeter het.
report-error-service = Deze dienst bestaat niet (meer). Verwijder de verwijzing of meld een ontbrekende dienst.
home-shortcuts-heading = Diensten per soort
home-all-services = Alle diensten zoeken

## Projects (issue 9)
nav-projects = Projecten
projects-title = Projecten en pilootprojecten
projects-description = Grensoverschrijdende en intergemeentelijke samenwerkingsprojecten in de Frans-Belgische grensstreek: programma, partners, periode en budget.
projects-intro = Samenwerkingsprojecten die lokale besturen aan beide kanten van de grens aanbelangen. Filter op programma, thema, stand van zaken, jaar of land van de partners.
projects-count = { $count ->
    [one] 1 project gevonden.
   *[other] { $count } projecten gevonden.
}
projects-none = Geen project voldoet aan deze filters.
filters-clear = Alle filters wissen
filter-programme = Programma
filter-programme-all = Alle programma's
filter-theme = Thema
filter-theme-all = Alle thema's
filter-phase = Stand van zaken
filter-phase-all = Alle
filter-year = Actief in
filter-year-all = Alle jaren
filter-partner-country = Land van een partner
filter-municipality-all = Alle gemeenten
phase-planned = Gepland
phase-running = Lopend
phase-ended = Afgelopen
phase-undated = Zonder datum
project-status-completed = Afgerond
project-status-ongoing = Doorlopend
project-status-offered = Aanbod
project-status-practice = Goede praktijk
project-kind-interreg_project = Interreg-project
project-kind-cooperation_platform = Samenwerkingsplatform
project-kind-support_offer = Begeleidingsaanbod
project-kind-practice = Praktijkvoorbeeld
project-programme = Programma
project-portfolio = Projectenportefeuille
project-priority = Prioriteit
project-objective = Specifieke doelstelling
project-period = Periode
project-period-from-to = Van { $start } tot { $end }
project-period-from = Sinds { $start }
project-period-until = Tot { $end }
project-period-unknown = Geen periode vermeld
project-budget = Budget
project-budget-unknown = Geen budget vermeld
project-eu-cofinancing = Europese cofinanciering
project-website = Website
project-lead = Projectleider
project-themes = Thema's
project-partners = Partners
project-partners-none = Geen partners vermeld.
project-partners-country-unknown = Grensoverschrijdend of land niet vermeld
project-role-lead = projectleider
project-role-partner = partner
project-role-associated = geassocieerde partner
project-municipalities = Deelnemende gemeenten
project-municipalities-none = De bron noemt geen deelnemende gemeenten.
project-parent = Hoofdproject
project-pilots = Pilootprojecten
project-events = Bijeenkomsten
project-events-none = Geen bijeenkomsten vermeld.
project-source = Bron
project-source-note = Eigen samenvatting van een openbare webpagina; alleen de feiten die daar vermeld staan zijn overgenomen.
amount-eur = € { $amount }
month-1 = januari
month-2 = februari
month-3 = maart
month-4 = april
month-5 = mei
month-6 = juni
month-7 = juli
month-8 = augustus
month-9 = september
month-10 = oktober
month-11 = november
month-12 = december
error-field-programme = Kies een programma uit de lijst.
error-field-theme = Kies een thema uit de lijst.
error-field-phase = Kies een stand van zaken uit de lijst.
error-field-year = Kies een jaar uit de lijst.
date-long = { $day } { $month } { $year }

# Mayors: profile, compare, partners, clusters, observatory
nav-partners = Partners
nav-clusters = Samenwerking
nav-observatory = Observatorium
error-field-codes = Kies 2 tot 4 bestaande gemeenten om te vergelijken.
error-field-beyond = Geef een afstand tussen 1 en 200 km.
error-field-order = Kies een sortering uit de lijst.
error-field-across = Die keuze voor "alleen over de grens" is ongeldig.
error-field-within = Geef een afstand tussen 1 en 200 km.
error-field-size = Kies hoe belangrijk een gelijkaardige grootte is.
error-field-complement = Kies hoe belangrijk aanvullende diensten zijn.
error-field-kind = Kies een soort samenwerking uit de lijst.
profile-actions = Verder kijken
profile-compare-with = Vergelijk met
profile-compare = Vergelijken
profile-find-partners = Partners zoeken voor deze gemeente
profile-coverage = Diensten per soort en de dichtstbijzijnde aan elke kant
profile-coverage-help = Aantal: diensten van die soort die zeker in deze gemeente liggen. Afstanden in vogelvlucht vanaf het referentiepunt van de gemeente. Diensten zonder coördinaten of met een punt buiten hun eigen gemeente tellen niet mee voor afstanden.
profile-coverage-category = Soort dienst
profile-coverage-here = In de gemeente
profile-coverage-side = Dichtstbij in { $country }
profile-cooperation = Samenwerking
profile-clusters = Samenwerkingsverbanden
profile-clusters-none = Deze gemeente is in onze gegevens geen lid van een samenwerkingsverband.
profile-projects = Projecten
profile-projects-none = Geen enkel project in onze gegevens noemt deze gemeente.
profile-events = Bijeenkomsten in deze gemeente
profile-events-none = Geen bijeenkomsten in onze gegevens.
profile-municipality-uncertain = gemeente onzeker
compare-title = Gemeenten vergelijken
compare-description = Twee tot vier grensgemeenten naast elkaar: inwoners, afstand tot de grens, diensten, samenwerking en de afstand tussen hen.
compare-slot = Gemeente { $n }
compare-none = (geen)
compare-submit = Vergelijken
compare-help = Kies minstens twee gemeenten om ze te vergelijken.
compare-caption = Gemeenten naast elkaar
compare-clusters = Samenwerkingsverbanden
compare-no-clusters = geen
compare-services = Diensten in de gemeente (aantal) en de dichtstbijzijnde aan eender welke kant
compare-services-help = Stations waarvan de gemeente onzeker is, worden apart vermeld en niet meegeteld.
compare-nearest = dichtstbij: { $km }
compare-uncertain = (+{ $count } onzeker)
compare-distances = Afstand tussen de gemeenten
compare-shared-projects = Gedeelde projecten
compare-no-shared-projects = Geen project in onze gegevens noemt twee van deze gemeenten.
partners-title = Partners zoeken
partners-description = Mogelijke partnergemeenten, aan deze of aan de andere kant van de grens, gerangschikt met de redenen erbij.
partners-intro = Kies een gemeente en geef aan wat telt. De rangschikking telt nabijheid, de grens, grootte, aanvullende diensten, gedeelde samenwerking en een gemeenschappelijke taal op.
partners-municipality = Gemeente
partners-choose = Kies een gemeente
partners-across = Alleen over de grens
partners-within = Binnen (km)
partners-size = Gelijkaardige grootte
partners-complement = Aanvullende diensten
partners-level-0 = Speelt geen rol
partners-level-1 = Een beetje
partners-level-2 = Belangrijk
partners-level-3 = Heel belangrijk
partners-submit = Partners zoeken
partners-none-chosen = Kies een gemeente om mogelijke partners te zien.
partners-empty = Geen enkele gemeente voldoet aan deze keuzes. Verruim de afstand of schakel "alleen over de grens" uit.
partners-results = Mogelijke partners voor { $name } ({ $count } gevonden)
partners-method = Punten per reden: nabijheid tot { $near } (0 vanaf { $range } km), over de grens { $across }, gelijkaardige grootte tot { $size } per niveau, aanvullende diensten tot { $complement } per niveau, elk gedeeld samenwerkingsverband { $cluster }, elk gedeeld project { $project }, elk gemeenschappelijk thema { $theme }, een gemeenschappelijke bestuurstaal { $language }.
partners-score = Score { $score }
partners-reason-near = Op { $km } km
partners-reason-across = Aan de andere kant van de grens
partners-reason-size = Gelijkaardige grootte ({ $population } inwoners)
partners-reason-offers = Heeft wat hier ontbreekt: { $list }.
partners-reason-lacks = Mist wat hier is: { $list }.
partners-reason-clusters = Al samen in: { $list }
partners-reason-projects = Al samen in de projecten: { $list }
partners-reason-themes = Gemeenschappelijke thema's: { $list }
partners-reason-language = Gemeenschappelijke bestuurstaal: { $list }
partners-compare = Vergelijk beide gemeenten
clusters-title = Samenwerkingsverbanden
clusters-description = Intercommunales, de Eurometropool, burgemeestersconferenties en andere verbanden van gemeenten in de grensstreek.
clusters-intro = Verbanden waarin gemeenten van de grensstreek samenwerken, met hun leden.
clusters-filter-kind = Soort
clusters-filter-member = Met als lid
clusters-filter-all = Alle
clusters-filter-submit = Tonen
clusters-empty = Geen samenwerkingsverband voldoet aan deze keuzes.
clusters-count = { $count ->
    [one] 1 samenwerkingsverband
   *[other] { $count } samenwerkingsverbanden
}
clusters-members = { $count ->
    [one] 1 lid in onze gegevens
   *[other] { $count } leden in onze gegevens
}
cluster-members-none = Onze bronnen noemen de leden van dit verband niet.
cluster-member-population = { $population } inwoners
cluster-kind-epci = Intercommunale (EPCI, Frankrijk)
cluster-kind-eurometropolis = Eurometropool
cluster-kind-conference_of_mayors = Burgemeestersconferentie
cluster-kind-climate_cluster = Klimaatcluster
cluster-cost-share = Kosten per lid
cluster-programme = Programma:
cluster-cost-members = Aantal leden
cluster-cost-excl = Per lid, zonder btw
cluster-cost-vat = Btw ({ $rate } %)
cluster-cost-incl = Per lid, met btw
project-cost-share = Prijs gedeeld door de deelnemende gemeenten
project-cost-share-help = De prijs is zonder btw en wordt gelijk verdeeld; de btw (21 %) komt op elk aandeel.
project-cost-members = Deelnemende gemeenten
observatory-title = Observatorium van de dienstverlening over de grens
observatory-description = Per soort dienst en per gemeente: de dichtstbijzijnde aan de eigen kant en aan de andere kant van de grens, op de kaart en in een tabel.
observatory-intro = Waar brengt de grens oversteken een dienst dichterbij, en hoeveel kilometer? Berekend uit de actuele inventaris.
observatory-category = Soort dienst
observatory-category-option = { $category } (België { $be }, Frankrijk { $fr })
observatory-sort = Sorteren op
observatory-sort-gain = Winst over de grens
observatory-sort-nearest = Dichtstbij (eender welke kant)
observatory-sort-own = Dichtstbij aan de eigen kant
observatory-sort-other = Dichtstbij aan de andere kant
observatory-sort-name = Naam
observatory-beyond = Alleen gemeenten zonder zo'n dienst binnen (km)
observatory-beyond-help = Leeg laten om alle gemeenten te zien.
observatory-show = Tonen
observatory-side-missing = Soort „{ $category }”: de inventaris bevat er geen in { $country }. Afstanden aan die kant ontbreken door gebrek aan gegevens, niet door gebrek aan diensten.
observatory-gain-summary = Gemeenten waar de dichtstbijzijnde dienst van de soort „{ $category }” aan de andere kant van de grens ligt: { $count } van de { $total }.
observatory-map = Kaart: afstand tot de dichtstbijzijnde, eender welke kant
observatory-legend = Legende
observatory-legend-within = tot { $km } km
observatory-legend-between = { $from } tot { $km } km
observatory-legend-beyond = meer dan { $km } km
observatory-none = geen in de inventaris met een betrouwbare plaats
observatory-not-in-inventory = geen gegevens
observatory-table = Per gemeente: { $category }
observatory-csv = Tabel downloaden (CSV)
observatory-method = Afstanden in vogelvlucht vanaf het referentiepunt van elke gemeente. Diensten zonder coördinaten of met een punt buiten hun eigen gemeente tellen niet mee.
observatory-col-municipality = Gemeente
observatory-col-own = Eigen kant
observatory-col-other = Andere kant
observatory-col-gain = Winst over de grens
observatory-col-nearest = Dichtstbijzijnde
observatory-empty = Geen gemeente voldoet aan deze keuze.
observatory-reports = Meldingen van inwoners
observatory-reports-total = { $count ->
    [one] 1 melding in totaal.
   *[other] { $count } meldingen in totaal.
}
observatory-reports-privacy = Alleen aantallen: geen tekst, geen e-mailadressen.
observatory-reports-kind = Per soort
observatory-reports-status = Per stand
observatory-reports-municipality = Per gemeente (via de dienst)
report-status-new = Nieuw
report-status-accepted = Aanvaard
report-status-rejected = Afgewezen
# Agenda
nav-agenda = Agenda
agenda-title = Agenda
agenda-description = Bijeenkomsten van grensgemeenten en samenwerkingsverbanden: komende en voorbije vergaderingen, met plaats, agenda en inschrijving.
agenda-intro = Overleg van burgemeesters, kennisplatformen en burgerontmoetingen, met datum en uur in Belgische tijd, plaats, organisator, doelgroep en agenda.
agenda-download = Agenda downloaden (iCalendar, .ics)
agenda-download-help = Open het bestand in uw agenda-app; bijeenkomsten zonder vaste datum staan er niet in.
agenda-upcoming = Komende bijeenkomsten
agenda-upcoming-none = Er zijn geen komende bijeenkomsten met een datum.
agenda-past = Voorbije bijeenkomsten
agenda-past-none = Er zijn geen voorbije bijeenkomsten.
agenda-recurring = Terugkerend of zonder vaste datum
agenda-recurring-none = Er zijn geen terugkerende bijeenkomsten.
agenda-recurring-note = Terugkerende bijeenkomsten zonder datum staan niet in het agendabestand: een agenda-app heeft een begindatum nodig.
event-kind-consultation = Overleg
event-kind-knowledge_platform = Kennisplatform
event-kind-citizen_meeting = Burgerontmoeting
event-timing-upcoming = Gepland
event-timing-past = Voorbij
event-timing-recurring = Terugkerend
event-when = Datum en uur
event-date-time = { $date }, { $time }
event-date-time-range = { $date }, { $start }–{ $end }
event-date-time-span = { $start } tot { $end }
event-timezone = (Belgische tijd)
event-no-date = Geen vaste datum.
event-place = Plaats
event-place-unknown = De bron vermeldt geen vaste plaats.
event-organiser = Organisator
event-audience = Doelgroep
event-registration = Inschrijven
event-project = Project
event-agenda = Agenda
event-agenda-none = De bron vermeldt geen agenda.
event-speaker = door { $name }
event-map = Kaart
event-download = Toevoegen aan mijn agenda (.ics)
event-not-in-calendar = Deze bijeenkomst heeft geen vaste datum en kan daarom niet aan een agenda worden toegevoegd.
event-calendar-name = Grensdiensten – agenda

## Staff area (issue 10)
error-unauthorized = U bent niet (meer) aangemeld. Meld u aan en probeer opnieuw.
error-forbidden = Uw account mag dit niet doen.
error-conflict = Iemand anders heeft dit gegeven intussen gewijzigd. Er werd niets overschreven.
error-busy = De server is nu te druk voor deze aanvraag. Er werd niets gewijzigd; probeer het over een minuut opnieuw.
staff-description = Beheer van de dienstengids: alleen voor medewerkers.
staff-nav-label = Beheer
staff-nav-home = Overzicht
staff-nav-services = Diensten
staff-nav-reports = Meldingen
staff-nav-data = Import en export
staff-nav-users = Gebruikers
staff-sign-out = Afmelden
staff-sign-out-everywhere = Overal afmelden
staff-sign-in-title = Aanmelden voor medewerkers
staff-sign-in-intro = Medewerkers van de gemeenten houden hier de dienstengids bij. Inwoners hebben geen account nodig.
staff-sign-in-failed = Het e-mailadres of het wachtwoord is niet juist.
staff-sign-in-busy = Er worden nu te veel aanmeldingen tegelijk gecontroleerd. Er werd niets gecontroleerd; probeer het over een minuut opnieuw.
staff-sign-in-too-many = Te veel aanmeldpogingen. Probeer het over { $minutes ->
    [one] { $minutes } minuut
   *[other] { $minutes } minuten
} opnieuw.
staff-signed-out = U bent afgemeld.
staff-email-label = E-mailadres
staff-password-label = Wachtwoord
staff-sign-in-submit = Aanmelden
staff-home-title = Beheer
staff-scope-all = U bent beheerder: u mag alle gegevens bewerken.
staff-scope-municipalities = U bewerkt de diensten van deze gemeenten: { $codes }.
staff-service-new = Nieuwe dienst
staff-services-title = Diensten beheren
staff-service-edit = Dienst bewerken
staff-services-count = { $count ->
    [one] { $count } dienst
   *[other] { $count } diensten
}
staff-filters-label = Diensten filteren
staff-filter-q = Naam bevat
staff-filter-any = Alle
staff-filter-overdue = Niet gecontroleerd sinds
staff-filter-overdue-months = meer dan { $months } maanden
staff-filter-untranslated = Alleen met ontbrekende vertaling
staff-filter-submit = Filteren
staff-status-label = Status
staff-status-draft = Ontwerp
staff-status-published = Gepubliceerd
staff-status-archived = Gearchiveerd
staff-municipality-label = Gemeente
staff-category-label = Soort dienst
staff-verified-label = Laatst gecontroleerd
staff-never-verified = nooit
staff-overdue = controle nodig
staff-missing-translation = vertaling ontbreekt
staff-history-link = Geschiedenis
staff-public-link = Bekijken zoals inwoners
staff-history-title = Geschiedenis
staff-history-empty = Nog geen wijzigingen geregistreerd.
staff-history-field = Veld
staff-history-before = Voor
staff-history-after = Na
staff-back-to-form = Terug naar de dienst
staff-machine-translated = machinaal vertaald
staff-hours-raw-help = In OpenStreetMap-opmaak, bv. Mo-Fr 09:00-12:00,13:30-17:00; Sa 09:00-12:00; PH off
staff-field-name = Naam
staff-field-description = Beschrijving
staff-field-accessibility = Toegankelijkheid
staff-field-address = Adres
staff-field-lat = Breedtegraad
staff-field-lon = Lengtegraad
staff-field-phone = Telefoonnummers
staff-help-phone = Eén nummer per regel, het hoofdnummer eerst (ten hoogste 5).
staff-field-email = E-mailadres
staff-field-website = Website
staff-field-languages = Gesproken talen
staff-field-opening_hours = Openingsuren
staff-field-access = Toegang over de grens
staff-field-access_who = Wie mag de dienst gebruiken?
staff-field-access_note = Toelichting
staff-access-unknown = Niet bekend
staff-access-BE = Inwoners van België
staff-access-FR = Inwoners van Frankrijk
staff-access-both = Inwoners van beide landen
staff-action-save = Opslaan
staff-action-verify = Opslaan en vandaag gecontroleerd
staff-action-publish = Publiceren
staff-action-unpublish = Terug naar ontwerp
staff-action-archive = Archiveren
staff-action-restore = Terugzetten als ontwerp
staff-archived-admins-only = Dit gegeven is gearchiveerd. Alleen een beheerder kan het terugzetten als ontwerp; tot dan kan het niet worden gewijzigd.
staff-done-save = De wijzigingen zijn opgeslagen.
staff-done-verify = Opgeslagen en gemarkeerd als vandaag gecontroleerd.
staff-done-publish = De dienst is gepubliceerd en staat nu in de zoekresultaten.
staff-done-unpublish = De dienst is teruggezet naar ontwerp en is niet meer openbaar.
staff-done-archive = De dienst is gearchiveerd en is niet meer openbaar.
staff-done-restore = De dienst is teruggezet als ontwerp.
staff-audit-create = Aangemaakt
staff-audit-save = Gewijzigd
staff-audit-verify = Gecontroleerd
staff-audit-publish = Gepubliceerd
staff-audit-unpublish = Teruggezet naar ontwerp
staff-audit-archive = Gearchiveerd
staff-audit-restore = Teruggezet
staff-audit-import = Geïmporteerd
staff-audit-review = Beoordeeld
staff-audit-info = Meer informatie gevraagd
staff-audit-accept = Aanvaard
staff-audit-decline = Afgewezen
staff-audit-registration-settings = Inschrijving ingesteld
staff-audit-attendance = Aanwezigheid genoteerd
staff-error-invalid = Niet opgeslagen: verbeter de aangeduide velden.
staff-error-stale = Niet opgeslagen: iemand anders heeft deze dienst intussen gewijzigd. Hieronder staat de nieuwste versie; breng uw wijzigingen opnieuw aan.
staff-error-field-name_nl = Geef een naam in het Nederlands of het Frans (hoogstens 200 tekens). Om te publiceren zijn beide nodig.
staff-error-field-name_fr = Geef de Franse naam (hoogstens 200 tekens). Om te publiceren zijn beide talen nodig.
staff-error-field-description_nl = Geef de Nederlandse beschrijving (hoogstens 2000 tekens). Om te publiceren zijn beide talen nodig.
staff-error-field-description_fr = Geef de Franse beschrijving (hoogstens 2000 tekens). Om te publiceren zijn beide talen nodig.
staff-error-field-accessibility_nl = De toegankelijkheid mag hoogstens 2000 tekens lang zijn.
staff-error-field-accessibility_fr = De toegankelijkheid mag hoogstens 2000 tekens lang zijn.
staff-error-field-category = Kies een soort dienst uit de lijst.
staff-error-field-municipality = Kies een gemeente uit de lijst (een gemeente die u mag bewerken).
staff-error-field-address = Het adres mag hoogstens 300 tekens lang zijn.
staff-error-field-lat = Geef een breedtegraad tussen 49 en 51,6 (samen met de lengtegraad), of laat beide leeg.
staff-error-field-lon = Geef een lengtegraad tussen 1,5 en 6,5 (samen met de breedtegraad), of laat beide leeg.
staff-error-field-phone = Geef ten hoogste 5 telefoonnummers, één per regel, elk met 6 tot 20 cijfers (alleen cijfers, spaties en + ( ) . / -).
staff-error-field-email = Geef een geldig e-mailadres, bv. info@gemeente.be.
staff-error-field-website = Geef een webadres dat begint met https:// of http://.
staff-error-field-opening_hours = Deze openingsuren kunnen we niet lezen. Gebruik de OpenStreetMap-opmaak, bv. Mo-Fr 09:00-17:00.
staff-error-field-access_who = Kies wie de dienst mag gebruiken.
staff-error-field-access_note = Een toelichting is nodig in beide talen, en alleen als u kiest wie de dienst mag gebruiken.
staff-error-field-action = Deze actie is niet mogelijk.
error-field-status = Kies een status uit de lijst.
error-field-overdue = Kies een aantal maanden uit de lijst.
error-field-untranslated = Die keuze voor "ontbrekende vertaling" is ongeldig.
error-field-action = Deze actie is niet mogelijk.
error-field-password = Een wachtwoord telt 12 tot 128 tekens.
error-field-role = Kies de rol beheerder of redacteur.
error-field-email = Geef een geldig e-mailadres.
error-field-municipalities = Een redacteur heeft minstens één bestaande gemeente nodig.
## Staff: opening hours and location
staff-hours-legend = Openingsuren
staff-hours-help = Vul per dag de openingsuren in, bijvoorbeeld 09:00-12:00, 13:30-17:00 (periodes gescheiden door een komma). Laat het veld leeg als de dienst die dag gesloten is.
staff-hours-day-mo = Maandag
staff-hours-day-tu = Dinsdag
staff-hours-day-we = Woensdag
staff-hours-day-th = Donderdag
staff-hours-day-fr = Vrijdag
staff-hours-day-sa = Zaterdag
staff-hours-day-su = Zondag
staff-hours-holidays-closed = Gesloten op wettelijke feestdagen
staff-hours-exceptions = Uitzonderingen: sluitingsdagen en aangepaste uren
staff-hours-exceptions-help = Een datum zonder uren betekent: de hele dag gesloten. Een uitzondering gaat voor op de weekuren en op de feestdagen. Lege rijen worden genegeerd.
staff-hours-exception = Uitzondering { $n }
staff-hours-exception-date = Datum
staff-hours-exception-hours = Uren (leeg: gesloten)
staff-hours-error-day = Deze uren kloppen niet. Schrijf periodes als 09:00-12:00, gescheiden door een komma; elke periode eindigt na haar begin (ten laatste om 24:00) en de periodes overlappen niet.
staff-hours-error-exception-hours = Deze uren kloppen niet. Schrijf periodes als 09:00-12:00, gescheiden door een komma, of laat het veld leeg voor een sluitingsdag; elke periode eindigt na haar begin en de periodes overlappen niet.
staff-hours-error-date = Kies een geldige datum tussen 2000 en 2099. Elke datum mag maar één keer voorkomen.
staff-location-legend = Ligging
staff-location-help = Breedtegraad en lengtegraad in decimale graden met vijf cijfers na de punt, bijvoorbeeld 50.82803 en 3.26487. Het grensgebied ligt tussen breedtegraad 49 en 51,6 en tussen lengtegraad 1,5 en 6,5.
staff-location-lat = Breedtegraad
staff-location-lon = Lengtegraad
staff-location-error-lat = Geef een breedtegraad tussen 49 en 51,6 (het grensgebied), of laat beide velden leeg.
staff-location-error-lon = Geef een lengtegraad tussen 1,5 en 6,5 (het grensgebied), of laat beide velden leeg.
staff-location-use-centre = Centrum van de gemeente gebruiken
staff-location-map-hint = Klik op de kaart of sleep de markering om de ligging te kiezen: de velden worden dan ingevuld. Met het toetsenbord typt u de coördinaten, of verplaatst u de markering met de pijltjestoetsen.
staff-location-map-label = Kaart om de ligging van de dienst te kiezen
staff-location-marker = Ligging van de dienst. Pijltjestoetsen: verplaatsen.
staff-location-keys = Pijltjestoetsen: kaart verschuiven. Enter: markering in het midden van de kaart plaatsen.
staff-location-set = Ligging ingesteld:
report-follow-intro = U kunt de behandeling van uw melding volgen via een persoonlijke link. Bewaar ze: wie de link heeft, ziet de melding.
report-follow-link = Mijn melding volgen
report-follow-title = Uw melding
report-follow-description = De stand van een melding over de dienstengids.
report-follow-status = Stand
report-follow-sent-on = Verstuurd op
report-follow-reviewed-on = Behandeld op
report-follow-reason = Reden
report-status-duplicate = Dubbel
staff-reports-title = Meldingen van inwoners
staff-reports-new = { $count ->
    [one] { $count } nieuwe melding
   *[other] { $count } nieuwe meldingen
}
staff-reports-empty = Geen meldingen met deze status.
staff-report-number = Nummer
staff-report-received = Ontvangen
staff-report-service = Dienst
staff-report-language = Taal
staff-report-email = E-mailadres van de inwoner
staff-report-reviewed-by = Behandeld door
staff-report-accept-edit = Aanvaarden en de dienst bewerken
staff-report-accept-new = Aanvaarden en een nieuwe dienst opstellen
staff-report-reason = Reden van afwijzing (de inwoner ziet ze)
staff-report-reject = Afwijzen
staff-report-duplicate-of = Dubbel van melding (nummer, niet verplicht)
staff-report-duplicate = Markeren als dubbel
staff-report-rejected = De melding is afgewezen.
staff-report-marked-duplicate = De melding is gemarkeerd als dubbel.
staff-report-accepted-edit = De melding is aanvaard. Breng de wijziging hieronder aan.
staff-report-accepted-new = De melding is aanvaard. Het bericht van de inwoner staat al in de beschrijving van dit ontwerp.
staff-report-reason-required = Geef een reden (hoogstens 2000 tekens): de inwoner ziet ze.
staff-report-duplicate-unknown = Die melding bestaat niet. Geef het nummer van een andere melding, of laat het veld leeg.
staff-users-title = Gebruikers
staff-role-label = Rol
staff-role-admin = Beheerder (alles)
staff-role-editor = Redacteur (diensten van eigen gemeenten)
staff-account-new = Nieuwe gebruiker
staff-account-municipalities = Gemeenten (codes)
staff-account-municipalities-help = NIS- of INSEE-codes, gescheiden door komma's, bv. 33011, 59350. Nodig voor een redacteur.
staff-account-password = Wachtwoord
staff-account-password-help = 12 tot 128 tekens. Geef het veilig door; de gebruiker kan het later niet zelf wijzigen, een beheerder wel.
staff-account-create = Gebruiker aanmaken
staff-account-inactive = uitgeschakeld
staff-account-active = Mag aanmelden
staff-account-new-password = Nieuw wachtwoord
staff-account-set-password = Wachtwoord instellen
staff-account-created = De gebruiker is aangemaakt.
staff-account-updated = De gebruiker is bijgewerkt; zijn sessies zijn beëindigd.
staff-account-password-set = Het wachtwoord is ingesteld; alle sessies van deze gebruiker zijn beëindigd.
staff-account-error-email = Geef een geldig e-mailadres.
staff-account-error-role = Kies een rol. U kunt uw eigen beheerdersrol niet afnemen of uzelf uitschakelen.
staff-account-error-municipalities = Een redacteur heeft minstens één bestaande gemeentecode nodig.
staff-account-error-password = Een wachtwoord telt 12 tot 128 tekens.
staff-account-error-action = Deze actie is niet mogelijk.
staff-account-error-taken = Er bestaat al een gebruiker met dit e-mailadres.
staff-overview-drafts = { $count ->
    [one] { $count } dienst in ontwerp
   *[other] { $count } diensten in ontwerp
}
staff-overview-overdue = { $count ->
    [one] { $count } gepubliceerde dienst meer dan 12 maanden niet gecontroleerd
   *[other] { $count } gepubliceerde diensten meer dan 12 maanden niet gecontroleerd
}
staff-overview-untranslated = { $count ->
    [one] { $count } dienst met een ontbrekende vertaling
   *[other] { $count } diensten met een ontbrekende vertaling
}
staff-footer-link = Aanmelden voor medewerkers

## Staff: projects, clusters and events

staff-coop-nav-project = Projecten
staff-coop-nav-event = Agenda
staff-coop-nav-cluster = Samenwerkingsverbanden
staff-coop-project-title = Projecten beheren
staff-coop-project-new = Nieuw project
staff-coop-project-edit = Project bewerken
staff-coop-event-title = Agenda beheren
staff-coop-event-new = Nieuwe bijeenkomst
staff-coop-event-edit = Bijeenkomst bewerken
staff-coop-cluster-title = Samenwerkingsverbanden beheren
staff-coop-cluster-new = Nieuw samenwerkingsverband
staff-coop-cluster-edit = Samenwerkingsverband bewerken
staff-coop-count = { $count ->
    [one] { $count } record
   *[other] { $count } records
}
staff-coop-back-to-form = Terug naar het formulier
staff-coop-no-project = Geen project
staff-coop-filters-label = Lijst filteren
staff-coop-field-name = Naam
staff-coop-field-title = Titel
staff-coop-field-summary = Samenvatting
staff-coop-field-description = Beschrijving
staff-coop-field-programme = Programma
staff-coop-field-themes = Thema's
staff-coop-field-budget_eur = Budget (euro)
staff-coop-field-budget_note = Toelichting bij het budget
staff-coop-field-period_start = Begindatum
staff-coop-field-period_end = Einddatum
staff-coop-field-status = Stand volgens de bron
staff-coop-field-kind = Soort
staff-coop-field-website = Website
staff-coop-field-municipalities = Deelnemende gemeenten
staff-coop-field-members = Leden (gemeenten)
staff-coop-field-starts_at = Begin (Brusselse tijd)
staff-coop-field-ends_at = Einde (Brusselse tijd)
staff-coop-field-recurrence = Hoe vaak (zonder vaste datum)
staff-coop-field-place_name = Plaats
staff-coop-field-place_address = Adres van de plaats
staff-coop-field-place_municipality = Gemeente van de plaats (code)
staff-coop-field-audience = Voor wie
staff-coop-field-registration = Inschrijven
staff-coop-field-project = Project
staff-coop-field-agenda = Agendapunten
staff-coop-field-partners = Partners
staff-coop-partner-none = Geen partner
staff-coop-field-priority = Prioriteit van het programma
staff-coop-field-specific_objective = Specifieke doelstelling
staff-coop-field-portfolio = Portefeuille
staff-coop-field-parent = Hoofdproject (voor een pilootproject)
staff-coop-field-lead_partner = Hoofdpartner
staff-coop-field-eu_cofinancing_eur = Europese cofinanciering (euro)
staff-coop-field-duration_note = Toelichting bij de looptijd
staff-coop-field-organiser = Organisator
staff-coop-no-organization = Geen organisatie
staff-coop-help-themes = Eén thema per regel: Nederlands | Frans, bv. Klimaat | Climat.
staff-coop-help-agenda = Eén punt per regel: Nederlands | Frans, eventueel | spreker.
staff-coop-help-municipalities = Gemeentecodes (NIS of INSEE), gescheiden door komma's, bv. 33011, 59350.
staff-coop-help-members = Gemeentecodes (NIS of INSEE), gescheiden door komma's, bv. 33011, 59350.
staff-coop-help-place_municipality = Eén gemeentecode (NIS of INSEE), bv. 33011.
staff-coop-help-starts_at = Datum en uur in Brusselse tijd.
staff-coop-help-ends_at = Datum en uur in Brusselse tijd; niet vóór het begin.
staff-coop-error-required = Vul deze tekst in (hoogstens 300 tekens, 6000 voor een samenvatting of beschrijving). Om te publiceren zijn beide talen nodig.
staff-coop-error-pair = Vul deze tekst in beide talen in, of laat beide leeg (hoogstens 300 tekens).
staff-coop-error-lines = Schrijf één regel per item: Nederlands | Frans, beide ingevuld (hoogstens 50 regels).
staff-coop-error-agenda = Schrijf één regel per punt: Nederlands | Frans, eventueel | spreker (hoogstens 50 regels).
staff-coop-error-text = Deze tekst mag hoogstens 300 tekens lang zijn.
staff-coop-error-place = Een plaats heeft een naam en een adres (elk hoogstens 300 tekens).
staff-coop-error-euro = Geef een bedrag in euro, bv. 12500 of 12 500,50.
staff-coop-error-date = Geef een geldige datum tussen 1990 en 2100.
staff-coop-error-period_end = Geef een geldige einddatum, niet vóór de begindatum.
staff-coop-error-starts_at = Geef een geldig begin (datum en uur in Brusselse tijd), ook als u een einde opgeeft.
staff-coop-error-ends_at = Geef een geldig einde (datum en uur in Brusselse tijd), niet vóór het begin.
staff-coop-error-choice = Kies een waarde uit de lijst.
staff-coop-error-codes = Geef bestaande gemeentecodes, gescheiden door komma's.
staff-coop-error-place_municipality = Geef één bestaande gemeentecode, en ook een plaats en een adres.
staff-coop-error-stale = Niet opgeslagen: iemand anders heeft dit record intussen gewijzigd. Hieronder staat de nieuwste versie; breng uw wijzigingen opnieuw aan.
staff-coop-done-save = De wijzigingen zijn opgeslagen.
staff-coop-done-publish = Gepubliceerd: inwoners zien het nu op de openbare pagina's.
staff-coop-done-unpublish = Teruggezet naar ontwerp: niet meer openbaar.
staff-coop-done-archive = Gearchiveerd: niet meer openbaar.
staff-coop-done-restore = Teruggezet als ontwerp.
staff-coop-error-summary = { $field }: { $message }
## Staff: import and export
staff-data-title = Import en export
staff-data-intro = Laad diensten in uit een CSV- of JSON-bestand, of download alle gegevens. Een import wordt eerst gecontroleerd zonder iets op te slaan; pas als u hem daarna bevestigt, wordt hij opgeslagen, in zijn geheel of helemaal niet.
staff-data-import-heading = Diensten importeren
staff-data-file = Bestand (CSV of JSON, hoogstens 20 MB)
staff-data-file-help = CSV: de kolommen van services_seed.csv (country, category, name_fr, name_nl, municipality_code, address, lat, lon, phone, email, website, opening_hours, source), eventueel ook id, status, description_nl, description_fr en languages. JSON: het formaat van de export (services.json). Een record met het id van een bestaande dienst werkt die dienst bij; de andere worden nieuwe diensten, als ontwerp tenzij hun status iets anders zegt.
staff-data-check = Controleren (er wordt nog niets opgeslagen)
staff-data-progress-upload = Het bestand wordt verzonden…
staff-data-progress-check = Het bestand is verzonden; de records worden gecontroleerd. Bij grote bestanden duurt dat even.
staff-data-progress-commit = De diensten worden opgeslagen. Bij grote bestanden duurt dat even.
staff-data-report-heading = Controle van { $name }
staff-data-report-dry-run = { $rows ->
    [one] { $rows } record gelezen.
   *[other] { $rows } records gelezen.
} Nieuw: { $created }. Bijgewerkt: { $updated }. Ongewijzigd: { $unchanged }. Met fouten: { $errors }. Er is nog niets opgeslagen.
staff-data-report-done = De import is opgeslagen. Nieuw: { $created }. Bijgewerkt: { $updated }. Ongewijzigd: { $unchanged }. Elke wijziging staat in de geschiedenis van de dienst.
staff-data-report-has-errors = Er kan niets geïmporteerd worden zolang het bestand fouten bevat. Verbeter de regels hieronder en laad het bestand opnieuw op.
staff-data-errors-label = Fouten per regel
staff-data-line = Regel
staff-data-problem = Wat er niet klopt
staff-data-whole-file = Het hele bestand
staff-data-errors-more = { $count ->
    [one] Nog { $count } record met fouten staat niet in deze lijst.
   *[other] Nog { $count } records met fouten staan niet in deze lijst.
}
staff-data-nothing-to-do = Dit bestand verandert niets: alle diensten zijn al zo opgeslagen.
staff-data-commit = { $count ->
    [one] { $count } dienst importeren
   *[other] { $count } diensten importeren
}
staff-data-committed = De import is opgeslagen.
staff-data-export-heading = Exporteren
staff-data-export-intro = Alle gegevens, ook ontwerpen en gearchiveerde diensten. services.json en services.csv kunnen opnieuw geïmporteerd worden, bijvoorbeeld als reservekopie.
staff-data-export-services-json = alle diensten, in het formaat van de import (JSON)
staff-data-export-services-csv = alle diensten als tabel, met de kolommen van de import (CSV)
staff-data-export-services-geojson = de diensten met een ligging, als kaartlaag (GeoJSON)
staff-data-export-municipalities-json = de gemeenten (JSON)
staff-data-export-clusters-json = de samenwerkingsverbanden en hun leden (JSON)
staff-data-export-projects-json = de projecten (JSON)
staff-data-export-events-json = de agenda (JSON)
staff-data-export-practices-json = de goede praktijken (JSON)
staff-data-export-contacts-json = de contacten van de gemeenten (JSON)
staff-data-error-empty = Kies een bestand om te importeren.
staff-data-error-format = Alleen CSV-bestanden (.csv) en JSON-bestanden (.json) kunnen geïmporteerd worden.
staff-data-error-expired = Deze controle is niet meer beschikbaar: ze werd al geïmporteerd, of ze is ouder dan een uur. Laad het bestand opnieuw op.
staff-data-error-changed = Er werd niets geïmporteerd: de gegevens zijn sinds de controle veranderd en het bestand bevat nu fouten. Verbeter ze en laad het bestand opnieuw op.
staff-data-error-stale = Er werd niets geïmporteerd: iemand heeft intussen een van deze diensten gewijzigd. Bevestig opnieuw: de import wordt dan opnieuw gecontroleerd.
staff-data-error-file = Dit bestand kunnen we niet lezen. Een CSV-bestand is in UTF-8 met komma's; een JSON-bestand is een lijst van diensten of de export (services.json).
staff-data-error-columns = De kolommen kloppen niet: elke kolom is een van de kolommen van de import, en komt één keer voor; category, municipality_code en name_nl of name_fr zijn nodig.
staff-data-error-record = Dit record heeft niet de vorm van een dienst: een verkeerd aantal kolommen, of een JSON-record zonder name, category, municipality_code, country of status.
staff-data-error-id = Een id bestaat uit kleine letters, cijfers en koppeltekens (hoogstens 80 tekens).
staff-data-error-duplicate = Deze dienst staat al eerder in het bestand (hetzelfde id).
staff-data-error-status = De status is draft (ontwerp), published (gepubliceerd) of archived (gearchiveerd).
staff-data-error-assured_date = De datum van de laatste controle (assured_date) is geen geldige datum, bv. 2025-01-31T00:00:00Z.
staff-data-error-country = Het land (country) past niet bij de gemeente.
staff-data-error-languages = De talen (languages) zijn codes uit nl, fr, de en en, gescheiden door |.

## Taking part (issue 23): e-mail
mail-footer = U ontvangt dit bericht van Grensdiensten omdat uw e-mailadres werd opgegeven op de site. Antwoorden op dit bericht worden niet gelezen.
mail-link-label = Uw pagina:
mail-subject-registered = Inschrijving bevestigd: { $event }
mail-body-registered =
    Beste { $name },

    U bent ingeschreven voor { $event } ({ $when }). Er is een plaats voor u.

    Via de link hieronder bekijkt, wijzigt of annuleert u uw inschrijving, en downloadt of wist u uw gegevens. Bewaar deze e-mail: de link is de enige sleutel.
mail-subject-already-registered = U bent al ingeschreven: { $event }
mail-body-already-registered =
    Beste { $name },

    Iemand, misschien uzelf, heeft dit e-mailadres opnieuw ingeschreven voor { $event } ({ $when }). U was al ingeschreven; er is niets veranderd.

    Via de link hieronder bekijkt, wijzigt of annuleert u uw inschrijving. Hebt u dit niet gedaan, dan hoeft u niets te doen.
mail-subject-waiting = Op de wachtlijst: { $event }
mail-body-waiting =
    Beste { $name },

    Alle plaatsen voor { $event } ({ $when }) zijn ingenomen. U staat op de wachtlijst, op plaats { $place }. Komt er een plaats vrij, dan krijgt u die automatisch en sturen we u een e-mail.

    Via de link hieronder bekijkt, wijzigt of annuleert u uw inschrijving.
mail-subject-registration-changed = Inschrijving gewijzigd: { $event }
mail-body-registration-changed =
    Beste { $name },

    Uw inschrijving voor { $event } ({ $when }) werd gewijzigd. Was u dat niet? Open dan de link hieronder en controleer uw gegevens.
mail-subject-registration-cancelled = Inschrijving geannuleerd: { $event }
mail-body-registration-cancelled =
    Beste { $name },

    Uw inschrijving voor { $event } ({ $when }) werd geannuleerd. Uw plaats gaat naar de eerste op de wachtlijst.
mail-subject-promoted = Er is een plaats voor u: { $event }
mail-body-promoted =
    Beste { $name },

    Er kwam een plaats vrij voor { $event } ({ $when }). U stond op de wachtlijst en bent nu ingeschreven.

    Kunt u toch niet komen? Annuleer dan via de link hieronder, zodat de volgende op de wachtlijst uw plaats krijgt.
mail-subject-report-reviewed = Uw melding werd behandeld
mail-body-report-reviewed =
    Goedendag,

    Een medewerker heeft uw melding van { $date } behandeld. Nieuwe status: { $status }.

    { $reason }

    U kunt de melding verder volgen via de link die u kreeg toen u ze verstuurde.

## Taking part: registration for meetings
registration-question-organisation = Organisatie
registration-question-municipality = Gemeente
registration-question-role = U bent
registration-role-mayor = burgemeester of schepen
registration-role-staff = gemeentepersoneel
registration-role-resident = inwoner
registration-role-other = iets anders
registration-standing-confirmed = ingeschreven
registration-standing-waiting = op de wachtlijst
registration-standing-cancelled = geannuleerd
registration-error-name = Vul uw naam in (ten hoogste 120 tekens).
registration-error-email = Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.be.
registration-error-organisation = De naam van de organisatie is te lang (ten hoogste 160 tekens).
registration-error-municipality = Kies een gemeente uit de lijst.
registration-error-role = Kies wat u bent.
registration-error-language = Kies de taal waarin u deelneemt.
registration-error-consent = Vink aan dat u akkoord gaat, anders kunnen we u niet inschrijven.
registration-no-date = datum volgt
registration-title = Inschrijven: { $event }
registration-description = Schrijf u in voor deze bijeenkomst. U krijgt een persoonlijke link om uw inschrijving te bekijken, te wijzigen of te annuleren.
registration-heading = Inschrijven
registration-go = Schrijf u in
registration-open = De inschrijving is open.
registration-seats-left = { $count ->
    [one] Er is nog 1 plaats vrij.
   *[other] Er zijn nog { $count } plaatsen vrij.
}
registration-full = Alle plaatsen zijn ingenomen. Wie zich nu inschrijft, komt op de wachtlijst en krijgt automatisch een plaats als er een vrijkomt.
registration-closed = De inschrijving is afgesloten: de uiterste datum is voorbij of de bijeenkomst is begonnen.
registration-off = Voor deze bijeenkomst kunt u zich hier niet inschrijven.
registration-deadline = Uiterlijk { $date } om { $time } (Belgische tijd).
registration-too-many = Er kwamen te veel inschrijvingen vanaf dit adres. Probeer het over tien minuten opnieuw.
registration-already = Met dit e-mailadres bent u al ingeschreven voor deze bijeenkomst. Gebruik de link uit uw bevestiging om uw inschrijving te wijzigen.
registration-invalid = Niet alle velden zijn goed ingevuld. Verbeter de velden die hieronder zijn aangeduid.
registration-sent = Bedankt. We hebben een e-mail gestuurd naar het adres dat u opgaf, met de link naar uw inschrijving. Geen e-mail binnen enkele minuten? Kijk dan ook bij uw ongewenste e-mail.
registration-meeting-languages = Talen van de bijeenkomst:
registration-submit = Inschrijven
registration-mail-on = U krijgt een bevestiging per e-mail, met een persoonlijke link.
registration-mail-off = Deze site verstuurt geen e-mail. Na het inschrijven krijgt u een persoonlijke pagina: bewaar de link (bladwijzer), want het is de enige manier om uw inschrijving te wijzigen of te annuleren.
registration-name-label = Naam
registration-email-label = E-mailadres
registration-email-help = Alleen voor deze bijeenkomst: de bevestiging, wijzigingen en een eventuele plaats van de wachtlijst.
registration-municipality-none = (geen of een andere gemeente)
registration-language-label = Taal waarin u deelneemt
registration-consent = Ik ga akkoord dat mijn gegevens worden bewaard om deze bijeenkomst te organiseren.
registration-consent-help = Wie ze ziet en hoe lang we ze bewaren, leest u in de
registration-own-title = Uw inschrijving
registration-own-description = Uw inschrijving voor een bijeenkomst bekijken, wijzigen, annuleren, downloaden of wissen.
registration-waiting-position = op de wachtlijst, plaats { $place }
registration-received = U bent ingeschreven.
registration-received-waiting = Alle plaatsen zijn ingenomen: u staat op de wachtlijst.
registration-letter-sent = We hebben een bevestiging gestuurd naar { $email }, met de link naar deze pagina.
registration-keep-link = Deze site verstuurt geen e-mail: bewaar de link van deze pagina (bladwijzer). Het is de enige manier om uw inschrijving later te wijzigen of te annuleren.
registration-changed = Uw inschrijving is gewijzigd.
registration-cancelled = Uw inschrijving is geannuleerd.
registration-deleted = Uw inschrijving en uw gegevens zijn gewist.
registration-meeting = Bijeenkomst
registration-when = Wanneer
registration-standing = Stand
registration-registered-on = Ingeschreven op
registration-change-title = Uw gegevens wijzigen
registration-change-submit = Wijzigingen bewaren
registration-cancel-title = Annuleren
registration-cancel-help = U kunt toch niet komen? Annuleer, dan krijgt de eerste op de wachtlijst uw plaats.
registration-cancel-submit = Inschrijving annuleren
registration-data-title = Uw gegevens
registration-download = Uw gegevens downloaden (JSON)
registration-delete-help = Wissen verwijdert uw inschrijving en al uw gegevens meteen en voorgoed; een plaats gaat naar de wachtlijst.
registration-delete-submit = Mijn inschrijving en gegevens wissen

## Taking part: staff
staff-registrations-title = Inschrijvingen
staff-registrations-link = Inschrijvingen beheren
staff-registrations-saved = De instellingen van de inschrijving zijn bewaard.
staff-registrations-attendance-saved = De aanwezigheid is bewaard.
staff-registrations-unknown = niet gevraagd
staff-registrations-settings = Instellingen
staff-registrations-open = Inschrijving open
staff-registrations-deadline = Uiterste datum en uur (Belgische tijd)
staff-registrations-deadline-help = Leeg: tot de bijeenkomst begint.
staff-registrations-deadline-error = Dit tijdstip bestaat niet in Brussel (de overgang naar zomertijd) of is onleesbaar.
staff-registrations-capacity = Aantal plaatsen
staff-registrations-capacity-help = Leeg: geen grens. Wie zich inschrijft als alle plaatsen bezet zijn, komt op de wachtlijst.
staff-registrations-capacity-error = Geef een geheel getal van 1 tot 100 000.
staff-registrations-questions = Gestelde vragen (naast naam en e-mailadres)
staff-registrations-languages = Talen van de bijeenkomst
staff-registrations-languages-error = Kies minstens één taal.
staff-registrations-save = Bewaren
staff-registrations-counts = Tellingen (ingeschreven)
staff-registrations-totals = { $confirmed } ingeschreven, { $waiting } op de wachtlijst.
staff-registrations-by-role = Per rol
staff-registrations-by-country = Per land
staff-registrations-csv = Lijst downloaden (CSV)
staff-registrations-list = Lijst
staff-registrations-empty = Nog geen inschrijvingen.
staff-registrations-attendance = Aanwezigheid
staff-registrations-attended = Aanwezig
report-mail-on = Laat u een e-mailadres achter, dan krijgt u een e-mail zodra een medewerker uw melding heeft behandeld.
report-mail-off = Deze site verstuurt geen e-mail: bewaar de link die u na het versturen krijgt, om uw melding te volgen.

## Personal data: footer, privacy, accessibility, legal notice
footer-legal-label = Over deze site
footer-privacy = Privacy
footer-accessibility = Toegankelijkheid
footer-legal = Juridische informatie
privacy-title = Privacy
privacy-description = Welke persoonsgegevens Grensdiensten bewaart, waarom, hoe lang en wie ze ziet.
privacy-intro = De site vraagt alleen persoonsgegevens wanneer u er zelf iets mee doet: een probleem melden, u inschrijven voor een bijeenkomst of een projectidee indienen. Bezoeken en zoeken kan anoniem.
privacy-table-caption = Wat we bewaren
privacy-col-what = Gegevens
privacy-col-why = Waarom
privacy-col-how-long = Hoe lang
privacy-col-who = Wie ziet ze
privacy-report-what = Een melding: uw bericht en, als u het opgeeft, uw e-mailadres
privacy-report-why = Om de melding te behandelen en u te laten weten wat ermee gebeurde
privacy-report-how-long = Het e-mailadres wordt { $days } dagen na de behandeling gewist; het bericht blijft, zonder adres
privacy-report-who = De medewerkers van de gemeente van de dienst, en de beheerders
privacy-registration-what = Een inschrijving: naam, e-mailadres en de antwoorden op de gestelde vragen
privacy-registration-why = Om de bijeenkomst te organiseren en u op de hoogte te houden
privacy-registration-how-long = { $days } dagen na de bijeenkomst (of na een annulering) worden naam, e-mailadres, organisatie en link gewist; rol, land en aanwezigheid blijven als anonieme telling
privacy-registration-who = De beheerders en de medewerkers van de gemeente waar de bijeenkomst plaatsvindt
privacy-idea-what = Een projectidee: titel, samenvatting, de gemeenten, wie het indient, naam en e-mailadres
privacy-idea-why = Om het idee te beoordelen en u bij elke stap te laten weten hoe het ervoor staat
privacy-idea-how-long = { $days } dagen na de beslissing worden naam, e-mailadres en link gewist; het idee zelf blijft
privacy-idea-who = De beheerders; een aanvaard idee wordt openbaar, nooit uw contactgegevens
privacy-contact-what = Contacten van gemeenten: diensten met hun professionele adres, telefoon en e-mail (geen privégegevens)
privacy-contact-why = Zodat partners over de grens weten wie ze kunnen bellen
privacy-contact-how-long = Zolang de gemeente ze niet intrekt of archiveert
privacy-contact-who = Iedereen, zodra de gemeente ze publiceert
privacy-interest-what = De interesse van een gemeente voor een samenwerkingsverband: een contactpersoon of dienst, een e-mailadres en een opmerking
privacy-interest-why = Zodat de organisator de gemeente kan contacteren en als lid kan bevestigen
privacy-interest-how-long = Tot de interesse wordt ingetrokken; na bevestiging blijft ze als bewijs van het lidmaatschap
privacy-interest-who = De organisator, de beheerders en de medewerkers van die gemeente; openbaar is alleen de naam van de gemeente
privacy-mail-what = De e-mails die de site u stuurt
privacy-mail-why = Om ze te versturen en opnieuw te proberen als de mailserver niet antwoordt
privacy-mail-how-long = De inhoud (met uw persoonlijke link) wordt gewist zodra de e-mail verstuurd is; adres en onderwerp { $days } dagen na het versturen
privacy-mail-who = Alleen de beheerders van de databank
privacy-staff-what = Accounts van medewerkers: e-mailadres, rol, gemeenten en sessies
privacy-staff-why = Om de inventaris te beheren en bij te houden wie wat wijzigde
privacy-staff-how-long = Zolang het account bestaat; sessies eindigen na afmelden of inactiviteit
privacy-staff-who = De beheerders
privacy-limits-what = Een gehashte vorm van uw IP-adres (bij IPv6 van het /64-netwerk) en van het e-mailadres waarnaar een formulier een e-mail stuurt, nooit de adressen zelf
privacy-limits-why = Om misbruik van formulieren en aanmelden te beperken, en te voorkomen dat iemand de formulieren gebruikt om een ander met e-mails te overstelpen
privacy-limits-how-long = Ten hoogste een uur
privacy-limits-who = Niemand: alleen de site zelf telt ermee
privacy-cookies-what = Cookies: uw taalkeuze, en voor medewerkers de sessie
privacy-cookies-why = Om de site in uw taal te tonen en medewerkers aangemeld te houden
privacy-cookies-how-long = Taal: één jaar; sessie: tot afmelden
privacy-cookies-who = Niemand anders: geen analyse, geen reclame, geen diensten van derden
privacy-rights-title = Uw rechten
privacy-rights = Via de persoonlijke link van uw inschrijving kunt u uw gegevens op elk moment bekijken, wijzigen, downloaden en wissen. Voor een melding of een andere vraag over uw gegevens neemt u contact op met de uitgever van de site.
privacy-no-tracking = De site gebruikt geen cookies of scripts van derden en volgt uw bezoek niet.
privacy-mail-on = E-mail wordt verstuurd via de mailserver van de uitgever.
privacy-mail-off = Deze installatie verstuurt geen e-mail: er wordt dus ook geen e-mail bewaard.
privacy-contact = Wie de site uitgeeft, staat in de
accessibility-title = Toegankelijkheidsverklaring
accessibility-description = Hoe toegankelijk Grensdiensten is, hoe dat getest wordt en waar u een probleem meldt.
accessibility-intro = Grensdiensten wil voor iedereen bruikbaar zijn, ook met een schermlezer, alleen met het toetsenbord, ingezoomd of zonder JavaScript. Deze verklaring geldt voor alle pagina's van de site.
accessibility-status-title = Nalevingsstatus
accessibility-status = Gedeeltelijk in overeenstemming met de WCAG 2.1, niveau AA (EN 301 549): alle paginatypes doorstaan de automatische controles, maar een volledige audit door een deskundige is nog niet gebeurd.
accessibility-method-title = Hoe we testen
accessibility-method = Elke wijziging aan de site doorloopt automatische tests: axe-core op elk paginatype in beide talen (geen enkele fout toegelaten), Lighthouse, en end-to-endtests die de formulieren met het toetsenbord en zonder JavaScript gebruiken.
accessibility-limits-title = Bekende beperkingen
accessibility-limit-map = De kaart is een aanvulling: alles wat erop staat, staat ook in de lijsten en op de profielpagina's.
accessibility-limit-translations = Sommige inhoud bestaat maar in één taal; die is dan als zodanig aangeduid.
accessibility-limit-audit = Een manuele audit met hulptechnologieën (schermlezers) door een deskundige is gepland maar nog niet uitgevoerd.
accessibility-feedback-title = Een probleem melden
accessibility-feedback = Kunt u iets op de site niet gebruiken? Meld het, ook zonder e-mailadres:
accessibility-enforcement = Krijgt u geen bevredigend antwoord, dan kunt u zich wenden tot de ombudsdienst van uw gewest of tot de Défenseur des droits in Frankrijk.
accessibility-date = Verklaring opgesteld op 6 december 2026.
legal-title = Juridische informatie
legal-description = Wie de site uitgeeft, waar de gegevens vandaan komen en onder welke licentie.
legal-publisher-title = Uitgever
legal-publisher-unset = De uitgever van deze installatie heeft zijn gegevens nog niet ingesteld (SITE_PUBLISHER).
legal-content-title = Inhoud
legal-content = De gegevens over gemeenten, diensten en samenwerking komen uit open bronnen en van de gemeenten zelf; elke bron staat bij de gegevens en op de pagina
legal-licence-title = Licentie
legal-licence = De software is vrijgegeven onder de EUPL 1.2. De open gegevens volgen de licentie van hun bron.
legal-liability-title = Aansprakelijkheid
legal-liability = We doen ons best om de gegevens juist en actueel te houden, maar openingsuren en diensten veranderen. Controleer bij twijfel bij de dienst zelf, en meld een fout via het meldformulier.

## Taking part: a new password for staff
mail-subject-password-reset = Een nieuw wachtwoord voor Grensdiensten
mail-body-password-reset =
    Goedendag,

    Iemand vroeg een nieuw wachtwoord aan voor het medewerkersaccount met dit e-mailadres. Met de link hieronder kiest u een nieuw wachtwoord. De link werkt één keer, gedurende { $minutes } minuten.

    Vroeg u niets aan? Dan hoeft u niets te doen: uw wachtwoord blijft hetzelfde.
staff-reset-link = Wachtwoord vergeten?
staff-reset-title = Wachtwoord vergeten
staff-reset-intro = Vul het e-mailadres van uw account in. Heeft het een actief account, dan krijgt het een e-mail met een link om een nieuw wachtwoord te kiezen.
staff-reset-submit = Link versturen
staff-reset-sent = Als dit adres bij een actief account hoort, is er een e-mail onderweg. De link werkt één keer, gedurende een uur.
staff-reset-too-many = Te veel aanvragen. Probeer het later opnieuw.
staff-reset-email = Vul een geldig e-mailadres in.
staff-reset-expired = Deze link werkt niet meer: hij werd al gebruikt of is verlopen. Vraag een nieuwe aan.
staff-reset-mail-off = Deze site verstuurt geen e-mail. Vraag een beheerder om een nieuw wachtwoord in te stellen (server user passwd).
staff-reset-new-title = Nieuw wachtwoord kiezen
staff-reset-new-label = Nieuw wachtwoord
staff-reset-confirm-label = Nieuw wachtwoord, nog eens
staff-reset-password-rule = Ten minste 12 tekens.
staff-reset-mismatch = De twee wachtwoorden zijn niet gelijk.
staff-reset-save = Wachtwoord bewaren
staff-reset-done = Uw nieuwe wachtwoord is bewaard; alle sessies van uw account zijn afgesloten. Meld u aan.
mail-subject-staff-digest = Grensdiensten: nieuw sinds gisteren / nouveau depuis hier
mail-body-staff-digest =
    Goedendag,

    Nieuw in uw gemeenten sinds het vorige overzicht: { $reports } meldingen om te behandelen, { $registrations } inschrijvingen voor bijeenkomsten, { $ideas } projectideeën, { $interest } gemeenten die willen meedoen aan een samenwerkingsverband dat u organiseert, en { $practices } voorgestelde goede praktijken om te publiceren.

    Bonjour, nouveau dans vos communes depuis le dernier récapitulatif : { $reports } signalements à traiter, { $registrations } inscriptions à des réunions, { $ideas } idées de projets, { $interest } communes qui veulent participer à une coopération que vous organisez, et { $practices } bonnes pratiques proposées à publier.

## Taking part: calls for project ideas
calls-title = Oproepen voor projectideeën
calls-description = Oproepen voor ideeën die grensoverschrijdende proefprojecten kunnen worden: dien uw idee in en volg het op.
calls-intro = Inwoners, verenigingen en gemeenten van beide kanten van de grens dienen hier ideeën in die proefprojecten kunnen worden. U volgt uw idee via een persoonlijke link.
calls-empty = Er is op dit moment geen oproep.
call-open = Open
call-closed = Gesloten
call-period = Van { $start } tot { $end }
call-criteria = Criteria
call-project = Binnen het project:
call-accepted = Aanvaarde ideeën
call-accepted-none = Nog geen aanvaarde ideeën.
call-form-closed = Deze oproep is gesloten: er kunnen geen ideeën meer worden ingediend.
call-form-too-many = Te veel inzendingen vanaf dit adres. Probeer het over tien minuten opnieuw.
call-form-invalid = Niet alle velden zijn goed ingevuld. Verbeter de velden die hieronder zijn aangeduid.
idea-form-title = Een idee indienen
idea-title-label = Titel van het idee
idea-summary-label = Samenvatting
idea-summary-help = Wat wilt u doen, voor wie, en wat verandert er aan beide kanten van de grens? Ten minste 30 tekens.
idea-municipalities-label = Betrokken gemeenten (NIS- of INSEE-codes)
idea-municipalities-help = Gescheiden door komma's, van beide kanten, bijvoorbeeld 33029, 59656. De codes staan op de pagina van elke gemeente.
idea-submitter-label = U dient in als
idea-submitter-resident = inwoner
idea-submitter-association = vereniging
idea-submitter-municipality = gemeente
idea-consent = Ik ga akkoord dat mijn naam en e-mailadres worden bewaard om mijn idee te behandelen.
idea-mail-on = U krijgt een bevestiging en elke wijziging per e-mail, met een persoonlijke link.
idea-mail-off = Deze site verstuurt geen e-mail: bewaar de link van de volgende pagina om uw idee te volgen.
idea-submit = Idee indienen
idea-error-title = Geef een titel (ten hoogste 160 tekens).
idea-error-summary = Beschrijf het idee in 30 tot 4 000 tekens.
idea-error-municipalities = Geef ten minste één gemeentecode uit de lijst van grensgemeenten.
idea-error-submitter = Kies als wie u indient.
idea-error-name = Vul uw naam in.
idea-error-email = Vul een geldig e-mailadres in.
idea-error-consent = Vink aan dat u akkoord gaat, anders kunnen we uw idee niet behandelen.
idea-received = Uw idee is ontvangen.
idea-letter-sent = We hebben een bevestiging gestuurd met de link naar deze pagina.
idea-keep-link = Deze site verstuurt geen e-mail: bewaar de link van deze pagina (bladwijzer) om uw idee te volgen.
idea-own-title = Uw idee
idea-call = Oproep
idea-status = Stand
idea-reason = Reden
idea-status-received = ontvangen
idea-status-review = wordt beoordeeld
idea-status-info = meer informatie gevraagd
idea-status-accepted = aanvaard
idea-status-declined = niet weerhouden
idea-messages = Berichten
idea-from-staff = Gemeente
idea-from-you = U
idea-answer-label = Uw antwoord
idea-answer-submit = Antwoord versturen
idea-answered = Uw antwoord is verstuurd.
idea-answer-error = Uw antwoord kon niet worden verstuurd: schrijf 1 tot 4 000 tekens, of probeer het later opnieuw.
idea-delete-help = Wissen verwijdert uw idee en uw gegevens meteen en voorgoed.
idea-delete-submit = Mijn idee en gegevens wissen
idea-deleted = Uw idee en uw gegevens zijn gewist.
staff-calls-title = Oproepen
staff-call-new = Nieuwe oproep
staff-call-published = gepubliceerd
staff-call-draft = niet gepubliceerd
staff-call-public = Publieke pagina
staff-call-publish = Gepubliceerd
staff-call-saved = De oproep is bewaard.
staff-call-ideas = Ingediende ideeën
staff-call-no-ideas = Nog geen ideeën.
staff-call-field-title_nl = Titel (Nederlands)
staff-call-field-title_fr = Titel (Frans)
staff-call-field-text_nl = Tekst (Nederlands)
staff-call-field-text_fr = Tekst (Frans)
staff-call-field-criteria_nl = Criteria (Nederlands)
staff-call-field-criteria_fr = Criteria (Frans)
staff-call-field-theme = Thema
staff-call-field-opens_on = Open vanaf
staff-call-field-closes_on = Open tot en met
staff-call-field-project = Bovenliggend project (id, bijvoorbeeld partons-2-0)
staff-call-field-error = Vul dit veld correct in.
staff-idea-saved = De beslissing is bewaard; de indiener krijgt bericht.
staff-idea-decided = Over dit idee is al beslist.
staff-idea-text-required = Schrijf het bericht of de reden voor de indiener.
staff-idea-review = Beoordelen
staff-idea-accept = Aanvaarden (maakt een ontwerp van proefproject)
staff-idea-info-label = Vraag om meer informatie
staff-idea-info = Vraag versturen
staff-idea-reason-label = Reden
staff-idea-decline = Niet weerhouden
staff-idea-project = Het ontwerp van proefproject
mail-subject-idea-received = Idee ontvangen: { $title }
mail-body-idea-received =
    Beste { $name },

    We hebben uw idee "{ $title }" voor de oproep "{ $call }" ontvangen. U krijgt een e-mail bij elke stap.

    Via de link hieronder volgt u uw idee, antwoordt u op vragen en downloadt of wist u uw gegevens.
mail-subject-idea-status = Uw idee: { $status }
mail-body-idea-status =
    Beste { $name },

    Uw idee "{ $title }" voor de oproep "{ $call }" heeft een nieuwe stand: { $status }.

    { $reason }

    Open de link hieronder om het te bekijken of te antwoorden.
staff-home-meetings = Bijeenkomsten met inschrijving

## Working together (issue 24): groupings' rules, contacts, good practices, interest
nav-practices = Goede praktijken
cluster-rule = Wie is lid
cluster-rule-source = Regel en bron:
cluster-rule-corrected = De beheerders hebben dit verband na het toepassen van de regel bijgewerkt: de leden kunnen van de regel afwijken.
cluster-interest = Wie wil meedoen
cluster-interest-none = Nog geen gemeente heeft gezegd dat ze wil meedoen.
cluster-interest-staff = Werkt u voor een gemeente? Zeg dat uw gemeente wil meedoen (aanmelden als medewerker).
cluster-interest-state-interested = Geïnteresseerd
cluster-interest-state-confirmed = Bevestigd lid
cluster-cost-share-with-interested = Kosten per lid als de geïnteresseerde gemeenten meedoen
contacts-title = Contacten
contacts-none = Voor deze gemeente zijn nog geen contacten bekend.
contacts-add = Werkt u voor deze gemeente? Voeg haar contacten toe.
contacts-source = Bron: { $source }
contacts-entered = Ingevoerd door de gemeente
contacts-verified = laatst nagekeken op { $date }
contacts-hours = Openingsuren
contacts-hours-service = Zie de pagina van het gemeentehuis.
contact-office-town_hall = Gemeentehuis
contact-office-mayor_office = Kabinet van de burgemeester
contact-office-cooperation = Samenwerking en Europese zaken
contact-office-european_affairs = Europese zaken en subsidies
contact-office-climate = Klimaat en energie
contact-office-social_services = Sociale dienst
compare-contacts = { $count ->
    [one] 1 contact
   *[other] { $count } contacten
}
compare-contacts-none = Nog geen contacten
partners-contacts = Contacten
profile-practices = Goede praktijken
profile-practices-none = Geen enkele goede praktijk in onze gegevens noemt deze gemeente.
practices-title = Goede praktijken
practices-description = Wat gemeenten al samen deden: gedeelde diensten, gezamenlijke aankopen, gedeeld personeel, gezamenlijke projecten en standpunten, met hun bron.
practices-intro = Wat gemeenten al samen deden, zoals de documenten van de regio het voorstellen en zoals medewerkers van gemeenten het aanvullen. Zoek in het Nederlands of het Frans.
practices-search-label = Goede praktijken zoeken
practices-q = Zoeken
practices-kind = Soort samenwerking
practices-kind-all = Alle soorten
practices-count = { $count ->
    [one] 1 goede praktijk
   *[other] { $count } goede praktijken
}
practices-none = Geen goede praktijk past bij deze zoekopdracht.
practices-map = De gemeenten op de kaart
practice-kind-shared_purchase = Samen aankopen
practice-kind-shared_staff = Personeel delen
practice-kind-shared_service = Gedeelde dienst
practice-kind-joint_project = Gezamenlijk project
practice-kind-common_position = Gemeenschappelijk standpunt
practice-who = Wie
practice-participants = Deelnemers
practice-cost = Kostprijs
practice-contact = Contact
practice-link = Meer informatie
practice-presented = Voorgesteld op
practice-project = Project
practice-results = Resultaten
practice-results-unknown = De bron vermeldt geen resultaten.
practice-municipalities = Gemeenten van de grensstreek
practice-municipalities-none = Geen van de deelnemers is een gemeente van de grensstreek in onze gegevens.
staff-home-contacts = Contacten van uw gemeenten
staff-home-contacts-add = { $name } toont nog geen contacten: voeg ze toe
staff-coop-nav-practice = Goede praktijken
staff-coop-nav-contact = Contacten
staff-coop-practice-title = Goede praktijken beheren
staff-coop-practice-new = Goede praktijk voorstellen
staff-coop-practice-edit = Goede praktijk bewerken
staff-coop-contact-title = Contacten van gemeenten beheren
staff-coop-contact-new = Nieuw contact
staff-coop-contact-edit = Contact bewerken
staff-coop-field-participants = Deelnemers (zoals de bron ze noemt)
staff-coop-field-results = Resultaten
staff-coop-field-cost_eur = Kostprijs (euro)
staff-coop-field-contact = Contact (dienst of organisatie)
staff-coop-field-link = Document of webpagina
staff-coop-field-source = Bron (leeg: ingevoerd door de gemeente)
staff-coop-field-event = Voorgesteld op (bijeenkomst)
staff-coop-field-municipality = Gemeente (code)
staff-coop-field-office = Dienst
staff-coop-field-address = Adres
staff-coop-field-phone = Telefoon
staff-coop-field-email = E-mail (van de dienst, niet persoonlijk)
staff-coop-field-hours = Openingsuren
staff-coop-field-verified_on = Laatst nagekeken op
staff-coop-help-organiser = De medewerkers van deze gemeente bevestigen de leden en zien wie interesse meldde.
staff-coop-help-municipality = U kiest uit de gemeenten die u mag bewerken.
staff-coop-error-one_municipality = Geef één bestaande gemeentecode, van een gemeente die u mag bewerken.
staff-coop-no-municipality = Geen gemeente
staff-coop-no-event = Geen bijeenkomst
staff-coop-no-actions = U kunt dit record bekijken, maar niet wijzigen: alleen een beheerder kan het nu nog wijzigen of publiceren.
staff-audit-confirm_member = Lid bevestigd
staff-interest-link = Geïnteresseerde gemeenten
staff-interest-title = Wie wil meedoen
staff-interest-intro = Zeg dat uw gemeente wil meedoen, met een contactpersoon en een opmerking. De organisator ziet de lijst en bevestigt de leden; de kosten per lid worden dan opnieuw verdeeld.
staff-interest-declare-heading = Uw gemeente wil meedoen
staff-interest-municipality = Gemeente
staff-interest-contact = Contact
staff-interest-contact-name = Contactpersoon of dienst
staff-interest-contact-email = E-mail van het contact
staff-interest-note = Opmerking
staff-interest-note-help = Niet verplicht, hoogstens { $max } tekens.
staff-interest-declare = We willen meedoen
staff-interest-list = Alle geïnteresseerde gemeenten
staff-interest-own = De interesse van uw gemeenten
staff-interest-empty = Nog geen enkele gemeente.
staff-interest-declared-on = Gemeld op
staff-interest-actions = Acties
staff-interest-confirm = Als lid bevestigen
staff-interest-withdraw = Intrekken
staff-interest-not-open = Dit samenwerkingsverband heeft geen gedeelde prijs: er is geen interesse te melden.
staff-interest-nothing = Geen van uw gemeenten kan nog interesse melden: ze zijn al lid of gemeld.
staff-interest-done-declare = Uw interesse is gemeld. De organisator ziet ze nu.
staff-interest-done-confirm = De gemeente is nu lid; de kosten per lid zijn opnieuw verdeeld.
staff-interest-done-withdraw = De interesse is ingetrokken.
staff-interest-error-already = Deze gemeente is al lid of heeft al interesse gemeld.
staff-interest-error-gone = Deze interesse bestaat niet meer of is al bevestigd.
staff-interest-error-municipality = Kies een gemeente uit de lijst.
staff-interest-error-contact_name = Geef een contactpersoon of dienst (hoogstens 200 tekens).
staff-interest-error-note = De opmerking mag hoogstens 2000 tekens lang zijn.
