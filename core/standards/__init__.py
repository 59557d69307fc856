"""Standards and presets as typed data, each table once, with its source named."""
