"""``@recovery-plan-docx``: the recovery plan as a Word document."""
