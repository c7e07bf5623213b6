"""The review app's web server: Starlette (routing, requests) under uvicorn, on loopback.

Why these: both are maintained, pure-Python wheels with few dependencies, Starlette's
TestClient drives the app in-process for the API tests, and uvicorn serves an already bound
socket, so the URL printed is the one listening.

Security: every request needs the session's random token (query `token` or header
X-Review-Token; no cookie, since browsers send cookies to every port of a host); a request
whose Host is not this server's, or whose Origin is another site, is refused (DNS rebinding,
CSRF); only the page's own three files are served, by fixed name; the CSP allows script, style
and fetches from this server only, and no inline script or eval.
"""
from __future__ import annotations

import ipaddress
import secrets
from importlib import resources

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from ..errors import AlignerError
from . import view
from .session import Session

TOKEN_HEADER = "x-review-token"
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
ASSETS = {"review.js": "text/javascript", "review.css": "text/css"}
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
           "Referrer-Policy": "no-referrer", "Cache-Control": "no-store",
           "X-Frame-Options": "DENY", "Cross-Origin-Resource-Policy": "same-origin"}


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def allowed_hosts(host: str, port: int) -> frozenset[str]:
    """The Host headers this server answers to: its own address (and localhost on loopback)."""
    names = {host if ":" not in host else f"[{host}]"}
    if is_loopback(host):
        names |= {"localhost", "127.0.0.1"}
    return frozenset(f"{name}:{port}" for name in names)


def _asset(name: str) -> str:
    return resources.files("aligner.reviewapp").joinpath("static", name).read_text(encoding="utf-8")


def create_app(session: Session, token: str, hosts: frozenset[str]) -> Starlette:
    """The ASGI app of one session; `hosts` are the Host headers it accepts."""
    origins = {f"http://{h}" for h in hosts}
    page = _asset("index.html")

    def refused(request: Request) -> Response | None:
        if request.headers.get("host", "") not in hosts:
            return _error("this server answers only to its own address", 403)
        origin = request.headers.get("origin")
        if origin is not None and origin not in origins:
            return _error("requests from other sites are refused", 403)
        given = request.headers.get(TOKEN_HEADER) or request.query_params.get("token") or ""
        if not secrets.compare_digest(given.encode(), token.encode()):
            return _error("missing or wrong session token", 403)
        return None

    def guarded(handler):
        async def endpoint(request: Request) -> Response:
            response = refused(request) or await handler(request)
            response.headers.update(HEADERS)
            return response

        return endpoint

    async def index(request: Request) -> Response:
        return Response(page.replace("{token}", token), media_type="text/html")

    async def asset(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in ASSETS:
            return _error("no such file", 404)
        return Response(_asset(name), media_type=ASSETS[name])

    async def state(request: Request) -> Response:
        return JSONResponse(await run_in_threadpool(lambda: view.full(session)))

    async def operation(request: Request) -> Response:
        try:
            op = await request.json()
        except ValueError:
            return _error("the body is not JSON", 400)
        if not isinstance(op, dict):
            return _error("an operation is a JSON object", 400)
        if op.get("revision") not in (None, session.revision):
            return JSONResponse({"error": "the page is out of date", "reload": True}, 409)
        return await run_in_threadpool(_run, session, op)

    async def recheck(request: Request) -> Response:
        try:
            await run_in_threadpool(session.recheck)
        except AlignerError as err:
            return _error(str(err), 400)
        return JSONResponse({**view.full(session), "timings": session.timings})

    async def changed(request: Request) -> Response:
        # polled by the page, so it can offer a re-check once the translator saves a draft
        return JSONResponse({"changed": session.files_changed()})

    async def export(request: Request) -> Response:
        try:
            data, media, name = await run_in_threadpool(session.export,
                                                        request.query_params.get("format", ""))
        except AlignerError as err:
            return _error(str(err), 400)
        return Response(data, media_type=media,
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})

    routes = [Route("/", guarded(index)),
              Route("/static/{name}", guarded(asset)),
              Route("/api/state", guarded(state)),
              Route("/api/op", guarded(operation), methods=["POST"]),
              Route("/api/recheck", guarded(recheck), methods=["POST"]),
              Route("/api/export", guarded(export)),
              Route("/api/changed", guarded(changed))]
    return Starlette(routes=routes)


def _run(session: Session, op: dict) -> Response:
    with session.lock:  # re-entrant: the state before, the operation and the change as one
        before, statuses = session.state, session.statuses()
        try:
            session.apply(op)
        except AlignerError as err:
            return _error(str(err), 400)
        return JSONResponse(view.change(session, before, statuses))


def _error(message: str, status: int) -> Response:
    return JSONResponse({"error": message}, status)


def listen(host: str, port: int):
    """A bound socket for uvicorn. TCP_NODELAY, which accepted connections inherit: uvicorn
    writes a response's head and body apart, and with Nagle's algorithm the body then waited
    for the client's delayed ACK, 40 ms on every request."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        sock.bind((host, port))
    except OSError as err:
        sock.close()
        raise AlignerError(f"cannot listen on {host}:{port}: {err.strerror or err}") from None
    return sock


def serve(session: Session, host: str, port: int, open_browser: bool, echo) -> None:
    """Bind, say the URL (through `echo`), open a browser if asked, serve until Ctrl-C."""
    import threading
    import webbrowser

    import uvicorn

    sock = listen(host, port)
    port = sock.getsockname()[1]
    token = secrets.token_urlsafe(24)
    app = create_app(session, token, allowed_hosts(host, port))
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/?token={token}"
    echo(f"aligner review: {url}")
    if open_browser:
        threading.Timer(0.3, webbrowser.open, [url]).start()
    config = uvicorn.Config(app, log_level="warning", lifespan="off", access_log=False)
    try:
        uvicorn.Server(config).run(sockets=[sock])
    except KeyboardInterrupt:  # uvicorn re-raises Ctrl-C once it has shut down: done, exit 0
        pass
    echo("aligner review: stopped")
