"""gunicorn settings for production (`gunicorn -c config/gunicorn.conf.py config.wsgi`).

Every value can be changed through the environment (GUNICORN_*), so one file serves a laptop
(`make serve`) and a server behind a reverse proxy.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: the site's requests are short database reads; 2 per core plus one is the
# usual starting point.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# A request that takes longer than this is stuck (the slowest admin export streams).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, so a slow leak can never grow without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
# Trust X-Forwarded-* only from the proxy in front (its address, comma-separated).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
errorlog = "-"
# Access log without query strings: they may hold search words (and never personal ids).
access_log_format = '%(h)s "%(m)s %(U)s" %(s)s %(b)s %(M)sms'
