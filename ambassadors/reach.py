"""Live reach of a campaign: what verified school activities add up to, for the public page.

Only verified activities count. A campaign's figures are shared by all its translations (the
activities point at one language's page; they are matched by the page's `translation_key`).

Page views never sum activities: a verification adds its school's totals to `CampaignSchoolReach`
(one row per campaign and school) in the verifying transaction, and the figures sum those rows
(at most one per school). What is shown is cached under a version token that every verification
replaces, so pages and open data change at once after a verification and are otherwise served
from the cache (REACH_CACHE_SECONDS at most).
"""

import functools
import json
import math
import uuid
from dataclasses import dataclass
from pathlib import Path
from uuid import UUID

from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Q, Sum

from .models import ADULT_COUNTS, STUDENT_COUNTS, Activity, CampaignSchoolReach, School

# Cached this long at most; a verification replaces the version token, which shows it at once.
REACH_CACHE_SECONDS = 60
VERSION_CACHE_KEY = "ambassadors:reach-version"
# Albania's basic school (primary and the "9-vjeçare" lower-secondary years) counts as primary.
PRIMARY_LEVELS = (School.Level.PRIMARY, School.Level.LOWER_SECONDARY)
SECONDARY_LEVELS = (School.Level.UPPER_SECONDARY,)
# The bar chart's geometry, in SVG user units (the viewBox); one row = a label line and a bar.
CHART_WIDTH = 320
CHART_BAR_MAX = 240
CHART_ROW = 44
CHART_BAR_HEIGHT = 16
_MISSING = object()


@dataclass(frozen=True)
class RegionReach:
    name: str
    code: str
    schools: int
    students: int
    adults: int


@dataclass(frozen=True)
class ChartBar:
    name: str
    students: int
    label_y: int
    bar_y: int
    width: int
    height: int
    value_x: int
    value_y: int


@dataclass(frozen=True)
class Reach:
    """A campaign's figures from verified activities; `by_region` is ordered by region name."""

    schools: int
    primary_schools: int
    secondary_schools: int
    regions: int
    girls: int
    boys: int
    students_unstated: int
    parents: int
    teachers: int
    other_adults: int
    by_region: tuple[RegionReach, ...]

    @property
    def students(self) -> int:
        return self.girls + self.boys + self.students_unstated

    @property
    def adults(self) -> int:
        return self.parents + self.teachers + self.other_adults

    @property
    def chart_height(self) -> int:
        return CHART_ROW * len(self.by_region)

    @property
    def chart_width(self) -> int:
        return CHART_WIDTH

    @property
    def chart_bars(self) -> list[ChartBar]:
        """Bars for students per region, scaled to the largest region (drawn as inline SVG)."""
        largest = max((region.students for region in self.by_region), default=0) or 1
        bars = []
        for index, region in enumerate(self.by_region):
            top = index * CHART_ROW
            width = round(CHART_BAR_MAX * region.students / largest)
            bars.append(
                ChartBar(
                    name=region.name,
                    students=region.students,
                    label_y=top + 14,
                    bar_y=top + 20,
                    width=width,
                    height=CHART_BAR_HEIGHT,
                    value_x=width + 6,
                    value_y=top + 33,
                )
            )
        return bars


def reach_version() -> str:
    """The token of the current figures: part of every cache key of what shows reach."""
    version = cache.get(VERSION_CACHE_KEY)
    if version is None:
        version = reach_changed()
    return version


def reach_changed() -> str:
    """Retire every cached figure (pages, fragments, open data) by replacing the version token."""
    version = uuid.uuid4().hex
    cache.set(VERSION_CACHE_KEY, version, None)
    return version


def _figures_changed() -> None:
    """Retire cached figures now, and again at commit: a page view in between may have cached
    the figures from before the change under the token that is current now."""
    reach_changed()
    transaction.on_commit(reach_changed)


def count_sums() -> dict:
    """The sum of every count an activity records, for an aggregate grouped by anything."""
    return {name: Sum(name) for name in STUDENT_COUNTS + ADULT_COUNTS}


