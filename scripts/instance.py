"""Write the Zope instance configuration under var/ from instance/*.in.

Usage: python scripts/instance.py [--port PORT] [--name NAME]

The storage is an embedded FileStorage under var/ unless RELSTORAGE_DSN is set
(then RelStorage on PostgreSQL; see the README). ``write()`` also takes another
var directory, so a test can run a throw-away instance (tests/network/test_partners.py).
"""

from pathlib import Path
import argparse
import os


ROOT = Path(__file__).resolve().parent.parent

FILESTORAGE = """    <filestorage>
        path $VAR/filestorage/Data.fs
        blob-dir $VAR/blobstorage
    </filestorage>"""

RELSTORAGE = """    %import relstorage
    <relstorage>
        keep-history false
        blob-dir $VAR/blobcache-{name}
        shared-blob-dir false
        blob-cache-size 512mb
        <postgresql>
            dsn {dsn}
        </postgresql>
    </relstorage>"""


def write(name: str, port: int, host: str, var: Path | None = None, dsn: str | None = None) -> Path:
    """Write ``zope.conf`` and ``zope.ini`` of instance ``name``; return their folder.

    ``var`` holds the instance, logs and data (default: var/ of the checkout);
    ``dsn`` is the RelStorage DSN (default: $RELSTORAGE_DSN; empty: FileStorage).
    """
    var = Path(var) if var is not None else ROOT / "var"
    instance = var / "instance" / name
    etc = instance / "etc"
    for folder in (etc, var / "log", var / "filestorage", var / "blobstorage", var / "cache"):
        folder.mkdir(parents=True, exist_ok=True)
    if dsn is None:
        dsn = os.environ.get("RELSTORAGE_DSN", "")
    dsn = dsn.strip()
    storage = RELSTORAGE.format(name=name, dsn=dsn) if dsn else FILESTORAGE
    values = {
        "@@INSTANCE@@": str(instance),
        "@@VAR@@": str(var),
        "@@STORAGE@@": storage,
        "@@PORT@@": str(port),
        "@@HOST@@": host,
    }
    for template in ("zope.conf.in", "zope.ini.in"):
        text = (ROOT / "instance" / template).read_text(encoding="utf-8")
        for key, value in values.items():
            text = text.replace(key, value)
        (etc / template[: -len(".in")]).write_text(text, encoding="utf-8")
    return etc


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8080")))
    parser.add_argument("--host", default=os.environ.get("HOST", "0.0.0.0"))
    parser.add_argument("--name", default="main")
    args = parser.parse_args()
    print(write(args.name, args.port, args.host))


if __name__ == "__main__":
    main()
