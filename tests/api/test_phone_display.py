"""Phone numbers in a list read one way: libphonenumber's international format, and the same
grouping (calling code, then threes) for numbers it cannot format - never each in its own style."""

from __future__ import annotations

import re

import pytest

from contact_desk.api.validate import phone_for_people

ONE_STYLE = re.compile(r"^(\+\d{1,3} )?\d{1,4}( \d{1,4})*$")


@pytest.mark.parametrize(("stored", "shown"), [
    ("+393331234567", "+39 333 123 4567"),  # libphonenumber formats it
    ("+39 12", "+39 12"),  # too short to be a number: grouped the same way
    ("0039-333-12", "+39 333 12"),
    ("333/1234567", "333 123 4567"),
    ("+3912345678901234", "+39 123 456 789 012 34"),
])
def test_numbers_read_one_way(stored: str, shown: str) -> None:
    assert phone_for_people(stored) == shown
    assert ONE_STYLE.match(shown)


@pytest.mark.parametrize("text", ["abc", "+39 333 x12", "call reception", ""])
def test_text_that_is_not_a_number_stays_as_it_came(text: str) -> None:
    assert phone_for_people(text) == text
