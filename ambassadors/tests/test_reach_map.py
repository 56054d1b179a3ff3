"""The campaign page's region tile map: shading steps, legend and regions without a tile."""

import json

from ambassadors.reach import MAP_STEPS, REGION_TILES_FILE, Reach, RegionReach, reach_map


def reach_of(*regions: RegionReach) -> Reach:
    return Reach(
        schools=0,
        primary_schools=0,
        secondary_schools=0,
        regions=len(regions),
        girls=0,
        boys=0,
        students_unstated=0,
        parents=0,
        teachers=0,
        other_adults=0,
        by_region=regions,
    )


def test_every_region_of_the_tile_file_is_drawn_once_on_its_own_square():
    tiles = json.loads(REGION_TILES_FILE.read_text(encoding="utf-8"))["tiles"]

    region_map = reach_map(reach_of(RegionReach("Tiranë", "tirane", 1, 400, 5)))

    assert len(region_map.tiles) == len(tiles) == 12
    assert len({(tile.x, tile.y) for tile in region_map.tiles}) == 12
    assert all(tile.x + tile.width <= region_map.width for tile in region_map.tiles)
    assert all(tile.y + tile.height <= region_map.height for tile in region_map.tiles)
    # North at the top: Shkodër's row comes before Tiranë's, Tiranë's before Gjirokastër's.
    y = {tile.name: tile.y for tile in region_map.tiles}
    assert y["Shkodër"] < y["Tiranë"] < y["Gjirokastër"]


def test_tiles_are_shaded_by_share_of_the_largest_region():
    region_map = reach_map(
        reach_of(
            RegionReach("Berat", "berat", 1, 10, 0),
            RegionReach("Fier", "fier", 1, 50, 0),
            RegionReach("Tiranë", "tirane", 2, 100, 0),
        )
    )

    steps = {tile.name: (tile.step, tile.students) for tile in region_map.tiles}
    assert steps["Tiranë"] == (MAP_STEPS - 1, 100)
    assert steps["Fier"] == (2, 50)
    assert steps["Berat"] == (1, 10)
    assert steps["Kukës"] == (0, 0)
    assert [(step.step, step.low, step.high) for step in region_map.legend] == [
        (0, 0, 0),
        (1, 1, 25),
        (2, 26, 50),
        (3, 51, 75),
        (4, 76, 100),
    ]
    assert region_map.unplaced == ()


def test_regions_without_a_tile_are_listed_apart_and_small_figures_skip_empty_steps():
    elsewhere = RegionReach("Prishtinë", "prishtine", 1, 2, 0)

    region_map = reach_map(reach_of(elsewhere, RegionReach("Vlorë", "vlore", 1, 1, 0)))

    assert region_map.unplaced == (elsewhere,)
    assert "Prishtinë" not in {tile.name for tile in region_map.tiles}
    assert [(step.low, step.high) for step in region_map.legend] == [(0, 0), (1, 1), (2, 2)]
