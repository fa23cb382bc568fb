"""Run the app under gunicorn from `matchmaker serve` (production server, not Flask's)."""

from __future__ import annotations

from gunicorn.app.base import BaseApplication


class _Server(BaseApplication):
    def __init__(self, options: dict) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        from matchmaker import gunicorn_conf

        for key in dir(gunicorn_conf):
            if key.startswith("_") or key not in self.cfg.settings:
                continue
            self.cfg.set(key, getattr(gunicorn_conf, key))
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        from matchmaker.app import create_app

        return create_app()


def run(*, host: str, port: int, workers: int, threads: int) -> None:
    _Server({"bind": f"{host}:{port}", "workers": workers, "threads": threads}).run()
