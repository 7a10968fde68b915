"""HumHub polls JSON → `Poll`: pure functions that never crash on what a server sends.

Owns the wire shape of the polls module (1.4.5): flags are 0/1 (or booleans, or digit
strings), answers carry only an id and a text (REST has no vote counts), and a poll has no
end date. A newer module or another server may name an end (`end_date`, `deadline`,
`end_at`); the first one that reads as a time is kept, anything else is ignored. A bad
answer is dropped; a poll without an id or with fewer than one usable answer is an error
(the caller skips it). The vote read-back (`GET /polls/vote/{id}`) is a list of answer ids.
"""

from __future__ import annotations

from datetime import UTC, tzinfo

from services.errors import ResponseError
from services.humhub.parse_content import parse_person, parse_server_time, safe_url
from services.humhub.wire import JsonObject, as_object, get_id, get_object, get_str, is_id
from services.models import Poll, PollAnswer
from services.text import clean_text, html_to_text

MAX_QUESTION = 500
MAX_DESCRIPTION = 2000
MAX_ANSWER = 300
MAX_ANSWERS = 50
_END_FIELDS = ("end_date", "deadline", "end_at")


def flag(obj: JsonObject | None, key: str) -> bool:
    """A 0/1 flag as PHP sends it (int, bool or digit string); anything else is false."""
    value = None if obj is None else obj.get(key)
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value != 0
    return isinstance(value, str) and value.strip() not in ("", "0")


def parse_answer(value: object) -> PollAnswer | None:
    """One answer; None when it has no usable id."""
    if not isinstance(value, dict):
        return None
    obj = {str(k): v for k, v in value.items()}
    answer_id = get_id(obj, "id")
    if answer_id is None:
        return None
    text = clean_text(get_str(obj, "answer") or "", max_length=MAX_ANSWER)
    return PollAnswer(id=answer_id, text=text)


def parse_poll(value: object, server_tz: tzinfo = UTC) -> Poll:
    """A Poll; ResponseError without an id or without any usable answer."""
    obj = as_object(value, "poll")
    poll_id = get_id(obj, "id")
    if poll_id is None:
        raise ResponseError("poll without an id in 1..2^63-1")
    raw_answers = obj.get("answers")
    answers: list[PollAnswer] = []
    if isinstance(raw_answers, list):
        for raw in raw_answers[:MAX_ANSWERS]:
            answer = parse_answer(raw)
            if answer is not None and all(a.id != answer.id for a in answers):
                answers.append(answer)
    if not answers:
        raise ResponseError("poll without usable answers")
    meta = get_object(get_object(obj, "content"), "metadata")
    ends_at = None
    for key in _END_FIELDS:
        ends_at = parse_server_time(obj.get(key), server_tz)
        if ends_at is not None:
            break
    container_id = get_id(obj, "contentcontainer_id")
    if container_id is None and meta is not None:
        container_id = get_id(meta, "contentcontainer_id")
    return Poll(
        id=poll_id,
        question=clean_text(get_str(obj, "question") or "", max_length=MAX_QUESTION),
        description=html_to_text(get_str(obj, "description") or "", max_length=MAX_DESCRIPTION),
        answers=tuple(answers),
        allow_multiple=flag(obj, "allow_multiple"),
        closed=flag(obj, "closed"),
        anonymous=flag(obj, "anonymous"),
        contentcontainer_id=container_id,
        url=safe_url(get_str(meta, "url")) if meta is not None else "",
        created_by=parse_person(obj.get("created_by")),
        created_at=parse_server_time(obj.get("created_at"), server_tz),
        ends_at=ends_at,
    )


def parse_my_votes(value: object) -> frozenset[int]:
    """`GET /polls/vote/{id}`: the caller's answer ids; non-ids are dropped."""
    if isinstance(value, list):
        return frozenset(v for v in value if is_id(v) and isinstance(v, int))
    if is_id(value) and isinstance(value, int):  # one id without a list
        return frozenset({value})
    raise ResponseError(f"my votes: expected a JSON array, got {type(value).__name__}")
