#!/usr/bin/env bash
# Lighthouse (npm, Debian's Chromium) on the home, a campaign and a lesson page, mobile profile
# (Lighthouse's default: a mid-range phone on a slow 4G network, simulated). Serves the demo
# with production settings (gunicorn, SQLite demo database unless DATABASE_URL is set) on
# 127.0.0.1:$LIGHTHOUSE_PORT, prints the performance and accessibility scores, stops the server.
#
#     bash bench/lighthouse.sh          (goal: 0.95 or better for both, on every page)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PORT="${LIGHTHOUSE_PORT:-8079}"
LIGHTHOUSE_VERSION=12.8.2
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
OUT=bench/out/lighthouse
mkdir -p "$OUT"

if [ ! -x bench/node_modules/.bin/lighthouse ]; then
    npm install --prefix bench --no-audit --no-fund --no-save "lighthouse@$LIGHTHOUSE_VERSION" >/dev/null
fi
make demo >/dev/null

export DJANGO_SETTINGS_MODULE=config.settings.production
export SECRET_KEY="${SECRET_KEY:-local-lighthouse-only-not-secret}"
export ALLOWED_HOSTS=127.0.0.1,localhost SECURE_SSL_REDIRECT=false SERVE_MEDIA=true
export GUNICORN_BIND="127.0.0.1:$PORT" LOG_LEVEL=WARNING
.venv/bin/python manage.py collectstatic --no-input -v0
.venv/bin/gunicorn -c config/gunicorn.conf.py config.wsgi >"$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 60); do
    curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
    sleep 1
done

# The demo's first live campaign and lesson in the default language.
mapfile -t PAGES < <(.venv/bin/python manage.py shell --no-imports -v0 -c "
from django.conf import settings
from campaigns.models import CampaignPage
from lessons.models import LessonPage
sq = {'locale__language_code': settings.LANGUAGE_CODE}
print('/')
print(CampaignPage.objects.live().filter(**sq, slug='netsmartkids-2025').first().url)
print(LessonPage.objects.live().filter(**sq).order_by('path').first().url)
")

CHROME_FLAGS="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
--disable-background-networking --disable-component-update --disable-sync --disable-quic"
printf '| page | path | performance | accessibility |\n| --- | --- | ---: | ---: |\n'
for index in "${!PAGES[@]}"; do
    path="${PAGES[$index]}"
    name=$(echo "home campaign lesson" | cut -d' ' -f$((index + 1)))
    report="$OUT/$name.json"
    bench/node_modules/.bin/lighthouse "http://127.0.0.1:$PORT$path" --quiet \
        --only-categories=performance,accessibility --output=json --output-path="$report" \
        --chrome-flags="$CHROME_FLAGS" >/dev/null 2>"$OUT/$name.log" || {
        echo "lighthouse failed on $path (see $OUT/$name.log)" >&2
        exit 1
    }
    node -e "
const r = require('./$report');
const s = (c) => r.categories[c].score.toFixed(2);
console.log('| $name | \`$path\` | ' + s('performance') + ' | ' + s('accessibility') + ' |');
"
done
