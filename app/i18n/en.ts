import type { MessageKey } from "./nl";

/** English, the second language. `Record<MessageKey, …>` makes a missing or extra key a type error. */
export const en: Record<MessageKey, string> = {
  "site.name": "Good Work Network",
  "site.tagline": "A network of professional friends around good work",
  "site.description":
    "The forum of the Good Work Network: circles, conversations about good work, the five vision principles and meetups.",
  "skip.toMain": "Skip to content",
  "nav.label": "Main menu",
  "nav.home": "Home",
  "nav.principles": "Principles",
  "language.label": "Language",
  "language.switchTo": "Nederlands",
  "language.switchHint": "Schakel naar het Nederlands",
  "language.nl": "Nederlands",
  "language.en": "English",
  "footer.about":
    "The Good Work Network is not an organisation but a circle of people working towards good work.",
  "footer.principles": "The five vision principles",
  "home.title": "Welcome to the Good Work Network",
  "home.intro":
    "This is where professionals meet who work towards good work in organisations. Not a large institution, but circles of people who learn together, take on assignments together and help each other along.",
  "home.facets.title": "What do we mean by good work?",
  "home.facets.isGood": "It is good",
  "home.facets.isGood.text": "Done with skill and care.",
  "home.facets.doesGood": "It does good",
  "home.facets.doesGood.text": "For clients, colleagues and the world around us.",
  "home.facets.feelsGood": "It feels good",
  "home.facets.feelsGood.text": "For those who do it: with room, pride and enjoyment.",
  "home.circles.title": "Who takes part?",
  "home.circles.clients":
    "Professionals in the organisations we work with, with whom we learn and make changes happen.",
  "home.circles.groups": "Members of the learning groups and networks we build together.",
  "home.circles.advisers":
    "Fellow advisers, independent or employed, with whom we team up on assignments.",
  "home.circles.friends":
    "Professional friends: strong professionals who keep their job and spend part of their time working independently, backed by the network and with nobody taking a cut.",
  "home.principles.title": "The five vision principles",
  "home.principles.intro": "Every conversation and every meetup can be linked to these principles.",
  "principles.title": "Vision principles",
  "principles.intro":
    "Five principles together make up the network's vision. They serve as fixed tags on conversations and meetups.",
  "principle.others": "The other principles",
  "principle.allPrinciples": "All principles",
  "error.notFound.title": "Page not found",
  "error.notFound.text":
    "This page does not exist (any more), or you have no access to it. Check the address or go back to the home page.",
  "error.forbidden.title": "Not allowed",
  "error.forbidden.text": "You are not allowed to do this.",
  "error.crossSite.text":
    "This form did not come from this website and was refused. Open the page again and try once more.",
  "error.tooLarge.title": "Too much data",
  "error.tooLarge.text": "What you sent is larger than 1 MB. Make it shorter and try again.",
  "error.unavailable.title": "Temporarily unavailable",
  "error.unavailable.text": "The forum cannot reach its database right now. Please try again in a minute.",
  "error.server.title": "Something went wrong",
  "error.server.text": "Something went wrong on our side. Please try again later.",
  "error.backHome": "Go to the home page",
  "error.badRequest.title": "Bad request",
  "error.badRequest.text": "This request could not be processed.",
};
