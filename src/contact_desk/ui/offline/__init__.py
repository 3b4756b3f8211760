"""The offline copy's controller (sync schedule, offline state) and what the window shows of it."""
