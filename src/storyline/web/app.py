"""The web UI and JSON API over one store, read-only.

Each request opens its own read-only connection (SQLite ``mode=ro``), so the server can never
change the store and requests never share a cursor. Pages and ``/api/`` render the same dicts from
``web.data``. Article text is hostile input: templates autoescape, the highlighter escapes every
piece, only http(s) URLs become links, and a strict Content-Security-Policy forbids inline
scripts (the one script is a static file). Static files are a fixed set of names read from the
package at start-up: no part of a request path ever reaches the file system.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote as _urlquote
from urllib.parse import urlencode, urlsplit

import jinja2
from fastapi import APIRouter, Depends, FastAPI, HTTPException, Query, Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from storyline import __version__
from storyline.report import headline
from storyline.store import Store
from storyline.web import data, schemas
from storyline.web.highlight import highlight
from storyline.web.timeline import layout

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
SECURITY_HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
                    "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"}
STATIC = {"style.css": "text/css; charset=utf-8", "app.js": "text/javascript; charset=utf-8"}


# ------------------------------------------------------------------ helpers for templates

def safe_url(url: str | None) -> str | None:
    """The URL when it is http(s) with a host (a link target we allow), else None."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def href(kind: str, item_id: str | None) -> str:
    return f"/{kind}/{_urlquote(item_id or '', safe='')}"


def span_href(article_id: str | None, span: dict[str, Any] | None) -> str:
    """A link to the words ``span`` covers in their article (highlighted and scrolled to there), or to
    the article when the span is unknown: every fact shown leads back to its sentence."""
    if span and isinstance(span.get("start"), int) and isinstance(span.get("end"), int):
        return f"{href('articles', article_id)}?at={span['start']}-{span['end']}#at"
    return href("articles", article_id)


def short_outlet(outlet: str | None) -> str:
    """An outlet as a column head: without a leading ``www.`` (wide tables of hosts stay readable)."""
    return (outlet or "").removeprefix("www.")


def when(published: str | None) -> str:
    """A publication time as a reader scans it: ``2017-10-02 09:12``, or the day alone when no time
    of day is known (a midnight stamp is how feeds write a bare date)."""
    if not published:
        return ""
    day, _, time = published.partition("T")
    time = time[:5]
    return day if time in ("", "00:00") else f"{day} {time}"


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader("storyline.web", "templates"), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True)
    env.globals.update(safe_url=safe_url, href=href, span_href=span_href, headline=headline, version=__version__)
    env.filters["short_outlet"] = short_outlet
    env.filters["when"] = when
    env.filters["query"] = lambda params: urlencode({k: v for k, v in params.items() if v not in (None, "")})
    return env


def _static_files() -> dict[str, tuple[bytes, str]]:
    root = resources.files("storyline.web").joinpath("static")
    return {name: (root.joinpath(name).read_bytes(), media) for name, media in STATIC.items()}


# ------------------------------------------------------------------ dependencies

def get_store(request: Request) -> Iterator[Store]:
    store = Store(request.app.state.db_path, readonly=True)
    try:
        yield store
    finally:
        store.close()


def get_filters(q: str | None = None, outlet: str | None = None, entity: str | None = None,
                start: Annotated[str | None, Query(alias="from")] = None,
                end: Annotated[str | None, Query(alias="to")] = None) -> data.Filters:
    try:
        return data.Filters.parse(q, outlet, entity, start, end)
    except data.BadRequest as exc:
        raise HTTPException(422, str(exc)) from None


StoreDep = Annotated[Store, Depends(get_store)]
FiltersDep = Annotated[data.Filters, Depends(get_filters)]
Limit = Annotated[int, Query(ge=1, le=1000)]
Offset = Annotated[int, Query(ge=0)]


def _found(value: dict[str, Any] | None, what: str) -> dict[str, Any]:
    if value is None:
        raise HTTPException(404, f"no such {what}")
    return value


# ------------------------------------------------------------------ JSON API

api = APIRouter(prefix="/api", tags=["api"])


@api.get("/stories", response_model=schemas.StoryList)
def api_stories(store: StoreDep, filters: FiltersDep, limit: Limit = 100, offset: Offset = 0) -> Any:
    return data.list_stories(store, filters, limit, offset)


@api.get("/stories/{story_id}", response_model=schemas.StoryDetail)
def api_story(story_id: str, store: StoreDep) -> Any:
    return _found(data.story_detail(store, story_id), "story")


@api.get("/articles", response_model=schemas.ArticleList)
def api_articles(store: StoreDep, filters: FiltersDep, limit: Limit = 100, offset: Offset = 0) -> Any:
    return data.list_articles(store, filters, limit, offset)


@api.get("/articles/{article_id}", response_model=schemas.ArticleDetail)
def api_article(article_id: str, store: StoreDep) -> Any:
    return _found(data.article_detail(store, article_id), "article")


@api.get("/entities/{entity_id}", response_model=schemas.EntityDetail)
def api_entity(entity_id: str, store: StoreDep) -> Any:
    return _found(data.entity_detail(store, entity_id), "entity")


@api.get("/search", response_model=schemas.SearchResult)
def api_search(store: StoreDep, q: Annotated[str, Query(min_length=1, max_length=500)], limit: Limit = 50) -> Any:
    return data.search(store, q, limit)


# ------------------------------------------------------------------ HTML pages

pages = APIRouter(include_in_schema=False)


def _page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    html = request.app.state.templates.get_template(name).render(request_path=request.url.path, **context)
    return HTMLResponse(html, status_code=status)


