"""Minimal browser pages (plain, escaped HTML): home, notification entry, permalinks, spaces,
profiles and search. Like HumHub's web UI they use the browser session, not an API token: the
sandbox treats every browser as the signed-in demo user.
"""

from __future__ import annotations

import re
from html import escape

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from sandbox import notify, texts
from sandbox.http import world_of
from sandbox.world import POLL_MODEL, World, display_name

_MENTION = re.compile(r"\[([^\]]*)\]\(mention:([0-9a-f-]{36})(?: \"[^\"]*\")?\)")


def page(title: str, body: str, status: int = 200) -> HTMLResponse:
    html = (
        '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">'
        f"<title>{escape(title)} - Zorgpunt (sandbox)</title></head><body>"
        '<nav><a href="/">Start</a> | <form action="/search" style="display:inline">'
        '<input name="keyword" aria-label="Zoeken"> <button>Zoeken</button></form></nav>'
        f"<h1>{escape(title)}</h1>{body}<footer>Powered by HumHub</footer></body></html>"
    )
    return HTMLResponse(html, status)


async def login_page(request: Request) -> Response:
    """HumHub's sign-in page (the sandbox never asks: every browser is the demo user)."""
    return page("Inloggen", '<p><a href="/">Verder als demo-gebruiker</a></p>')


async def account_edit_page(request: Request) -> Response:
    """HumHub's profile editor (where Startpunt's profile reminder leads); read-only here."""
    body = (
        "<p>Hier vul je op een echt intranet je functie, een paar woorden over jezelf en je "
        "telefoonnummer in, en zet je een foto op je profiel.</p>"
        "<p>De sandbox bewaart geen wijzigingen.</p>"
    )
    return page("Profiel bewerken", body)


def not_found() -> HTMLResponse:
    return page("Pagina niet gevonden", "<p>Deze pagina bestaat niet (meer).</p>", 404)


def render(world: World, message: str) -> str:
    """Richtext to safe HTML: text escaped, mentions as profile links."""
    out, last = [], 0
    for match in _MENTION.finditer(message):
        out.append(escape(message[last : match.start()]))
        user = world.db.one("SELECT * FROM user WHERE guid = ?", (match.group(2),))
        name = escape(match.group(1))
        out.append(f'<a href="/u/{escape(user["username"])}/">@{name}</a>' if user else name)
        last = match.end()
    out.append(escape(message[last:]))
    return "".join(out).replace("\n", "<br>")


def _teaser(world: World, content_id: int) -> str:
    content = world.content(content_id)
    if content is None:
        return ""
    author = world.user(int(content["created_by"]))
    who = escape(display_name(author)) if author else "?"
    where = escape(world.container_name(int(content["container_id"])))
    if content["object_model"] == POLL_MODEL:
        poll = world.poll(int(content["object_id"]))
        text = "Peiling: " + escape(str(poll["question"])) if poll else ""
    else:
        post = world.post(int(content["object_id"]))
        text = escape(texts.preview(str(post["message"]), 80)) if post else ""
    return (
        f'<li><a href="/content/perma?id={content_id}">{text}</a> - {who} in {where},'
        f" {escape(str(content['created_at']))}</li>"
    )


def _stream(world: World, *, container: int | None = None, author: int | None = None) -> str:
    rows = world.db.all(
        "SELECT id FROM content WHERE (? IS NULL OR container_id = ?)"
        " AND (? IS NULL OR created_by = ?) ORDER BY created_at DESC, id DESC LIMIT 30",
        (container, container, author, author),
    )
    return "<ul>" + "".join(_teaser(world, int(r["id"])) for r in rows) + "</ul>"


async def home(request: Request) -> Response:
    world = world_of(request)
    demo = world.demo_user()
    rows = notify.query(world, int(demo["id"]), unseen_only=True, exclude=set())
    items = "".join(
        f'<li><a href="/notification/entry?id={r["id"]}">{notify.output(world, r)}</a></li>'
        for r in rows
    )
    spaces = "".join(
        f'<li><a href="/s/{escape(s["slug"])}/">{escape(s["name"])}</a></li>'
        for s in world.db.all("SELECT * FROM space ORDER BY id")
    )
    body = (
        f"<p>Welkom, {escape(display_name(demo))}.</p><h2>Nieuwe meldingen</h2>"
        f"<ul>{items or '<li>Geen nieuwe meldingen.</li>'}</ul><h2>Spaces</h2><ul>{spaces}</ul>"
        f"<h2>Laatste berichten</h2>{_stream(world)}"
    )
    return page("Start", body)


async def entry(request: Request) -> Response:
    world = world_of(request)
    raw = request.query_params.get("id", "")
    row = world.db.one("SELECT * FROM notification WHERE id = ?", (raw,)) if raw.isdigit() else None
    if row is None:
        return not_found()
    notify.mark_seen(world, int(row["id"]))
    target = world.perma_url(int(row["content_id"]))
    if row["comment_id"] is not None:
        target += f"&commentId={row['comment_id']}"
    return RedirectResponse(target, status_code=302)


