"""Demo content: filled in below."""


def post_install(context):
    """Create the demo library, its plans, projects, evidence and users."""
