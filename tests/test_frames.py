"""Reporting verbs are flagged only in a speech frame (framing/frames.py); new invented
sentences, none of them the lexicon's own examples."""
from __future__ import annotations

import pytest

import framing


def report_verbs(text: str) -> list[str]:
    return [f.text for f in framing.analyse(text, model=False).flags if f.kind == "report_verb"]


@pytest.mark.parametrize("text, expected", [
    # speech frames: a that-clause, a bare clause with a speaker, a quotation, an infinitive
    ("The harbour master admitted that the crane had failed twice.", ["admitted"]),
    ("The minister admitted the figures were wrong.", ["admitted"]),
    ("The mayor claimed the ferry would pay for itself.", ["claimed"]),
    ("“The pier is safe,” the engineer insists.", ["insists"]),
    ("The governor vowed to rebuild the lighthouse.", ["vowed"]),
    ("Ilse Varga conceded the timetable was too tight.", ["conceded"]),
    ("Officials at the ministry are conceding the plan was rushed.", ["conceding"]),
    ("She was fined for claiming the tender was rigged.", ["claiming"]),
    ("Fishermen contend the new berth will ruin the bay.", ["contend"]),
    # no speech frame: noun and adjective uses, passives, documents, taking possession
    ("Surgeons at the clinic lost their admitting privileges last year.", []),
    ("She forgave his broken vows after a decade.", []),
    ("Police say the blast shattered windows across the street.", []),
    ("The navy has been claiming swaths of the sea around the reef.", []),
    ("The coastguard is claiming the islands for the crown.", []),
    ("Court documents revealed the payment was made in March.", []),
    ("The ledger discloses two payments to the contractor.", []),
    ("Migrants who are admitted each year must register.", []),
    ("Farmers can claim the refund until June.", []),
    ("The letter fed the critics' claims that the tender was rigged.", []),
    # a capitalised first word before a comma heads no noun phrase; a claim for lost money
    ("But in the end, quiet gossip reveals little about a town.", []),
    ("Officials at the port revealed the ferry was late.", ["revealed"]),
    ("The growers sued the mill, claiming unpaid wages and asking for a hearing.", []),
])
def test_reporting_verbs_need_a_speech_frame(text, expected):
    assert report_verbs(text) == expected