def reach_record(*, campaign_id: int, school_id: int) -> None:
    """Sum one school's verified activities for one campaign into its `CampaignSchoolReach` row
    (an indexed aggregate over that school's activities only), and retire cached figures.

    The school's row is locked first, so two verifications at the same school take turns and
    the second sums what the first committed.
    """
    with transaction.atomic():
        School.objects.select_for_update().filter(pk=school_id).first()
        sums = (
            Activity.objects.verified()
            .filter(campaign_id=campaign_id, school_id=school_id)
            .aggregate(activities=Count("pk"), **count_sums())
        )
        if sums["activities"]:
            CampaignSchoolReach.objects.update_or_create(
                campaign_id=campaign_id, school_id=school_id, defaults=sums
            )
        else:
            CampaignSchoolReach.objects.filter(
                campaign_id=campaign_id, school_id=school_id
            ).delete()
        _figures_changed()


@transaction.atomic
def reach_rebuild() -> int:
    """Sum every verified activity again into `CampaignSchoolReach` (after a bulk load or an
    import that bypassed `reach_record`); returns the number of rows. Retires cached figures."""
    CampaignSchoolReach.objects.all().delete()
    rows = (
        Activity.objects.verified()
        .filter(campaign__isnull=False)
        .values("campaign_id", "school_id")
        .annotate(activities=Count("pk"), **count_sums())
        .order_by()
    )
    created = CampaignSchoolReach.objects.bulk_create(
        (CampaignSchoolReach(**row) for row in rows.iterator(chunk_size=2000)), batch_size=1000
    )
    _figures_changed()
    return len(created)


def region_reach_rows(*, translation_keys):
    """Verified activities' counts per campaign (translation key) and region, in one query over
    the per-school sums.

    Each row has campaign__translation_key, the region's name and code, schools (distinct),
    primary_schools, secondary_schools and the sums of every count field; regions by name.
    """
    region = "school__municipality__region"
    return (
        CampaignSchoolReach.objects.filter(campaign__translation_key__in=translation_keys)
        .values("campaign__translation_key", f"{region}__name", f"{region}__code")
        .annotate(
            schools=Count("school", distinct=True),
            primary_schools=Count(
                "school", distinct=True, filter=Q(school__level__in=PRIMARY_LEVELS)
            ),
            secondary_schools=Count(
                "school", distinct=True, filter=Q(school__level__in=SECONDARY_LEVELS)
            ),
            **count_sums(),
        )
        .order_by(f"{region}__name")
    )


def _count_reach(translation_key: UUID | str) -> Reach | None:
    """One aggregate query grouped by region; totals are sums of the regions (a school is in one
    region, so distinct schools per region add up to distinct schools overall)."""
    rows = list(region_reach_rows(translation_keys=[translation_key]))
    if not rows:
        return None

    def total(name: str) -> int:
        return sum(row[name] or 0 for row in rows)

    return Reach(
        schools=total("schools"),
        primary_schools=total("primary_schools"),
        secondary_schools=total("secondary_schools"),
        regions=len(rows),
        girls=total("girls"),
        boys=total("boys"),
        students_unstated=total("students_unstated"),
        parents=total("parents"),
        teachers=total("teachers"),
        other_adults=total("other_adults"),
        by_region=tuple(
            RegionReach(
                name=row["school__municipality__region__name"],
                code=row["school__municipality__region__code"],
                schools=row["schools"],
                students=row["girls"] + row["boys"] + row["students_unstated"],
                adults=row["parents"] + row["teachers"] + row["other_adults"],
            )
            for row in rows
        ),
    )


def campaign_reach(*, campaign) -> Reach | None:
    """The campaign's reach from verified activities of any of its translations, or None when
    nothing is verified yet. Cached per campaign and figures version (one query on a miss).

    Schools split by level: primary = School.Level primary and lower_secondary (Albania's
    9-year basic school, counted as primary in the campaign's tables); secondary = upper_secondary.
    """
    key = f"ambassadors:campaign-reach:{campaign.translation_key}:{reach_version()}"
    reach = cache.get(key, _MISSING)
    if reach is _MISSING:
        reach = _count_reach(campaign.translation_key)
        cache.set(key, reach, REACH_CACHE_SECONDS)
    return reach


