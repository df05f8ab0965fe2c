"""Uncaught custom exception with a multi-line str and notes."""
class ValidationError(Exception):
    def __init__(self, field, problem):
        super().__init__(f"{field}: {problem}")
e = ValidationError("email", "missing @")
e.add_note("while validating user 7")
raise e
