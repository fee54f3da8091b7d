"""Table-driven: each kind flags its words, and sense exceptions hold for unseen similar cases.

These sentences are not the lexicon's own examples (those run in test_lexicons.py): they
check that an exception describes a sense, so that cases nobody listed pass too.
"""
from __future__ import annotations

import pytest

import framing


def flagged(text: str) -> set[tuple[str, str]]:
    """(kind, lower-cased text) of every flag in the text."""
    return {(f.kind, f.text.lower()) for f in framing.analyse(text, model=False).flags}


@pytest.mark.parametrize("text, kind, word", [
    # loaded
    ("The regime jailed three journalists last week.", "loaded", "regime"),
    ("Rebels fought the junta for a decade.", "loaded", "junta"),
    ("He called the country a terrorist state.", "loaded", "terrorist state"),
    ("The so-called reform passed on Tuesday.", "loaded", "so-called"),
    ("Critics decried the draconian curfew.", "loaded", "draconian"),
    # hedges
    ("The minister reportedly resigned.", "hedge", "reportedly"),
    ("The suspect allegedly fled the country.", "hedge", "allegedly"),
    ("The talks will likely collapse.", "hedge", "likely"),
    ("It is believed that the ship sank at night.", "hedge", "it is believed"),
    ("The plan appears to have stalled.", "hedge", "appears to"),
    ("The bridge may close next month.", "hedge", "may"),
    ("The storm might reach the coast tonight.", "hedge", "might"),
    # boosters
    ("Clearly, the plan failed.", "booster", "clearly"),
    ("The vote was definitively a rejection.", "booster", "definitively"),
    ("It is no surprise that prices rose.", "booster", "it is no surprise"),
    ("The result was, of course, expected.", "booster", "of course"),
    ("There is no doubt the council erred.", "booster", "there is no doubt"),
    # anonymous sources
    ("Officials said the border would reopen.", "anonymous", "officials said"),
    ("The deal is close, according to people familiar with the matter.", "anonymous",
     "people familiar with the matter"),
    ("Critics argue that the tax is unfair.", "anonymous", "critics argue"),
    # loaded reporting verbs
    ("The mayor claimed the budget was balanced.", "report_verb", "claimed"),
    ("The senator slammed the decision on Friday.", "report_verb", "slammed"),
    ("The minister admitted the figures were wrong.", "report_verb", "admitted"),
    # scare quotes
    ("The ministry unveiled its “peace plan” on Monday.", "scare_quote", "“peace plan”"),
    # a capital at the start of a sentence is no sign of a name
    ("Imperial ambitions drove the war.", "loaded", "imperial"),
    ("Fascist slogans were painted on the town hall.", "loaded", "fascist"),
])
def test_kind_flags_its_word(text, kind, word):
    assert (kind, word) in flagged(text)


@pytest.mark.parametrize("text, word", [
    # regime: administrative, medical and fitness senses
    ("The new visa regime takes effect in June.", "regime"),
    ("She kept to a strict diet regime all winter.", "regime"),
    ("The harbour's new dredging regime began in spring.", "regime"),
    ("The club changed its training regime after the loss.", "regime"),
    ("Exporters complained about the tariff regime.", "regime"),
    # May: the name and the month
    ("Theresa May addressed the conference.", "may"),
    ("The vote was held in May after a long delay.", "may"),
    ("May 2022 brought record rainfall to the valley.", "may"),
    ("Brian May played the opening chords.", "may"),
    # might: the noun
    ("The team pulled with all its might.", "might"),
    ("The country's military might was on display.", "might"),
    ("They faced the full might of the state.", "might"),
    # slammed: the physical sense
    ("He slammed on the brakes at the junction.", "slammed"),
    ("She slammed the door behind her.", "slammed"),
    ("The lorry slammed into a wall.", "slammed"),
    ("He slammed his fist on the desk.", "slammed"),
    # clearly: the manner sense
    ("She spoke clearly to the jury.", "clearly"),
    ("The exits were clearly marked.", "clearly"),
    ("He could not see clearly through the fog.", "clearly"),
    # of course: a course
    ("The captain ordered a change of course.", "of course"),
    # capitalised names and acronyms, at the first word of a sentence too
    ("RIP to the legend.", "rip"),
    ("Fans wrote RIP on the wall.", "rip"),
    ("Imperial College opened a new lab.", "imperial"),
    ("The lab at Imperial College opened.", "imperial"),
])
def test_sense_exceptions_pass(text, word):
    assert not any(w == word for _, w in flagged(text)), flagged(text)


def has(text: str, entry_id: str) -> bool:
    return any(f.id == entry_id for f in framing.analyse(text, model=False).flags)


