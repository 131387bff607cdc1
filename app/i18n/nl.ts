/** Dutch, the first language. Keys are shared with en.ts; the types keep them equal. */
export const nl = {
  "site.name": "Goed Werk Netwerk",
  "site.tagline": "Een netwerk van professionele vrienden rond goed werk",
  "site.description":
    "Het forum van het Goed Werk Netwerk: kringen, gesprekken over goed werk, de vijf visiepunten en bijeenkomsten.",
  "skip.toMain": "Naar de inhoud",
  "nav.label": "Hoofdmenu",
  "nav.home": "Start",
  "nav.principles": "Visiepunten",
  "language.label": "Taal",
  "language.switchTo": "English",
  "language.switchHint": "Switch to English",
  "language.nl": "Nederlands",
  "language.en": "English",
  "footer.about":
    "Het Goed Werk Netwerk is geen organisatie maar een kring van mensen die werken aan goed werk.",
  "footer.principles": "De vijf visiepunten",
  "home.title": "Welkom bij het Goed Werk Netwerk",
  "home.intro":
    "Hier ontmoeten professionals elkaar die werken aan goed werk in organisaties. Geen groot instituut, maar kringen van mensen die samen leren, samen opdrachten doen en elkaar verder helpen.",
  "home.facets.title": "Wat bedoelen we met goed werk?",
  "home.facets.isGood": "Het is goed",
  "home.facets.isGood.text": "Vakkundig en met zorg gedaan.",
  "home.facets.doesGood": "Het doet goed",
  "home.facets.doesGood.text": "Voor klanten, collega's en de wereld om ons heen.",
  "home.facets.feelsGood": "Het voelt goed",
  "home.facets.feelsGood.text": "Voor wie het doet: met ruimte, trots en plezier.",
  "home.circles.title": "Wie doen er mee?",
  "home.circles.clients":
    "Professionals in de organisaties waarmee we werken, met wie we leren en veranderingen waarmaken.",
  "home.circles.groups": "Deelnemers van de leergroepen en netwerken die we samen opbouwen.",
  "home.circles.advisers":
    "Collega-adviseurs, zelfstandig of in dienst, met wie we samen optrekken in opdrachten.",
  "home.circles.friends":
    "Professionele vrienden: sterke vakmensen die hun baan houden en daarnaast een deel van hun tijd zelfstandig werken, met steun van het netwerk en zonder dat er iemand aan verdient.",
  "home.principles.title": "De vijf visiepunten",
  "home.principles.intro": "Elk gesprek en elke bijeenkomst kan aan deze punten gekoppeld worden.",
  "principles.title": "Visiepunten",
  "principles.intro":
    "Vijf punten vormen samen de visie van het netwerk. Ze dienen als vaste labels bij gesprekken en bijeenkomsten.",
  "principle.others": "De andere visiepunten",
  "principle.allPrinciples": "Alle visiepunten",
  "error.notFound.title": "Pagina niet gevonden",
  "error.notFound.text":
    "Deze pagina bestaat niet (meer), of je hebt er geen toegang toe. Controleer het adres of ga terug naar de startpagina.",
  "error.forbidden.title": "Geen toegang",
  "error.forbidden.text": "Je mag deze actie niet uitvoeren.",
  "error.crossSite.text":
    "Dit formulier kwam niet van deze website en is daarom geweigerd. Open de pagina opnieuw en probeer het nog eens.",
  "error.tooLarge.title": "Te veel gegevens",
  "error.tooLarge.text": "Wat je verstuurde is groter dan 1 MB. Maak het korter en probeer het opnieuw.",
  "error.unavailable.title": "Even niet bereikbaar",
  "error.unavailable.text": "Het forum kan de database nu niet bereiken. Probeer het over een minuut opnieuw.",
  "error.server.title": "Er ging iets mis",
  "error.server.text": "Er ging aan onze kant iets mis. Probeer het later opnieuw.",
  "error.backHome": "Naar de startpagina",
  "error.badRequest.title": "Ongeldige aanvraag",
  "error.badRequest.text": "Deze aanvraag kon niet worden verwerkt.",
} as const;

export type MessageKey = keyof typeof nl;
