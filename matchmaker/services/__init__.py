"""Domain services: plain functions with keyword-only arguments; they own transactions."""


class ServiceError(Exception):
    """Root of the service errors; the API layer turns them into HTTP answers."""

    status = 400

    def __init__(self, message: str, *, errors: dict | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.errors = errors or {}


class NotFound(ServiceError):
    status = 404


class Conflict(ServiceError):
    status = 409


class Invalid(ServiceError):
    status = 422


class PreconditionFailed(ServiceError):
    status = 412


class Forbidden(ServiceError):
    status = 403
