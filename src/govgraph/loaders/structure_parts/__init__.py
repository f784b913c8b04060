"""Parts of the ``parse`` stage: header, attendance, officers, agenda items."""