async def perma(request: Request) -> Response:
    world = world_of(request)
    raw = request.query_params.get("id", "")
    content = world.content(int(raw)) if raw.isdigit() else None
    if content is None:
        return not_found()
    author = world.user(int(content["created_by"]))
    model, object_id = str(content["object_model"]), int(content["object_id"])
    if model == POLL_MODEL:
        poll = world.poll(object_id)
        answers = world.db.all("SELECT * FROM poll_answer WHERE poll_id = ?", (object_id,))
        title = f"Peiling: {poll['question']}" if poll else "Peiling"
        main = "<ul>" + "".join(f"<li>{escape(a['answer'])}</li>" for a in answers) + "</ul>"
    else:
        post = world.post(object_id)
        title = "Bericht"
        main = f"<article><p>{render(world, str(post['message']))}</p></article>" if post else ""
    likers = world.db.all(
        'SELECT user.* FROM "like" JOIN user ON user.id = "like".created_by'
        ' WHERE "like".object_model = ? AND "like".object_id = ? ORDER BY "like".id',
        (model, object_id),
    )
    comments = world.db.all(
        "SELECT * FROM comment WHERE content_id = ? ORDER BY created_at, id", (content["id"],)
    )
    comment_items = "".join(
        f'<li id="comment-{c["id"]}"><strong>{escape(_name(world, int(c["created_by"])))}'
        f"</strong>: {render(world, str(c['message']))}</li>"
        for c in comments
    )
    body = (
        f"<p>Door <strong>{escape(display_name(author)) if author else '?'}</strong> in "
        f"{escape(world.container_name(int(content['container_id'])))},"
        f" {escape(str(content['created_at']))}</p>{main}"
        f'<p class="likes">{len(likers)} vind-ik-leuks'
        + (": " + ", ".join(escape(display_name(u)) for u in likers) if likers else "")
        + f'</p><h2>Reacties ({len(comments)})</h2><ul class="comments">{comment_items}</ul>'
    )
    return page(title, body)


def _name(world: World, user_id: int) -> str:
    user = world.user(user_id)
    return display_name(user) if user is not None else "?"


async def space_page(request: Request) -> Response:
    world = world_of(request)
    row = world.db.one("SELECT * FROM space WHERE slug = ?", (request.path_params["slug"],))
    if row is None:
        return not_found()
    body = f"<p>{escape(row['description'])}</p>" + _stream(
        world, container=int(row["container_id"])
    )
    return page(str(row["name"]), body)


async def profile(request: Request) -> Response:
    world = world_of(request)
    user = world.user_by_name(str(request.path_params["username"]))
    if user is None:
        return not_found()
    body = f"<p>{escape(user['title'])}, {escape(user['city'])}</p>" + _stream(
        world, author=int(user["id"])
    )
    return page(display_name(user), body)


async def search(request: Request) -> Response:
    world = world_of(request)
    keyword = request.query_params.get("keyword", "").strip()
    if not keyword:
        return page("Zoeken", "<p>Typ een zoekwoord.</p>")
    like = f"%{keyword}%"
    people = world.db.all(
        "SELECT * FROM user WHERE firstname || ' ' || lastname LIKE ? OR username LIKE ?",
        (like, like),
    )
    spaces = world.db.all("SELECT * FROM space WHERE name LIKE ?", (like,))
    found = world.db.all(
        "SELECT content_id AS id FROM post WHERE message LIKE ? UNION SELECT content_id FROM"
        " poll WHERE question LIKE ?",
        (like, like),
    )
    body = (
        "<h2>Mensen</h2><ul>"
        + "".join(
            f'<li><a href="/u/{escape(u["username"])}/">{escape(display_name(u))}</a></li>'
            for u in people
        )
        + "</ul><h2>Spaces</h2><ul>"
        + "".join(
            f'<li><a href="/s/{escape(s["slug"])}/">{escape(s["name"])}</a></li>' for s in spaces
        )
        + "</ul><h2>Berichten</h2><ul>"
        + "".join(_teaser(world, int(r["id"])) for r in found)
        + "</ul>"
    )
    return page(f"Zoeken: {keyword}", body)


ROUTES = [
    Route("/", home, methods=["GET"]),
    Route("/notification/entry", entry, methods=["GET"]),
    Route("/content/perma", perma, methods=["GET"]),
    Route("/s/{slug}/", space_page, methods=["GET"]),
    Route("/u/{username}/", profile, methods=["GET"]),
    Route("/search", search, methods=["GET"]),
    Route("/user/auth/login", login_page, methods=["GET"]),
    Route("/user/account/edit", account_edit_page, methods=["GET"]),
]