# The tile map: one square per region, at the grid place given in data (not code), see
# ambassadors/data/region_tiles.json; another country's centre replaces that file.
REGION_TILES_FILE = Path(__file__).resolve().parent / "data" / "region_tiles.json"
MAP_TILE_WIDTH = 104
MAP_TILE_HEIGHT = 64
MAP_GAP = 6
# Shading steps: 0 = nobody reached yet, then 1 to MAP_STEPS - 1 by share of the largest region.
MAP_STEPS = 5


@dataclass(frozen=True)
class MapTile:
    name: str
    students: int
    step: int
    x: int
    y: int
    width: int
    height: int
    name_x: int
    name_y: int
    value_y: int


@dataclass(frozen=True)
class MapLegendStep:
    step: int
    low: int
    high: int


@dataclass(frozen=True)
class ReachMap:
    """The schematic region map of a campaign's reach; `unplaced` = regions without a tile."""

    tiles: tuple[MapTile, ...]
    unplaced: tuple[RegionReach, ...]
    legend: tuple[MapLegendStep, ...]
    width: int
    height: int


@functools.cache
def _region_tiles(path: Path = REGION_TILES_FILE) -> dict:
    with path.open(encoding="utf-8") as tiles_file:
        return json.load(tiles_file)


def _map_step(students: int, largest: int) -> int:
    if students <= 0 or largest <= 0:
        return 0
    return min(MAP_STEPS - 1, math.ceil((MAP_STEPS - 1) * students / largest))


def _map_legend(largest: int) -> tuple[MapLegendStep, ...]:
    """Each step's range of students; steps a small maximum leaves empty are left out."""
    legend = [MapLegendStep(step=0, low=0, high=0)]
    parts = MAP_STEPS - 1
    for step in range(1, MAP_STEPS):
        low = (step - 1) * largest // parts + 1
        high = step * largest // parts
        if largest > 0 and low <= high:
            legend.append(MapLegendStep(step=step, low=low, high=high))
    return tuple(legend)


def reach_map(reach: Reach, tiles_path: Path = REGION_TILES_FILE) -> ReachMap:
    """Tiles shaded by students reached, for every region of the tile file (no database query).

    A region is matched to its tile by code; regions with figures but no tile are returned in
    `unplaced`, to be listed under the map.
    """
    layout = _region_tiles(tiles_path)
    by_code = {region.code: region for region in reach.by_region}
    largest = max((region.students for region in reach.by_region), default=0)
    tiles, placed = [], set()
    for code, tile in layout["tiles"].items():
        region = by_code.get(code)
        if region is not None:
            placed.add(region.code)
        students = region.students if region else 0
        x = (tile["col"] - 1) * (MAP_TILE_WIDTH + MAP_GAP)
        y = (tile["row"] - 1) * (MAP_TILE_HEIGHT + MAP_GAP)
        tiles.append(
            MapTile(
                name=region.name if region else tile["name"],
                students=students,
                step=_map_step(students, largest),
                x=x,
                y=y,
                width=MAP_TILE_WIDTH,
                height=MAP_TILE_HEIGHT,
                name_x=x + MAP_TILE_WIDTH // 2,
                name_y=y + 26,
                value_y=y + 48,
            )
        )
    tiles.sort(key=lambda tile: (tile.y, tile.x))
    return ReachMap(
        tiles=tuple(tiles),
        unplaced=tuple(region for region in reach.by_region if region.code not in placed),
        legend=_map_legend(largest),
        width=layout["columns"] * (MAP_TILE_WIDTH + MAP_GAP) - MAP_GAP,
        height=layout["rows"] * (MAP_TILE_HEIGHT + MAP_GAP) - MAP_GAP,
    )
