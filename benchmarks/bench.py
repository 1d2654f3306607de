"""Run the bibqual benchmarks: ``make bench`` (or ``python benchmarks/bench.py``).

For each size (2,000 and 20,000 projects by default; ``--sizes``) a separate
Zope instance with its own FileStorage under ``var/bench-SIZE`` is created and,
on the first run, filled by ``benchmarks/generate.py`` (20,000 projects take a
while; later runs reuse the data). Then ``benchmarks/measure.py`` runs and a
table is printed: median ms, the baseline, the ratio, objects woken and shown.
"""

from pathlib import Path
import argparse
import sys


ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

TARGETS = {
    "@pdca-overview": "<=2x baseline, <150 ms at 20,000",
    "@norm-coverage": "<=2x baseline, <150 ms at 20,000",
    "year plan board": "<=2x baseline, <150 ms at 20,000",
    "@similar-projects": "<300 ms at 20,000",
    "GET SmartProject": "<=1.3x GET Document",
}


def open_site(size):
    import instance  # scripts/instance.py

    var = ROOT / "var" / f"bench-{size}"
    etc = instance.write("bench", 0, "127.0.0.1", var=var, dsn="")
    from Zope2.Startup.run import make_wsgi_app

    make_wsgi_app({}, str(etc / "zope.conf"))
    import Zope2

    return Zope2.DB, Zope2.app()


def prepare(app, size, build=None):
    """``(site, request)``: the site owner ``admin`` logged in, the site ``Plone`` made by
    ``build(app, size)`` (default ``generate.generate``) on the first run, site and
    request set."""
    from AccessControl.SecurityManagement import newSecurityManager
    from Testing.makerequest import makerequest
    from zope.component.hooks import setSite
    from zope.globalrequest import setRequest

    app = makerequest(app)
    acl = app.acl_users
    if "admin" not in acl.getUserNames():
        acl._doAddUser("admin", "admin", ["Manager"], [])
    newSecurityManager(None, acl.getUserById("admin").__of__(acl))
    if "Plone" not in app.objectIds():
        if build is None:
            from benchmarks.generate import generate as build

        print(f"Generating the {size}-project network (first run only)...", flush=True)
        build(app, size)
    site = app["Plone"]
    setSite(site)
    request = app.REQUEST
    setRequest(request)
    from bibqual.interfaces import IBibqualLayer
    from zope.interface import alsoProvides

    alsoProvides(request, IBibqualLayer)
    return site, request


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="2000,20000")
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    if len(sizes) > 1:
        # one Zope per process: run each size in a child process
        import subprocess

        for size in sizes:
            subprocess.run(
                [sys.executable, __file__, "--sizes", str(size), "--repeat", str(args.repeat)],
                check=True,
            )
        return
    size = sizes[0]
    db, app = open_site(size)
    site, request = prepare(app, size)
    from benchmarks.measure import LoadCounter
    from benchmarks.measure import run

    counter = LoadCounter(db)
    rows = run(site, request, counter, repeat=args.repeat)
    print()
    print(f"bibqual benchmark, {size:,} projects (median of {args.repeat} runs, in-process)")
    print("loads: records read on a cold cache (catalog included); woken: content objects")
    header = f"{'measurement':26} {'ms':>8} {'baseline':>20} {'ms':>8} {'ratio':>6} "
    header += f"{'loads':>6} {'woken':>6} {'shown':>6}  target"
    print(header)
    print("-" * len(header))
    for r in rows:
        print(
            f"{r['name']:26} {r['ms']:8.1f} {r['baseline']:>20} {r['base_ms']:8.1f} "
            f"{r['ratio']:6.2f} {r['loads']:6d} {r['woken']:6d} {r['shown']:6d}  "
            f"{TARGETS.get(r['name'], '')}"
        )


if __name__ == "__main__":
    main()
