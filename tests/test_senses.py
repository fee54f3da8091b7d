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
