"""``@self-evaluation-docx``: the self-evaluation as a Word document."""
