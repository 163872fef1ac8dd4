"""Readers of other apps' and devices' files, one module per format (see `common`)."""

from collections.abc import Callable, Iterator
from typing import BinaryIO

from logbook.imports.readers.apple_health import read_apple_health
from logbook.imports.readers.common import ImportContext, ImportFailed, Item, RowError
from logbook.imports.readers.fit import read_fit
from logbook.imports.readers.fitnotes import read_fitnotes
from logbook.imports.readers.garmin_csv import read_garmin_csv
from logbook.imports.readers.garmin_json import read_garmin_json
from logbook.imports.readers.gpx import read_gpx
from logbook.imports.readers.hevy import read_hevy
from logbook.imports.readers.myolog_csv import read_myolog_csv
from logbook.imports.readers.polar import read_polar_json
from logbook.imports.readers.polar_hrm import read_polar_hrm
from logbook.imports.readers.strong import read_strong
from logbook.imports.readers.suunto import read_suunto_json, read_suunto_sml
from logbook.imports.readers.tcx import read_tcx
from logbook.models import ImportFormat

Reader = Callable[[BinaryIO, ImportContext], Iterator[Item]]

READERS: dict[str, Reader] = {
    ImportFormat.STRONG_CSV: read_strong,
    ImportFormat.HEVY_CSV: read_hevy,
    ImportFormat.FITNOTES_CSV: read_fitnotes,
    ImportFormat.FIT: read_fit,
    ImportFormat.TCX: read_tcx,
    ImportFormat.GPX: read_gpx,
    ImportFormat.APPLE_HEALTH: read_apple_health,
    ImportFormat.MYOLOG_CSV: read_myolog_csv,
    ImportFormat.GARMIN_JSON: read_garmin_json,
    ImportFormat.GARMIN_CSV: read_garmin_csv,
    ImportFormat.SUUNTO_SML: read_suunto_sml,
    ImportFormat.SUUNTO_JSON: read_suunto_json,
    ImportFormat.POLAR_JSON: read_polar_json,
    ImportFormat.POLAR_HRM: read_polar_hrm,
}

__all__ = ["READERS", "ImportContext", "ImportFailed", "Item", "RowError"]