def _filters_context(store: Store, filters: data.Filters) -> dict[str, Any]:
    params = {"q": filters.q, "outlet": filters.outlet, "entity": filters.entity, "from": filters.start,
              "to": filters.end}
    return {"filters": params, "options": data.filter_options(store)}


@pages.get("/", response_class=HTMLResponse)
def index(request: Request, store: StoreDep, filters: FiltersDep, limit: Limit = 100, offset: Offset = 0) -> Any:
    """Stories, or the articles when no stories are stored yet."""
    if not store.count("stories"):
        return articles_page(request, store, filters, limit, offset)
    return _page(request, "list.html", mode="stories", result=data.list_stories(store, filters, limit, offset),
                 **_filters_context(store, filters))


@pages.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, store: StoreDep, filters: FiltersDep, limit: Limit = 100,
                  offset: Offset = 0) -> Any:
    return _page(request, "list.html", mode="articles", result=data.list_articles(store, filters, limit, offset),
                 **_filters_context(store, filters))


@pages.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str, store: StoreDep) -> Any:
    detail = _found(data.story_detail(store, story_id), "story")
    chart = layout(*data.timeline_points(detail["timeline"]))
    return _page(request, "story.html", d=detail, chart=chart)


@pages.get("/stories/{story_id}/{part}", response_class=HTMLResponse)
def story_part_page(request: Request, story_id: str, part: str, store: StoreDep) -> Any:
    """All rows of one long section of a story (the story page shows the first of them)."""
    if part not in ("timeline", "events", "quotes"):
        raise HTTPException(404, "no such page")
    detail = _found(data.story_detail(store, story_id), "story")
    return _page(request, "story_part.html", d=detail, part=part)


@pages.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str, store: StoreDep,
                 at: Annotated[str | None, Query(max_length=40)] = None) -> Any:
    """An article with its annotations; ``at=START-END`` marks the passage a link points at."""
    detail = _found(data.article_detail(store, article_id), "article")
    focus = data.passage(detail["article"]["text"], at)
    text = highlight(detail["article"]["text"], data.article_marks(detail, focus))
    return _page(request, "article.html", d=detail, text=text, focus=focus)


@pages.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, entity_id: str, store: StoreDep) -> Any:
    detail = _found(data.entity_detail(store, entity_id), "entity")
    chart = layout(*data.timeline_points(_entity_timeline(detail)))
    return _page(request, "entity.html", d=detail, chart=chart)


def _entity_timeline(detail: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"date": a["published"], "kind": "published", "text": headline(a), "article_id": a["id"],
             "outlet": a["outlet"] or data.UNKNOWN_OUTLET} for a in detail["articles"] if a["published"]]


@pages.get("/search", response_class=HTMLResponse)
def search_page(request: Request, store: StoreDep, q: Annotated[str, Query(max_length=500)] = "") -> Any:
    result = data.search(store, q) if q.strip() else None
    return _page(request, "search.html", q=q, result=result)


@pages.get("/static/{name}")
def static(name: str, request: Request) -> Response:
    found = request.app.state.static.get(name)
    if found is None:
        raise HTTPException(404, "no such file")
    body, media = found
    return Response(body, media_type=media, headers={"Cache-Control": "public, max-age=3600"})


# ------------------------------------------------------------------ app

async def _security_headers(request: Request, call_next: Callable) -> Response:
    response = await call_next(request)
    response.headers.update(SECURITY_HEADERS)
    return response


async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
    """JSON under /api/, an HTML page elsewhere."""
    if _is_api(request):
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
    return _page(request, "error.html", status=exc.status_code, status_code=exc.status_code, detail=exc.detail)


async def _invalid_request(request: Request, exc: RequestValidationError) -> Response:
    """FastAPI's JSON under /api/; elsewhere an HTML page that names the parameter and the problem
    (a person who edited a URL reads a page, not a JSON list)."""
    if _is_api(request):
        return await request_validation_exception_handler(request, exc)
    detail = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'request'}: {e.get('msg')}"
                       for e in exc.errors())
    return _page(request, "error.html", status=422, status_code=422, detail=detail)


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def render_standalone(kind: str, detail: dict[str, Any]) -> str:
    """A page as one self-contained HTML file (stylesheet inlined, no script): ``storyline show
    --format html``. Same templates and escaping as the served pages."""
    env = _environment()
    css = _static_files()["style.css"][0].decode("utf-8")
    if kind == "story":
        context = {"d": detail, "chart": layout(*data.timeline_points(detail["timeline"]))}
    elif kind == "article":
        context = {"d": detail, "text": highlight(detail["article"]["text"], data.article_marks(detail))}
    else:
        context = {"d": detail, "chart": layout(*data.timeline_points(_entity_timeline(detail)))}
    return env.get_template(f"{kind}.html").render(request_path="", standalone_css=css, **context)


def create_app(db_path: str) -> FastAPI:
    """The app over the store at ``db_path`` (which must exist; it is only ever read)."""
    path = Path(db_path)
    Store(path, readonly=True).close()  # a missing store fails here, not on the first request
    app = FastAPI(title="Storyline", version=__version__, docs_url=None, redoc_url=None,
                  description="Read-only API over a Storyline store (shapes follow the interchange spec).")
    app.state.db_path = path
    app.state.templates = _environment()
    app.state.static = _static_files()
    app.middleware("http")(_security_headers)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.include_router(api)
    app.include_router(pages)
    return app


def serve(db_path: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the UI with uvicorn (``storyline serve``)."""
    import uvicorn

    uvicorn.run(create_app(db_path), host=host, port=port, log_level="info")
