"""Mentions: encode on send, read back, validate, find the "@name" being typed."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from services.mentions import (
    MAX_LENGTH,
    TextProblem,
    compose,
    encode_mention,
    escape,
    mention_prefix,
    mentioned,
    normalise,
    resolve_names,
    to_plain,
    validate,
)
from services.models import Person
from services.text import strip_controls

JAN = Person(7, "0b6c5f5e-1d2a-4a4e-9d7b-3d9a1c0e7f11", "Jan de Boer", "https://i.example/u/jan/")
JANNEKE = Person(8, "1b6c5f5e-1d2a-4a4e-9d7b-3d9a1c0e7f12", "Janneke Smit", "")


def test_mentions_encode_in_humhub_form():
    assert encode_mention(JAN) == (
        '[Jan de Boer](mention:0b6c5f5e-1d2a-4a4e-9d7b-3d9a1c0e7f11 "https://i.example/u/jan/")'
    )


def test_mentions_encode_without_unsafe_title_and_escapes_name():
    odd = Person(1, "abc-1", "Ann [admin]", 'https://x/"onload')
    assert encode_mention(odd) == r"[Ann \[admin\]](mention:abc-1)"


def test_mentions_compose_encodes_each_picked_person_longest_first():
    jan = Person(9, "g-jan", "Jan", "")
    text = "Dank je @Jan de Boer en @Jan!"
    message = compose(text, [jan, JAN])
    assert message == ("Dank je " + encode_mention(JAN) + " en " + encode_mention(jan) + "!")
    assert mentioned(message) == (("Jan de Boer", JAN.guid), ("Jan", "g-jan"))
    assert to_plain(message) == text


def test_mentions_compose_ignores_deleted_mentions_and_escapes_markdown():
    message = compose("5 * 3 = [x](mention:evil) _ok_", [JANNEKE])
    assert mentioned(message) == ()
    assert message == r"5 \* 3 = \[x\](mention:evil) \_ok\_"
    assert to_plain(message) == "5 * 3 = [x](mention:evil) _ok_"


def test_mentions_leave_web_addresses_alone():
    assert escape("zie https://i.example/a_b_c*d en *dit*") == (
        r"zie https://i.example/a_b_c*d en \*dit\*"
    )


def test_mentions_validate_empty_and_too_long():
    assert validate("") is TextProblem.EMPTY
    assert validate(" \n\t ") is TextProblem.EMPTY
    assert validate("x" * MAX_LENGTH) is None
    assert validate("x" * (MAX_LENGTH + 1)) is TextProblem.TOO_LONG


def test_mentions_prefix_finds_the_name_being_typed():
    assert mention_prefix("Dank je @Ja", 11) == (8, "Ja")
    assert mention_prefix("@", 1) == (0, "")
    assert mention_prefix("Dank je @Jan de", 15) == (8, "Jan de")
    assert mention_prefix("mail a@b.nl", 11) is None
    assert mention_prefix("@Jan\nverder", 11) is None
    assert mention_prefix("geen", 4) is None


def test_mentions_normalise_ignores_whitespace_and_escapes():
    assert normalise("Hallo  \r\n *wereld*") == normalise(r"Hallo \*wereld\*")


@given(st.text(max_size=200))
def test_mentions_compose_round_trips_plain_text(text):
    message = compose(text, [])
    assert mentioned(message) == ()
    assert to_plain(message) == strip_controls(text).strip()


@given(st.text(alphabet=st.sampled_from("ab @[]()*_\\n"), max_size=60))
def test_mentions_only_picked_people_become_mentions(text):
    message = compose(text + " @Jan de Boer", [JAN])
    assert mentioned(message) == (("Jan de Boer", JAN.guid),) * message.count("](mention:")


def test_mentions_resolve_full_names_typed_on_the_command_line():
    people = [JAN, JANNEKE, Person(9, "g-jan2", "Jan", "")]

    def search(prefix):
        return [p for p in people if p.display_name.startswith(prefix)]

    resolved = resolve_names("Dank je @Jan de Boer, en @Janneke Smit! @Onbekend", search)
    assert resolved.people == (JAN, JANNEKE)
    assert resolved.unknown == ("@Onbekend",)
    message = compose("Dank je @Jan de Boer", resolved.people)
    assert mentioned(message) == (("Jan de Boer", JAN.guid),)


def _people_search(people):
    def search(prefix):
        low = prefix.casefold()
        return [
            p
            for p in people
            if any(w.casefold().startswith(low) for w in p.display_name.split())
            or p.display_name.casefold().startswith(low)
        ]

    return search


def test_a_first_name_only_one_colleague_has_becomes_a_mention():
    bakker = Person(5, "g-bakker", "Jan Bakker", "")
    search = _people_search([bakker, JANNEKE])
    resolved = resolve_names("Dank je @Jan!", search)
    assert resolved.text == "Dank je @Jan Bakker!"
    assert resolved.people == (bakker,)
    assert resolved.open == ()
    assert mentioned(compose(resolved.text, resolved.people)) == (("Jan Bakker", "g-bakker"),)


def test_a_shared_first_name_is_ambiguous_and_a_stranger_unknown():
    bakker = Person(5, "g-bakker", "Jan Bakker", "")
    search = _people_search([bakker, JAN, JANNEKE])
    resolved = resolve_names("Dank je @Jan en @Onbekend, en @Janneke Smit.", search)
    assert resolved.ambiguous == ("@Jan",)
    assert resolved.unknown == ("@Onbekend",)
    assert resolved.people == (JANNEKE,)
    assert resolved.text == "Dank je @Jan en @Onbekend, en @Janneke Smit."


def test_names_picked_in_the_dialog_are_left_alone():
    search = _people_search([JAN, Person(5, "g-bakker", "Jan Bakker", "")])
    resolved = resolve_names("Hoi @Jan de Boer!", search, known=[JAN])
    assert resolved.people == (JAN,)
    assert resolved.open == ()
