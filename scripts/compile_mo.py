"""Compile every bibqual .po catalogue into its .mo file (run by ``make i18n``)."""

from pathlib import Path
from pythongettext.msgfmt import Msgfmt


LOCALES = Path(__file__).resolve().parent.parent / "src" / "bibqual" / "locales"

for po in sorted(LOCALES.glob("*/LC_MESSAGES/*.po")):
    po.with_suffix(".mo").write_bytes(Msgfmt(str(po), name=po.stem).get())
    print(f"compiled {po.relative_to(LOCALES)}")
