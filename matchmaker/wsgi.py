"""WSGI entry point: `gunicorn -c python:matchmaker.gunicorn_conf matchmaker.wsgi:app`."""

from matchmaker.app import create_app

app = create_app()
