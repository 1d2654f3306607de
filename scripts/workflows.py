"""Write profiles/default/workflows/*/definition.xml from bibqual.workflows.definitions."""

from pathlib import Path
import sys


ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from bibqual.workflows.render import write_all  # noqa: E402


if __name__ == "__main__":
    for path in write_all():
        print(f"wrote {path.relative_to(ROOT)}")
