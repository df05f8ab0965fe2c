"""Uncaught TypeError: calling a non-callable object."""
config = {"debug": True}
handler = config["debug"]
result = handler("event")
