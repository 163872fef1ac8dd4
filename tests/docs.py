"""Where the repository's own documents and test data live (nothing outside the checkout)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
API_MD = ROOT / "docs" / "api.md"
SCIENCE_MD = ROOT / "docs" / "science.md"
# Real exports written by other apps and devices (tests/fixtures/exports/NOTICE.md).
EXPORTS = ROOT / "tests" / "fixtures" / "exports"
