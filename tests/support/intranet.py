"""The host intranet of the guest tests: a Classic intranet as its owner made it,
before any bibqual (``tests/setup/test_host_snapshot.py``).

- ``nieuws`` (published folder): the published Event ``open-dag`` and a File;
- ``intern`` (private folder, sharing tab: the group ``redactie`` may edit and view,
  ``medewerker`` may view): a private and a pending Document, and the folder
  ``personeel`` that does not inherit those roles, with a private Document;
- ``huisregels`` (published Document) whose View permission an administrator set by
  hand: Manager and Editor only, not acquired.
"""

from DateTime import DateTime
from plone import api
from plone.namedfile.file import NamedBlobFile
from support.content import make_user


MEMBER = "medewerker"  # a normal user: the Member role and nothing else
EDITOR = "redacteur"  # member of GROUP
GROUP = "redactie"  # edits the internal folder (sharing tab)


def build_intranet(portal):
    """The host: content of the site owner, users, a group, sharing, a hand-set permission."""
    make_user(MEMBER, fullname="Mia Medewerker")
    make_user(EDITOR, fullname="Rob Redacteur")
    api.group.create(groupname=GROUP, title="Redactie")
    api.group.add_user(groupname=GROUP, username=EDITOR)

    news = api.content.create(portal, "Folder", id="nieuws", title="Nieuws")
    event = api.content.create(
        news,
        "Event",
        id="open-dag",
        title="Open dag",
        start=DateTime("2026-06-01 10:00"),
        end=DateTime("2026-06-01 16:00"),
    )
    for obj in (news, event):
        api.content.transition(obj=obj, transition="publish")
    api.content.create(
        news,
        "File",
        id="openingstijden.txt",
        title="Openingstijden",
        file=NamedBlobFile(b"ma-vr 9-18", filename="openingstijden.txt"),
    )

    internal = api.content.create(portal, "Folder", id="intern", title="Intern")
    api.group.grant_roles(groupname=GROUP, obj=internal, roles=["Editor", "Reader"])
    api.user.grant_roles(username=MEMBER, obj=internal, roles=["Reader"])
    internal.reindexObjectSecurity()  # as the sharing tab does
    api.content.create(internal, "Document", id="werkinstructie", title="Werkinstructie")
    draft = api.content.create(internal, "Document", id="concept", title="Concept beleid")
    api.content.transition(obj=draft, transition="submit")
    staff = api.content.create(internal, "Folder", id="personeel", title="Personeel")
    staff.__ac_local_roles_block__ = True  # the sharing tab's "inherit" switched off
    staff.reindexObjectSecurity()
    api.content.create(staff, "Document", id="salarisschalen", title="Salarisschalen")

    rules = api.content.create(portal, "Document", id="huisregels", title="Huisregels")
    api.content.transition(obj=rules, transition="publish")
    rules.manage_permission("View", ["Manager", "Editor"], acquire=0)  # by hand, in the ZMI
    rules.reindexObjectSecurity()
