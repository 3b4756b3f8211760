"""The main window: layout, the one place its parts are connected, actions, remembered state, the
account switcher, the demo and the self-test. Only app.py, the self-test, tests and benches import
it."""
