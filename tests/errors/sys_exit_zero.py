"""sys.exit(0) inside a function with a finally: finally runs, status 0."""
import sys
def main():
    try:
        sys.exit(0)
    finally:
        print("cleanup ran")
main()
