"""An exception raised in a finally clause after an exception in the try body."""
def work():
    try:
        return {}["k"]
    finally:
        print("cleanup")
        raise RuntimeError("cleanup failed")
work()
