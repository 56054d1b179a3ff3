"""gunicorn settings for production (`gunicorn -c config/gunicorn.conf.py config.wsgi`).

Every value can be changed through the environment (GUNICORN_*), so one file serves a laptop
(`make serve`) and a server behind a reverse proxy.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Workers: the site's requests are short database reads; 2 per core plus one is the
# usual starting point.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
# Threads per worker (gthread): they keep connections alive between requests and let a worker
# wait on PostgreSQL and Redis for one request while it serves another; with a single thread a
# burst of connections queues in the listen backlog (bench/load.py: timeouts at 64 connections).
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread"
# A request that takes longer than this is stuck (the slowest admin export streams).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, so a slow leak can never grow without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "20000"))
max_requests_jitter = 2000
# Workers are forked from a master that has already loaded the site, so a recycled worker is
# ready at once instead of spending a second or two importing it while its requests wait
# (bench/load.py: recycling at 2,000 requests without this caused the timeouts under load).
# Nothing opens a database connection at import time, so no connection is shared by a fork.
preload_app = True
# Trust X-Forwarded-* only from the proxy in front (its address, comma-separated).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
errorlog = "-"
# Access log without query strings (they may hold search words), and with the tokens of
# invitation, newsletter and password links replaced (config/access_log.py).
access_log_format = '%(h)s "%(m)s %(U)s" %(s)s %(b)s %(M)sms'
logger_class = "config.access_log.ScrubbingLogger"
