"""The certification round: its dates, the self-evaluation's score, findings and their actions."""
