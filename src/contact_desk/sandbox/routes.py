"""The sandbox's HTTP endpoints for both dialects (Starlette)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import msgspec
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from contact_desk.sandbox import bodies, rules
from contact_desk.sandbox.faults import FaultState
from contact_desk.sandbox.store import Caller, SandboxError, Store, parse_cursor

_MESSAGES = {
    "smartcq": {
        "missing": "Chiave API mancante: usa Authorization: Bearer <chiave>",
        "invalid": "Chiave API non valida",
        "scope": "Scope richiesto: {scope}",
    },
    "replicer": {
        "missing": "Missing API key: use Authorization: Bearer <key>",
        "invalid": "Invalid API key",
        "scope": "This key lacks the required scope: {scope}",
    },
}

Handler = Callable[[Request, Caller], Awaitable[Any]]
MAX_BODY = 1024 * 1024  # a contact is a few hundred bytes; a larger body is refused with 413
MAX_DISCARD = 64 * 1024 * 1024  # read and thrown away before the 413, so that the client hears it
MAX_QUERY_VALUE = 1000


def _json(payload: Any, status: int = 200) -> Response:
    return Response(msgspec.json.encode(payload), status_code=status, media_type="application/json")


def request_id(request: Request) -> str:
    return str(request.scope.get("state", {}).get("request_id", ""))


def error_response(request: Request, dialect: str, exc: SandboxError) -> Response:
    error: dict[str, Any] = {"code": exc.code, "message": exc.message, **exc.extra}
    payload: dict[str, Any] = {"error": error}
    if dialect == "replicer":
        payload["requestId"] = request_id(request)
    return _json(payload, exc.status)


async def _body(request: Request) -> Any:
    """The request's JSON, at most MAX_BODY bytes; anything unreadable is a 400 (or 413)."""
    chunks: list[bytes] = []
    size = 0
    stream = request.stream()
    async for chunk in stream:
        size += len(chunk)
        if size > MAX_BODY:
            # Read on (and throw away) up to a bound, so that the client, still sending, hears
            # the 413: answered at once, the connection closes under it and it gets nothing.
            async for more in stream:
                size += len(more)
                if size > MAX_DISCARD:
                    break
            raise SandboxError(413, "payload_too_large", f"Body troppo grande (massimo {MAX_BODY} byte)")
        chunks.append(chunk)
    try:
        return msgspec.json.decode(b"".join(chunks))
    except (msgspec.DecodeError, UnicodeDecodeError, ValueError):
        raise SandboxError(400, "bad_request", "Body JSON non valido") from None
    except RecursionError:
        raise SandboxError(400, "bad_request", "Body JSON annidato troppo in profondità") from None


def _check_query(request: Request, dialect: str) -> None:
    """Query values with control characters (a NUL breaks SQLite's full-text syntax) or of
    absurd length are refused before any handler sees them."""
    italian = dialect == "smartcq"
    for name, value in request.query_params.multi_items():
        if len(value) > MAX_QUERY_VALUE:
            text = "troppo lungo" if italian else f"longer than {MAX_QUERY_VALUE} characters"
            raise SandboxError(400, "validation_error", f"{name}: {text}", field=name)
        if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
            text = "caratteri di controllo non ammessi" if italian else "control characters are not allowed"
            raise SandboxError(400, "validation_error", f"{name}: {text}", field=name)


def _unrouted(request: Request, exc: Exception) -> Response:
    """404 and 405 as JSON, like every other answer."""
    status = getattr(exc, "status_code", 404)
    code, message = ("method_not_allowed", f"Method {request.method} is not allowed here") if status == 405 \
        else ("not_found", f"No such endpoint: {request.url.path}")
    return _json({"error": {"code": code, "message": message}, "requestId": request_id(request)}, status)


