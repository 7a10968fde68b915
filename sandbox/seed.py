"""The seeded demo organisation: Dutch colleagues, spaces, posts, a poll and notifications.

Deterministic for a given seed (guids, time offsets and the order of reactions).
"""

from __future__ import annotations

import json
import random

from sandbox import model
from sandbox.clock import ago, stamp
from sandbox.world import DEMO_PASSWORD, DEMO_USERNAME, POST_MODEL, SPACE_CLASS, USER_CLASS, World

COLLEAGUE_PASSWORD = "welkom"  # noqa: S105 - shared password of the seeded colleagues

# username, firstname, lastname, title, gender, city, tags
PEOPLE = [
    (DEMO_USERNAME, "Sanne", "de Vries", "Teamleider zorg", "female", "Utrecht", []),
    ("marieke", "Marieke", "Jansen", "Directeur", "female", "Utrecht", ["leader"]),
    ("jan", "Jan", "Bakker", "Wijkverpleegkundige", "male", "Zeist", []),
    ("fatima", "Fatima", "El Amrani", "Planner", "female", "Utrecht", []),
    ("daan", "Daan", "Visser", "ICT-beheerder", "male", "Houten", []),
    ("priya", "Priya", "Ramdin", "HR-adviseur", "female", "Nieuwegein", []),
    ("kees", "Kees", "de Boer", "Facilitair medewerker", "male", "Utrecht", []),
    ("noor", "Noor", "Hendriks", "Verzorgende IG", "female", "Maarssen", []),
    ("ahmed", "Ahmed", "Yilmaz", "Communicatieadviseur", "male", "Utrecht", []),
]

# slug, name, description, owner, tags
SPACES = [
    ("algemeen", "Algemeen", "Nieuws en mededelingen voor iedereen.", "marieke", ["nieuws"]),
    ("complimenten", "Complimenten", "Zet een collega in het zonnetje.", "ahmed", ["kudos"]),
    ("marktplaats", "Marktplaats", "Vraag en aanbod tussen collega's.", "kees", ["te koop"]),
]


def _guid(rng: random.Random) -> str:
    return model.new_guid(rng)


def _people(world: World, rng: random.Random) -> dict[str, int]:
    ids: dict[str, int] = {}
    for username, first, last, title, gender, city, tags in PEOPLE:
        guid = _guid(rng)
        container = world.db.execute(
            "INSERT INTO container(guid, class, pk) VALUES(?, ?, 0)", (guid, USER_CLASS)
        )
        password = DEMO_PASSWORD if username == DEMO_USERNAME else COLLEAGUE_PASSWORD
        uid = world.db.execute(
            "INSERT INTO user(guid, username, email, password, firstname, lastname, title,"
            " gender, city, about, language, tags, container_id, created_at)"
            " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                guid,
                username,
                f"{username}@zorgpunt.example",
                password,
                first,
                last,
                title,
                gender,
                city,
                f"{title} bij Zorgpunt.",
                "nl",
                json.dumps(tags),
                container,
                ago(days=200),
            ),
        )
        world.db.execute("UPDATE container SET pk = ? WHERE id = ?", (uid, container))
        ids[username] = uid
    return ids


def _spaces(world: World, rng: random.Random, people: dict[str, int]) -> dict[str, int]:
    containers: dict[str, int] = {}
    for slug, name, description, owner, tags in SPACES:
        guid = _guid(rng)
        container = world.db.execute(
            "INSERT INTO container(guid, class, pk) VALUES(?, ?, 0)", (guid, SPACE_CLASS)
        )
        sid = world.db.execute(
            "INSERT INTO space(guid, name, slug, description, container_id, owner_id,"
            " visibility, join_policy, tags) VALUES(?,?,?,?,?,?,1,2,?)",
            (guid, name, slug, description, container, people[owner], json.dumps(tags)),
        )
        world.db.execute("UPDATE container SET pk = ? WHERE id = ?", (sid, container))
        containers[slug] = container
    return containers


def seed(world: World, seed_value: int = 1) -> None:
    """Fill an empty database with the demo organisation (no-op when already seeded)."""
    if world.db.meta("seeded") is not None:
        return
    rng = random.Random(seed_value)
    with world.db.tx():
        people = _people(world, rng)
        spaces = _spaces(world, rng, people)
        _content(world, rng, people, spaces)
        world.db.set_meta("seeded", stamp())


def _content(
    world: World, rng: random.Random, people: dict[str, int], spaces: dict[str, int]
) -> None:
    demo = world.user(people[DEMO_USERNAME])
    assert demo is not None  # noqa: S101 - inserted just before
    hours = sorted((rng.uniform(2, 70) for _ in range(7)), reverse=True)
    post = model.create_post
    post(
        world,
        people["marieke"],
        spaces["algemeen"],
        "Welkom op ons nieuwe intranet! Deel hier je nieuws, vragen en successen. "
        "Ik ben benieuwd naar jullie eerste berichten.",
        topics=["Nieuws"],
        when=ago(hours=hours[0]),
        rng=rng,
    )
    lunch, _ = post(
        world,
        people[DEMO_USERNAME],
        spaces["algemeen"],
        "Wie heeft er zin om vrijdag samen te lunchen in de kantine? Ik neem soep mee!",
        when=ago(hours=hours[1]),
        rng=rng,
    )
    for name in ("jan", "fatima"):
        model.add_like(world, people[name], POST_MODEL, lunch, when=ago(hours=hours[2]))
    kudos, _ = post(
        world,
        people["jan"],
        spaces["complimenten"],
        f"Een groot compliment voor {model.mention(world, demo)}: zij regelde in één dag "
        "vervanging voor het hele weekend. Top!",
        topics=["Complimenten"],
        when=ago(hours=hours[3]),
        rng=rng,
    )
    model.add_like(world, people["marieke"], POST_MODEL, kudos, when=ago(hours=hours[3]))
    post(
        world,
        people["priya"],
        spaces["marktplaats"],
        "Te koop: een kinderfiets (16 inch), zo goed als nieuw. Prijs in overleg.",
        topics=["Te koop"],
        when=ago(hours=hours[4]),
        rng=rng,
    )
    model.create_poll(
        world,
        people["marieke"],
        spaces["algemeen"],
        "Waar gaan we heen met het teamuitje?",
        ["Bowlen", "Escape room", "Wandeling met picknick"],
        description="Stem voor vrijdag, dan kan ik reserveren.",
        when=ago(hours=hours[5]),
        rng=rng,
        notify_members=False,
    )
    world.db.execute("UPDATE notification SET seen = 1")  # everything so far was read
    thanks, _ = post(
        world,
        people[DEMO_USERNAME],
        spaces["complimenten"],
        "Dank aan het team van de receptie voor de hulp bij de verhuizing van afdeling 3!",
        topics=["Complimenten"],
        when=ago(hours=hours[6]),
        rng=rng,
    )
    thanks_content = world.post(thanks)
    assert thanks_content is not None  # noqa: S101 - created just before
    model.add_like(world, people["noor"], POST_MODEL, thanks, when=ago(hours=1.5))
    model.add_comment(
        world,
        people["daan"],
        int(thanks_content["content_id"]),
        "Helemaal mee eens, ze waren geweldig.",
        when=ago(hours=1),
    )
    post(
        world,
        people["kees"],
        spaces["algemeen"],
        "Let op: maandag wordt de parkeerplaats opnieuw geasfalteerd. Parkeer aan de overkant.",
        when=ago(minutes=40),
        rng=rng,
    )
