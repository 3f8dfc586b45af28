"""The living-lab dashboard: entry script (app.py), navigation, authentication, services (the only
code that writes), charts, UI helpers, the i18n catalogue and the command line."""