def build_app(store: Store, faults: FaultState) -> Starlette:
    def endpoint(dialect: str, scope: str, handler: Handler,
                 status: int = 200) -> Callable[[Request], Awaitable[Response]]:
        async def run(request: Request) -> Response:
            try:
                _check_query(request, dialect)
                caller = _authorise(request, dialect, scope)
                payload = await handler(request, caller)
            except SandboxError as exc:
                return error_response(request, dialect, exc)
            if isinstance(payload, bytes):  # a body the store built already
                return Response(payload, status_code=status, media_type="application/json")
            if dialect == "replicer":
                payload["requestId"] = request_id(request)
            return _json(payload, status)
        return run

    def _authorise(request: Request, dialect: str, scope: str) -> Caller:
        text = _MESSAGES[dialect]
        header = request.headers.get("authorization", "")
        kind, _, key = header.partition(" ")
        if kind.lower() != "bearer" or not key.strip():
            raise SandboxError(401, "unauthorized", text["missing"])
        caller = store.authenticate(key.strip(), dialect)
        if caller is None:
            raise SandboxError(401, "unauthorized", text["invalid"])
        if scope not in caller.scopes:
            raise SandboxError(403, "forbidden", text["scope"].format(scope=scope))
        return caller

    # -- SmartCQ --------------------------------------------------------------
    async def scq_list(request: Request, caller: Caller) -> Any:
        q = request.query_params
        limit = bodies.int_param(q, "limit", 50, 1, 200)
        cursor = q.get("cursor")
        return store.scq_list(
            caller.tenant_id, limit, parse_cursor(cursor) if cursor else None,
            bodies.enum_param(q, "emailStatus", rules.EMAIL_STATUSES),
            bodies.enum_param(q, "stage", rules.STAGES),
            bodies.bool_param(q, "includeArchived"),
        )

    async def scq_get(request: Request, caller: Caller) -> Any:
        return store.scq_get(caller.tenant_id, request.path_params["id"])

    async def scq_create(request: Request, caller: Caller) -> Any:
        return store.scq_create(caller.tenant_id, bodies.scq_create(await _body(request)))

    async def scq_patch(request: Request, caller: Caller) -> Any:
        changes = bodies.scq_patch(await _body(request))
        return store.scq_patch(caller.tenant_id, request.path_params["id"], changes)

    # -- Replicer -------------------------------------------------------------
    async def rpl_list(request: Request, caller: Caller) -> Any:
        q = request.query_params
        page = bodies.int_param(q, "page", 1, 1, 10**9)
        limit = bodies.int_param(q, "limit", 20, 1, 100)
        data, total = store.rpl_list(caller.tenant_id, page, limit, q.get("search"))
        rest = {"pagination": {"page": page, "limit": limit, "total": total,
                               "totalPages": (total + limit - 1) // limit},
                "requestId": request_id(request)}
        return b'{"data":' + data + b"," + msgspec.json.encode(rest)[1:]

    async def rpl_get(request: Request, caller: Caller) -> Any:
        return {"data": store.rpl_get(caller.tenant_id, request.path_params["id"])}

    async def rpl_create(request: Request, caller: Caller) -> Any:
        values = bodies.rpl_values(await _body(request))
        bodies.rpl_require_one(values)
        return {"data": store.rpl_create(caller.tenant_id, values)}

    async def rpl_patch(request: Request, caller: Caller) -> Any:
        unsupported = faults.current.replicer_patch_status
        if unsupported is not None:
            raise SandboxError(unsupported, "not_supported", "Updating contacts is not supported")
        values = bodies.rpl_values(await _body(request))
        return {"data": store.rpl_patch(caller.tenant_id, request.path_params["id"], values,
                                        bodies.rpl_require_one)}

    async def health(request: Request) -> Response:
        return _json({"ok": True})

    read, write = "contacts:read", "contacts:write"
    routes = [
        Route("/healthz", health),
        Route("/api/v1/contacts", endpoint("smartcq", read, scq_list), methods=["GET"]),
        Route("/api/v1/contacts", endpoint("smartcq", write, scq_create, 201), methods=["POST"]),
        Route("/api/v1/contacts/{id}", endpoint("smartcq", read, scq_get), methods=["GET"]),
        Route("/api/v1/contacts/{id}", endpoint("smartcq", write, scq_patch), methods=["PATCH"]),
        Route("/v1/contacts", endpoint("replicer", read, rpl_list), methods=["GET"]),
        Route("/v1/contacts", endpoint("replicer", write, rpl_create, 201), methods=["POST"]),
        Route("/v1/contacts/{id}", endpoint("replicer", read, rpl_get), methods=["GET"]),
        Route("/v1/contacts/{id}", endpoint("replicer", write, rpl_patch), methods=["PATCH"]),
    ]
    return Starlette(routes=routes, exception_handlers={404: _unrouted, 405: _unrouted})
