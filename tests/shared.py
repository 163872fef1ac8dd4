"""Where the project's shared documents live: `../shared/` beside the checkout."""

import os
from pathlib import Path

SHARED = Path(os.environ.get("MYOLOG_SHARED", Path(__file__).resolve().parents[2] / "shared"))
SAMPLES = SHARED / "samples"
EVIDENCE_MD = SHARED / "science" / "evidence.md"
API_MD = SHARED / "API.md"