@pytest.mark.parametrize("text, entry_id, expected", [
    # regime: an administrative complement before it or after it (issue 11)
    ("The clinic put her on a regime of twice-daily injections.", "loaded.regime", False),
    ("Growers switched to a regime of weekly pruning.", "loaded.regime", False),
    ("The sanctions regime was tightened in May.", "loaded.regime", False),
    ("The parliamentary regime survived the crisis.", "loaded.regime", False),
    ("The regime of the generals jailed the editors.", "loaded.regime", True),
    ("Exiles marched against the regime in the capital.", "loaded.regime", True),
    # invasion, flood, swarm: people versus armies, water and insects
    ("Shopkeepers grumbled about the weekend invasion of day-trippers.", "loaded.invasion", True),
    ("The invasion stalled when the tanks ran out of fuel.", "loaded.invasion", False),
    ("The invasion of Crete began from the air.", "loaded.invasion", False),
    ("An invasion of slugs wrecked the lettuces.", "loaded.invasion", False),
    ("A flood of newcomers reached the border town.", "loaded.flood-of-people", True),
    ("A flood of letters reached the editor.", "loaded.flood-of-people", False),
    ("Seawater was flooding into the cellars.", "loaded.flood-of-people", False),
    ("A swarm of reporters waited at the gate.", "loaded.swarm", True),
    ("A swarm of wasps nested under the eaves.", "loaded.swarm", False),
    # destroy, decimate: things and populations versus hyperbole about institutions
    ("The merger will destroy the town's only newspaper.", "loaded.destroy", True),
    ("A blaze destroyed the old cannery.", "loaded.destroy", False),
    ("The clerk destroyed the ballots after the count.", "loaded.destroy", False),
    ("The budget cuts decimated the orchestra.", "loaded.decimate", True),
    ("A virus decimated the herds in the north.", "loaded.decimate", False),
    # loaded terms in a conventional or literal sense (issue 13)
    ("Pharmacists were on the front line of the opioid crisis.", "loaded.crisis", False),
    ("The country slid into a crisis of confidence.", "loaded.crisis", True),
    ("Squatters moved into the gutted cinema.", "loaded.gutted", False),
    ("The amendment gutted the tenants' protections.", "loaded.gutted", True),
    ("Aid agencies warn of overlapping humanitarian crises in the region.", "loaded.crisis", False),
    ("Printers ran off propaganda posters by the thousand.", "loaded.propaganda", False),
    ("The state media spread propaganda about the strike.", "loaded.propaganda", True),
    ("She tore up a copy of the minutes in front of the board.", "loaded.tear-up", False),
    # a loaded word inside a proper name is a name
    ("In the novel Fire and Fury, the harbour burns.", "loaded.furious", False),
    ("The crowd reacted with fury to the verdict.", "loaded.furious", True),
    ("Members of the Radical Harbour Party won two seats in the spring vote.", "loaded.radical", False),
    ("Critics attacked the radical harbour plan.", "loaded.radical", True),
    ("Harbour Chief Backs Radical Plan For New Pier", "loaded.radical", True),
    ("Ida Venn of Portwatch is the author of Tide Tables: The Radical Harbour Years.",
     "loaded.radical", False),
    # the spatial exception no longer hides political wings and flanks
    ("The hard-right flank of the party rebelled.", "loaded.far-right", True),
    ("Delegates from the far-right wing walked out.", "loaded.far-right", True),
    ("The far right corner of the pitch was flooded.", "loaded.far-right", False),
    ("He stood at the far left end of the stage.", "loaded.far-right", False),
    # hedges and boosters in other senses (issue 13)
    ("The minister quit before the board could have fired her.", "hedge.could_have", False),
    ("The minister quit before the board could have fired her.", "hedge.could", False),
    ("Could you read the motion aloud?", "hedge.could", False),
    ("The leak could have started at the valve.", "hedge.could_have", True),
    ("The harbour master would not speculate about the cause.", "hedge.speculated", False),
    ("Fans speculated that the coach would quit.", "hedge.speculated", True),
    ("No landing is possible without clear skies.", "hedge.possible", False),
    ("A landing is possible later today.", "hedge.possible", True),
    ("The vote failed simply because members stayed home.", "booster.simply", False),
    ("That is simply wrong.", "booster.simply", True),
    ("The census shows that the town has shrunk.", "booster.shows_that", False),
    ("The scandal shows that the board was asleep.", "booster.shows_that", True),
    ("No one knows what actually sank the ferry.", "booster.actually", False),
    ("Actually, the ferry costs more than the bridge.", "booster.actually", True),
    ("Nobody knows if the ferry will actually sail.", "booster.actually", False),
    ("The clerk simply counted the ballots again.", "booster.simply", False),
    ("The plan is simply unworkable.", "booster.simply", True),
    ("On this feast day, may she bring comfort to the sick.", "hedge.may", False),
    ("The ferry may sail on Sunday.", "hedge.may", True),
    ("The mayor is expected to testify on Thursday.", "hedge.expected_to", False),
    ("Fares are expected to rise next year.", "hedge.expected_to", True),
    # modals asked about, able, allowed, conceded or owned, not guessed (issue 13, item 2)
    ("Could the lighthouse be restored by spring?", "hedge.could", False),
    ("The lighthouse could be restored by spring.", "hedge.could", True),
    ("Did anyone warn the crew that the storm might turn?", "hedge.might", False),
    ("The storm might turn before dawn.", "hedge.might", True),
    ("Has the board weighed the possibility that fares could double?",
     "hedge.possibility_that", False),
    ("She bailed the dinghy for as long as she could, then swam.", "hedge.could", False),
    ("The skipper asked for shore leave and was told the crew could.", "hedge.could", False),
    ("The harbour board could, in principle, sell the pier.", "hedge.could", True),
    ("Not only could the pier close, but the ferry could stop too.", "hedge.could", True),
    ("The divers might yet put one question to the board, “Who pays?”", "hedge.might", True),
    ("The cameras could have settled one question: who opened the gate?", "hedge.could_have",
     True),
    ("Half the crew may be carriers — sailors who feel well but spread it.", "hedge.may", True),
    ("She could bail the dinghy for another hour, the coastguard thinks.", "hedge.could", True),
    ("Only a trained diver could reach the wreck.", "hedge.could", False),
    ("The new cap limits how much landlords could charge.", "hedge.could", False),
    ("The leaflet explains what members may bring to the meeting.", "hedge.may", False),
    ("It was what the pilots said may be the worst fog in years.", "hedge.may", True),
    ("It was what the pilots said could be the worst fog in years.", "hedge.could", True),
    ("The sailors could all use a dry bunk.", "hedge.could", False),
    ("The new pier may be ugly, but it keeps the boats safe.", "hedge.may", False),
    ("The new pier may crack in a hard frost.", "hedge.may", True),
    ("The regatta may have ended in a tie, but the rivalry is alive.", "hedge.may_have", False),
    ("The regatta may have ended in a tie, but the rivalry is alive.", "hedge.may", False),
    ("The regatta may have ended early because of fog.", "hedge.may_have", True),
    ("The mayor listened to the fears parents may have about the crossing.", "hedge.may_have",
     False),
    ("The mayor listened to the fears parents may have about the crossing.", "hedge.may", False),
    ("She heard every objection the anglers might have about the ban.", "hedge.might_have", False),
    ("The anglers might have broken the ban.", "hedge.might_have", True),
    ("A court ruling made the second ferry possible.", "hedge.possible", False),
    ("A grant from the county is making it possible.", "hedge.possible", False),
    ("The ferry was supposed to have sailed at noon.", "hedge.supposed_to_have", False),
    ("The ferry is supposed to have sunk near the point.", "hedge.supposed_to_have", True),
    ("The interview first appeared in a harbour newsletter.", "hedge.appears", False),
    ("The harbour master appeared calm.", "hedge.appears", True),
    ("Fresh paint made the old hull seem sound to buyers.", "hedge.seem", False),
    ("The old hull seems sound.", "hedge.seem", True),
    ("Six boats are considered Vessels of Interest under the rules.", "hedge.is_considered",
     False),
    ("The island was considered Danish for a century.", "hedge.is_considered", True),
    ("The lighthouse is considered the oldest on the coast.", "hedge.is_considered", True),
    ("The skipper never wrote or implied that the catch was short.", "hedge.suggests_that",
     False),
    ("The logbook implied that the catch was short.", "hedge.suggests_that", True),
    # boosters: 'truly' that does not insist, 'simply' = merely (issue 13, item 2)
    ("If the harbour were truly the jewel of the coast, the council would fund it.",
     "booster.truly", False),
    ("The rivalry between the two crews won't truly fade.", "booster.truly", False),
    ("Sailors who truly know the bay avoid the point.", "booster.truly", False),
    ("The restored lighthouse is truly magnificent.", "booster.truly", True),
    # anonymous: people's talk that is not a source of a claim
    ("What people say on the quay is none of my business.", "anonymous.people_are_saying", False),
    ("People say the quay will close in spring.", "anonymous.people_are_saying", True),
    # a word mentioned as a word, quoted or not, is not used (issue 13)
    ('The editor struck the word "reckless" from the headline.', "loaded.reckless", False),
    ("Pundits keep reaching for the term draconian.", "loaded.draconian", False),
    ("Her memo avoided the phrase “so-called” on purpose.", "loaded.so-called", False),
    ("The reckless skipper ignored the storm warning.", "loaded.reckless", True),
    ("In a word, the reckless plan failed.", "loaded.reckless", True),
    # so-called before a name or a technical term says "known as"
    ("Growers sued under the so-called Orchard Compact.", "loaded.so-called", False),
    ("Lenders cited the so-called reserve ratio rules.", "loaded.so-called", False),
    ("The so-called experts got the tide tables wrong.", "loaded.so-called", True),
    ('Ferries follow the so-called "last in, first out" rule at night.', "loaded.so-called", False),
    ("The so-called “consultation” lasted one afternoon.", "loaded.so-called", True),
    # psychiatric words where the text around them is clinical, not only their sentence
    ("The therapist met her client weekly. He had grown paranoid about the neighbours.",
     "loaded.paranoid", False),
    ("The senator grew paranoid about the neighbours.", "loaded.paranoid", True),
    ("A clinic log noted his hallucinations. Severe narcissism shaped every session.",
     "loaded.narcissist", False),
    ("The narcissistic mayor renamed the pier after himself.", "loaded.narcissist", True),
    # communist: a communist state or the Soviet era versus a smear
    ("The communist authorities closed the border at night.", "loaded.communist", False),
    ("The courier was a communist who met a KGB handler.", "loaded.communist", False),
    ("The landlord called the rent freeze a communist plot.", "loaded.communist", True),
    # dictator: a fallen ruler versus a label for a sitting leader
    ("Rebels toppled the dictator after a long siege.", "loaded.dictator", False),
    ("The exiled dictator died in a villa abroad.", "loaded.dictator", False),
    ("The columnist called the mayor a dictator.", "loaded.dictator", True),
    # lobby: a room versus an interest group
    ("Voters queued in a packed lobby at the town hall.", "loaded.lobby", False),
    ("The fishing lobby fought the quota.", "loaded.lobby", True),
    ("Ferry lobby groups wrote to the council.", "loaded.lobby", False),
    # the lexicon review (docs/lexicon-review.md): conventional senses of weak entries
    ("Hackers meddled in the port election.", "loaded.meddle", False),
    ("The inquiry into vote meddling opened in June.", "loaded.meddle", False),
    ("The governor meddled in the ferry timetable.", "loaded.meddle", True),
    ("Courts jailed three violent extremists last year.", "loaded.extremist", False),
    ("The columnist called the harbour master an extremist.", "loaded.extremist", True),
    ("Police watched a far-right group outside the court.", "loaded.far-right", False),
    ("The far-left councillor blocked the budget.", "loaded.far-right", True),
    ("A devastating cyclone flattened the pier.", "loaded.devastating", False),
    ("The audit was a devastating verdict on the board.", "loaded.devastating", True),
    ("He was convicted of aiding terrorist cells.", "loaded.terrorist", False),
    ("The mayor called the strikers terrorists.", "loaded.terrorist", True),
    ("Tenants joined a scheme that gives them cheaper loans.", "loaded.scheme", False),
    ("The clerks hatched a scheme to skim the fares.", "loaded.scheme", True),
    ("Paperwork takes an awful lot of time.", "loaded.awful", False),
    ("The awful ruling split the town.", "loaded.awful", True),
    ("The delay was not terribly surprising.", "loaded.terrible", False),
    ("Rules that stifle innovation worry the port's startups.", "loaded.stifle", False),
    ("The chair stifled debate on the motion.", "loaded.stifle", True),
    ("The leak stoked speculation about the merger.", "loaded.stoke", False),
    ("The ads stoked hatred of the newcomers.", "loaded.stoke", True),
    ("The mayor faces a nasty primary fight.", "loaded.nasty", False),
    ("The nasty councillor mocked the petitioners.", "loaded.nasty", True),
    ("An endless list of options confused the buyers.", "loaded.endless", False),
    ("Residents are tired of endless roadworks.", "loaded.endless", True),
    ("Leftist rebels held the hills for a decade.", "loaded.leftist", False),
    ("Wildfire crews trained all spring. The county prepared for disaster.", "loaded.disaster", False),
    ("The county's new ferry timetable was a disaster.", "loaded.disaster", True),
    ("Leftist teachers are ruining the schools, he wrote.", "loaded.leftist", True),
])
def test_senses_by_construction(text, entry_id, expected):
    assert has(text, entry_id) == expected
