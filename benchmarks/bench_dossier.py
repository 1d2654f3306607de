"""Benchmark of the audit dossier ZIP: ``python benchmarks/bench_dossier.py``.

A Zope instance with its own FileStorage (and blob directory) under
``var/bench-dossier`` holds one library with 500 released, valid evidence files
of 50-200 KB (generated on the first run, reused later): four in five
incompressible bytes as PDF files (stored), one in five Dutch text (deflated).

For 100, 250 and 500 files the dossier (``documents.dossier_zip``: index.docx,
the files, manifest.csv with SHA-256) is streamed into a file on disk, and
measured against a baseline in the same run: the same files written with the
standard ``zipfile`` to a file on disk (no index, no checksums). Printed per size:
time (median of ``--repeat``), the peak of Python's memory while streaming
(tracemalloc, a separate run) for both, and the ratios. The stream must keep its
peak flat as the file count grows and must not read the database (records loaded
from the storage while streaming: 0); the script fails (exit 1) otherwise.
"""

from pathlib import Path
import random
import sys


ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

SITE_LABEL = "dossier"
FILES = 500
SIZES = (100, 250, 500)
WORDS = "bibliotheek leesclub voorlezen taalhuis collectie jaarverslag begroting ë".split()
# What the stream's peak may grow per added file: the file's entry in the ZIP's
# central directory and its manifest row (well under a KB), never its bytes
# (50-200 KB); ``zipfile`` keeps the same directory.
FLAT_BYTES_PER_FILE = 2048


def _content(rng, index):
    """``(filename, bytes, content type)`` of evidence file ``index``: 50-200 KB."""
    size = rng.randint(50_000, 200_000)
    if index % 5 == 0:
        text = " ".join(rng.choice(WORDS) for _ in range(size // 8))
        return f"notitie-{index:03d}.txt", text.encode()[:size], "text/plain"
    return f"bewijs-{index:03d}.pdf", b"%PDF-1.7\n" + rng.randbytes(size), "application/pdf"


def generate(app):
    """The site ``Plone`` with the library ``bieb`` and its 500 evidence files."""
    from benchmarks.sites import new_site
    from bibqual.vocabularies.norm import active_elements
    from datetime import date
    from plone import api
    from plone.namedfile.file import NamedBlobFile
    import transaction

    rng = random.Random(20270301)
    site = new_site(app)
    library = api.content.create(container=site, type="Library", id="bieb", title="Bieb")
    elements = [token for token, _title in active_elements()]
    for index in range(FILES):
        filename, data, content_type = _content(rng, index)
        evidence = api.content.create(
            container=library, type="Evidence", id=f"bewijs-{index:03d}",
            title=f"Bewijs {index}", document_type="overig",
            file=NamedBlobFile(data, filename=filename, contentType=content_type),
            norm_fields=rng.sample(elements, 2), valid_until=date(2099, 12, 31),
        )  # fmt: skip
        api.content.transition(obj=evidence, transition="release")
        if index % 50 == 49:
            transaction.commit()
    transaction.commit()
    return site


def stream_to(path, members, index):
    """Stream the dossier of ``members`` into the file ``path``; its size."""
    from bibqual.documents.dossier_zip import dossier_stream

    written = 0
    with open(path, "wb") as out:
        for chunk in dossier_stream(members, index):
            written += out.write(chunk)
    return written


def zipfile_to(path, members, index):
    """The baseline: the same files written with ``zipfile`` into ``path``."""
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("index.docx", index)
        for member in members:
            kind = zipfile.ZIP_DEFLATED if member.compress else zipfile.ZIP_STORED
            if isinstance(member.source, str):
                archive.write(member.source, member.path, compress_type=kind)
            else:
                archive.writestr(member.path, member.source, compress_type=kind)
    return Path(path).stat().st_size


def peak(func):
    """The peak of Python's traced memory (bytes) during one call of ``func``."""
    import tracemalloc

    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        func()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def run(site, request, counter, repeat, folder):
    from benchmarks.measure import timed
    from bibqual.documents.dossier_index import index_document
    from bibqual.documents.dossier_zip import dossier_members
    from bibqual.reports.readiness import norm_readiness
    import time

    library = site["bieb"]
    started = time.perf_counter()
    answer = norm_readiness(library)
    members = dossier_members(library, request, answer)
    index = index_document(library, request, answer, members)
    gather_ms = (time.perf_counter() - started) * 1000
    assert len(members) == FILES, f"{len(members)} evidence files, expected {FILES}"
    assert all(isinstance(m.source, str) for m in members), "blob files must be paths"
    rows = []
    for size in SIZES:
        part = members[:size]
        ours, base = folder / f"dossier-{size}.zip", folder / f"zipfile-{size}.zip"
        loads = counter.count
        stream_to(ours, part, index)
        loads = counter.count - loads
        ms = timed(lambda part=part, ours=ours: stream_to(ours, part, index), repeat)
        base_ms = timed(lambda part=part, base=base: zipfile_to(base, part, index), repeat)
        mem = peak(lambda part=part, ours=ours: stream_to(ours, part, index))
        base_mem = peak(lambda part=part, base=base: zipfile_to(base, part, index))
        megabytes = ours.stat().st_size / 1e6
        rows.append((size, megabytes, ms, base_ms, mem, base_mem, loads))
    return gather_ms, rows


def main():
    from benchmarks.sites import open_benchmark
    from benchmarks.sites import repeat_option
    import tempfile

    repeat = repeat_option(__doc__, 3)
    db, site, request = open_benchmark(SITE_LABEL, generate)
    from benchmarks.measure import LoadCounter

    counter = LoadCounter(db)
    with tempfile.TemporaryDirectory() as folder:
        gather_ms, rows = run(site, request, counter, repeat, Path(folder))
    print()
    print(f"bibqual audit dossier benchmark: {FILES} evidence files of 50-200 KB "
          f"(median of {repeat} runs; peak: tracemalloc while streaming)")  # fmt: skip
    print(f"gathering in the request (catalog, {FILES} blob paths, index.docx): "
          f"{gather_ms:.0f} ms")  # fmt: skip
    header = (
        f"{'files':>5} {'MB':>6} {'ms':>8} {'zipfile ms':>11} {'ratio':>6} "
        f"{'peak KB':>8} {'zipfile KB':>11} {'ratio':>6} {'db loads':>9}"
    )
    print(header)
    print("-" * len(header))
    for size, megabytes, ms, base_ms, mem, base_mem, loads in rows:
        print(
            f"{size:5d} {megabytes:6.1f} {ms:8.0f} {base_ms:11.0f} {ms / base_ms:6.2f} "
            f"{mem / 1024:8.0f} {base_mem / 1024:11.0f} {mem / base_mem:6.2f} {loads:9d}"
        )
    files = SIZES[-1] - SIZES[0]
    growth = (rows[-1][4] - rows[0][4]) / files
    base_growth = (rows[-1][5] - rows[0][5]) / files
    data_growth = (rows[-1][1] - rows[0][1]) * 1e6 / files
    print(f"peak growth per added file: {growth:.0f} bytes (zipfile {base_growth:.0f} bytes; "
          f"data per file {data_growth / 1024:.0f} KB)")  # fmt: skip
    failed = [f"{size} files: {loads} records read while streaming" for size, *_r, loads in rows
              if loads]  # fmt: skip
    if growth > FLAT_BYTES_PER_FILE:
        failed.append(f"peak memory grew {growth:.0f} bytes per file (streamed bytes kept?)")
    assert not failed, "; ".join(failed)
    print("The stream's memory stays flat and it reads nothing from the database.")


if __name__ == "__main__":
    main()
