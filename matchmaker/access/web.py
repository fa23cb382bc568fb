"""Request authentication and the role guards every room's views use."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from flask import g, request
from flask_smorest import abort

from matchmaker.access.principal import Principal
from matchmaker.access.service import principal_for_token


def identify_caller() -> None:
    """Resolve the Authorization header to `g.principal` (or note why not), without
    answering yet: rate limits count per verified key, or per address for everyone else,
    before `require_caller` refuses the unknown."""
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        g.auth_problem = "missing"
        return
    principal = principal_for_token(token.strip())
    if principal is None:
        g.auth_problem = "invalid"
        return
    g.principal = principal


def require_caller() -> None:
    """Answer 401 unless `identify_caller` found a valid key."""
    if g.get("principal") is not None:
        return
    if g.get("auth_problem", "missing") == "missing":
        abort(
            401,
            message="Missing API key: send 'Authorization: Bearer <token>'.",
            headers={"WWW-Authenticate": 'Bearer realm="matchmaker"'},
        )
    abort(
        401,
        message="Invalid or revoked API key.",
        headers={"WWW-Authenticate": 'Bearer realm="matchmaker", error="invalid_token"'},
    )


def current_principal() -> Principal:
    principal = g.get("principal")
    if principal is None:  # only reachable when a view forgot authentication
        abort(401, message="Missing API key.")
    return principal


def roles_required(*roles: str) -> Callable:
    """Let only these roles through (403 otherwise)."""

    def decorator(view: Callable) -> Callable:
        @functools.wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            principal = current_principal()
            if principal.role not in roles:
                abort(403, message=f"This action needs one of the roles: {', '.join(roles)}.")
            return view(*args, **kwargs)

        return wrapper

    return decorator
