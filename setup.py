"""Installer for the bibqual package."""

from pathlib import Path
from setuptools import find_packages
from setuptools import setup


long_description = Path("README.md").read_text(encoding="utf-8")

setup(
    name="bibqual",
    version="1.0.0.dev0",
    description="Quality work and certification for Dutch public libraries, as a Plone 6 add-on",
    long_description=long_description,
    long_description_content_type="text/markdown",
    classifiers=[
        "Environment :: Web Environment",
        "Framework :: Plone",
        "Framework :: Plone :: 6.2",
        "Framework :: Plone :: Addon",
        "Programming Language :: Python",
        "Programming Language :: Python :: 3.11",
        "Operating System :: OS Independent",
        "License :: OSI Approved :: GNU General Public License v2 (GPLv2)",
    ],
    keywords="Python Plone CMS library quality certification PDCA",
    author="bibqual developers",
    license="GPL version 2",
    packages=find_packages("src"),
    package_dir={"": "src"},
    include_package_data=True,
    package_data={
        "bibqual": [
            "*.zcml",
            "**/*.zcml",
            "**/*.xml",
            "**/*.pt",
            "**/*.po",
            "**/*.pot",
            "**/*.mo",
            "**/*.txt",
            "**/*.csv",
            "**/*.pdf",
            "**/*.json",
            "**/*.css",
            "**/*.js",
            "**/*.svg",
            "**/*.docx",
        ]
    },
    zip_safe=False,
    python_requires=">=3.11",
    install_requires=[
        "setuptools",
        "Products.CMFPlone>=6.2",
        "plone.api",
        "plone.restapi>=10",
        "plone.app.dexterity",
        "plone.app.versioningbehavior",
        "plone.app.lockingbehavior",
        "collective.z3cform.datagridfield>=4",
        "requests",
        # documents in and out (annual report, audit dossier, year plans in Excel)
        "python-docx",
        "openpyxl",
        "zipstream-ng",
        # the calendar feed (reminders)
        "icalendar",
    ],
    extras_require={
        "test": [
            "plone.app.testing",
            "plone.app.contenttypes",
            "plone.classicui",
            "plonetheme.barceloneta",
            "pytest",
            "pytest-plone>=1.1",
            "playwright",
            "requests",
            "ruff",
            # the cluster tests (tests/cluster) run two instances on RelStorage
            "RelStorage",
            "psycopg2-binary",
            # an SMTP server in the test process (reminder mails)
            "aiosmtpd",
            # the load test (make load) and its smoke run in the suite, always in a child process
            "locust",
        ],
        # RelStorage on PostgreSQL (RELSTORAGE_DSN, make start-cluster). RelStorage's own
        # ``postgresql`` extra asks for ``psycopg2``, which builds from source against libpq;
        # ``psycopg2-binary`` is a wheel that provides the same ``psycopg2`` module.
        "relstorage": [
            "RelStorage",
            "psycopg2-binary",
        ],
        "dev": [
            "i18ndude",
        ],
    },
    entry_points="""
    [z3c.autoinclude.plugin]
    target = plone

    [console_scripts]
    bibqual-reminders = bibqual.reminders.cli:main
    """,
)
