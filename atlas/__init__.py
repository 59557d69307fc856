"""The printed risk atlas: layout templates (templates/), the words it prints, its charts and the export."""
